package org.mvoting.application.operations;

import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.inject.Inject;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.InvalidDestinationException;
import jakarta.jms.InvalidDestinationRuntimeException;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.JMSRuntimeException;
import jakarta.jms.Queue;
import jakarta.jms.QueueBrowser;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.mvoting.api.operations.HealthReport;
import org.mvoting.api.operations.HealthReport.Check;
import org.mvoting.api.operations.NodeHealth;
import org.mvoting.api.settings.CitySettings;
import org.mvoting.infrastructure.directory.LdapDirectory;
import org.mvoting.infrastructure.messaging.OutboxRelay;

/**
 * Liveness and readiness. The three readiness checks run at the same time on the server's managed executor and
 * each gets {@link HealthReport#CHECK_BUDGET_MILLIS}: the balancer asks every few seconds and must hear within its
 * own check timeout, whatever hangs. No transaction: a check of a database that is gone must not roll anything back.
 * Failures are logged at FINE only (the balancer asks every two seconds; the body says what is DOWN), and what
 * leaves this class is a check name and a reason word, never an exception's text.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class NodeHealthService implements NodeHealth {

    private static final Logger LOG = Logger.getLogger(NodeHealthService.class.getName());
    static final String DATABASE = "database";
    static final String DIRECTORY = "directory";
    static final String MESSAGING = "messaging";
    static final String DEPLOYMENT = "deployment";
    /** Seconds a pooled connection has to answer its validity check. */
    private static final int DATABASE_VALID_SECONDS = 1;
    /** Connecting to the directory and its answer to the bind, each. */
    private static final int DIRECTORY_TIMEOUT_MILLIS = 1_000;

    @Resource
    private ManagedExecutorService executor;

    @Resource(lookup = "java:jboss/datasources/MVotingDS")
    private DataSource dataSource;

    /** The broker's plain in-VM factory: browsing needs no transaction and no pooled (JCA) session. */
    @Resource(lookup = "java:/ConnectionFactory")
    private ConnectionFactory connections;

    @Resource(lookup = OutboxRelay.QUEUE)
    private Queue outbox;

    @Resource(lookup = OutboxRelay.DEAD_LETTER_QUEUE)
    private Queue deadLetters;

    @Inject
    private LdapDirectory directory;

    @Override
    public HealthReport live() {
        return new HealthReport(List.of(Check.up(DEPLOYMENT, true)));
    }

    @Override
    public HealthReport ready() {
        boolean directoryRequired = CitySettings.readyRequiresDirectory();
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(HealthReport.CHECK_BUDGET_MILLIS);
        List<Future<Check>> running = new ArrayList<>();
        running.add(executor.submit(this::database));
        running.add(executor.submit(() -> directory(directoryRequired)));
        running.add(executor.submit(this::messaging));
        List<String> names = List.of(DATABASE, DIRECTORY, MESSAGING);
        List<Check> checks = new ArrayList<>();
        for (int i = 0; i < running.size(); i++) {
            checks.add(outcome(running.get(i), names.get(i), i != 1 || directoryRequired, deadline));
        }
        return new HealthReport(checks);
    }

    private static Check outcome(Future<Check> check, String name, boolean required, long deadline) {
        try {
            return check.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            check.cancel(true);
            return Check.down(name, required, Check.TIMEOUT);
        } catch (ExecutionException e) {
            LOG.log(Level.FINE, "Readiness check " + name + " failed", e);
            return Check.down(name, required, Check.UNREACHABLE);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Check.down(name, required, Check.TIMEOUT);
        }
    }

    /** A pooled connection that answers: what every request needs. */
    Check database() {
        try (Connection connection = dataSource.getConnection()) {
            return connection.isValid(DATABASE_VALID_SECONDS) ? Check.up(DATABASE, true)
                    : Check.down(DATABASE, true, Check.UNREACHABLE);
        } catch (SQLException | RuntimeException e) {
            LOG.log(Level.FINE, "Readiness: the database cannot be reached", e);
            return Check.down(DATABASE, true, Check.UNREACHABLE);
        }
    }

    /** A bind as the service account; a node without a directory has nothing to check. */
    Check directory(boolean required) {
        if (!directory.configured()) {
            return new Check(DIRECTORY, true, required, Check.NOT_CONFIGURED);
        }
        return switch (directory.probe(DIRECTORY_TIMEOUT_MILLIS)) {
            case ANSWERS -> Check.up(DIRECTORY, required);
            case REFUSED -> Check.down(DIRECTORY, required, Check.REFUSED);
            case UNREACHABLE -> Check.down(DIRECTORY, required, Check.UNREACHABLE);
        };
    }

    /** The broker answers and both outbox queues exist: browsing one opens a consumer on it, consuming nothing. */
    Check messaging() {
        try (JMSContext context = connections.createContext()) {
            for (Queue queue : List.of(outbox, deadLetters)) {
                try (QueueBrowser browser = context.createBrowser(queue)) {
                    browser.getEnumeration();
                }
            }
            return Check.up(MESSAGING, true);
        } catch (InvalidDestinationRuntimeException | InvalidDestinationException e) {
            LOG.log(Level.FINE, "Readiness: an outbox queue is missing", e);
            return Check.down(MESSAGING, true, Check.REFUSED);
        } catch (JMSException | JMSRuntimeException e) {
            LOG.log(Level.FINE, "Readiness: the message broker cannot be used", e);
            return Check.down(MESSAGING, true, Check.UNREACHABLE);
        }
    }
}
