package org.mvoting.infrastructure.crypto;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.mvoting.infrastructure.persistence.SecretFingerprints;

/**
 * One secret per database, checked at deploy: loads the server secret (a missing one stops a node outside the
 * demo), stores its fingerprint on the database's first start, and refuses to deploy a node whose secret gives
 * another fingerprint, before it can derive a single voter key of its own. Bean-managed transactions: the check
 * runs on an auto-commit connection (see {@link SecretFingerprints}).
 */
@Singleton
@Startup
@DependsOn("SchemaMigration")
@TransactionManagement(TransactionManagementType.BEAN)
public class ServerSecretCheck {

    private static final Logger LOG = Logger.getLogger(ServerSecretCheck.class.getName());
    /** How much of a fingerprint a message shows: enough to tell two apart. */
    static final int SHOWN = 12;

    @Resource(lookup = "java:jboss/datasources/MVotingDS")
    private DataSource dataSource;

    @Inject
    private ServerSecrets secrets;

    @PostConstruct
    void check() {
        String ours = secrets.fingerprint(); // loading the secrets refuses a missing MVOTING_SECRET outside the demo
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(true);
            check(connection, ours);
        } catch (SQLException e) {
            throw new IllegalStateException("mVoting cannot start: cannot read the server secret's fingerprint", e);
        }
        LOG.info(() -> "The server secret matches this database's (fingerprint " + shown(ours) + ")");
    }

    /**
     * Holds this node to the database's secret: stores {@code ourFingerprint} if the database has none yet, else
     * refuses a different one with a message naming both fingerprints' beginnings and what to do.
     */
    public static void check(Connection connection, String ourFingerprint) throws SQLException {
        String stored = SecretFingerprints.storedOrFirst(connection, ourFingerprint);
        if (!stored.equals(ourFingerprint)) {
            throw new IllegalStateException(mismatch(stored, ourFingerprint));
        }
    }

    static String mismatch(String stored, String ours) {
        return "mVoting cannot start: this node's MVOTING_SECRET is not the secret this database was first started"
                + " with (server_secret fingerprint " + shown(stored) + "…, this node's " + shown(ours) + "…). Voter"
                + " keys from another secret would let the same phone vote again. Give this node the MVOTING_SECRET"
                + " of the other nodes (the one of the first start); never change the secret of a database in use.";
    }

    private static String shown(String fingerprint) {
        return fingerprint.substring(0, Math.min(SHOWN, fingerprint.length()));
    }
}
