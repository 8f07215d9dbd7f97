package org.mvoting.application.operations;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.mvoting.api.messaging.SmsBudgetDay;
import org.mvoting.api.operations.MetricFamily;
import org.mvoting.api.operations.MetricFamily.Sample;
import org.mvoting.api.operations.MetricFamily.Type;
import org.mvoting.api.operations.NodeMetrics;
import org.mvoting.domain.messaging.OutboxMessage;
import org.mvoting.infrastructure.messaging.SmsBudget;
import org.mvoting.infrastructure.metrics.NodeCounters;
import org.mvoting.infrastructure.metrics.NodeCounters.GatewayFailure;
import org.mvoting.infrastructure.metrics.PoolStatistics;
import org.mvoting.infrastructure.persistence.OperationsLedger;

/**
 * Everything /metrics shows, gathered at scrape time. The node's counters and the pool's statistics never need the
 * database; the inbox, outbox and SMS budget do, and are left out (with {@code mvoting_database_up 0}) when it cannot
 * be read, so the scrape itself still succeeds and the counters keep their history. No transaction: a read that
 * fails must not mark anything for rollback.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class NodeMetricsService implements NodeMetrics {

    private static final Logger LOG = Logger.getLogger(NodeMetricsService.class.getName());

    /** The pool figures shown as connections by state (normalised name → state label). */
    private static final Map<String, String> POOL_STATES = new LinkedHashMap<>();

    static {
        POOL_STATES.put("inusecount", "in_use");
        POOL_STATES.put("idlecount", "idle");
        POOL_STATES.put("activecount", "open");
        POOL_STATES.put("availablecount", "available");
    }

    @Inject
    private NodeCounters counters;

    @Inject
    private PoolStatistics pool;

    @Inject
    private OperationsLedger ledger;

    @Inject
    private SmsBudget smsBudget;

    @Override
    public List<MetricFamily> scrape() {
        List<MetricFamily> families = new ArrayList<>(ballots(counters));
        families.addAll(gatewayFailures(counters));
        boolean databaseUp = true;
        try {
            OperationsLedger.Inbox inbox = ledger.inbox();
            families.add(MetricFamily.single("mvoting_ballot_inbox_depth", Type.GAUGE,
                    "Sealed ballots waiting to be mixed (the cluster's; every node reports it)", inbox.depth()));
            families.add(MetricFamily.single("mvoting_mixer_lag_seconds", Type.GAUGE,
                    "Age of the oldest sealed ballot waiting to be mixed; 0 when none waits", inbox.oldest().toMillis() / 1000.0));
            families.addAll(outbox(ledger.outbox()));
        } catch (SQLException | RuntimeException e) {
            LOG.log(Level.FINE, "Metrics: the database cannot be read", e);
            databaseUp = false;
        }
        if (databaseUp) {
            try {
                SmsBudgetDay today = smsBudget.today();
                families.add(MetricFamily.single("mvoting_sms_budget_used", Type.GAUGE,
                        "SMS handed to the gateway today in the city's time zone, counted against MVOTING_SMS_DAILY_BUDGET", today.used()));
                families.add(MetricFamily.single("mvoting_sms_budget_daily", Type.GAUGE,
                        "The daily SMS budget in force (MVOTING_SMS_DAILY_BUDGET)", today.budget()));
            } catch (RuntimeException e) {
                LOG.log(Level.FINE, "Metrics: the SMS budget cannot be read", e);
                databaseUp = false;
            }
        }
        families.add(MetricFamily.single("mvoting_database_up", Type.GAUGE,
                "1 when this scrape could read the database, 0 when its figures are missing", databaseUp ? 1 : 0));
        families.addAll(pool(pool.read()));
        return families;
    }

    static List<MetricFamily> ballots(NodeCounters counters) {
        List<Sample> refused = new ArrayList<>();
        counters.ballotsRefused().forEach((reason, count) -> refused.add(Sample.of("reason", reason, count)));
        return List.of(
                MetricFamily.single("mvoting_ballots_accepted_total", Type.COUNTER,
                        "New ballots committed by this node", counters.ballotsAccepted()),
                MetricFamily.single("mvoting_ballots_replayed_total", Type.COUNTER,
                        "Casts that returned an earlier receipt (a client's retry): no new ballot", counters.ballotsReplayed()),
                new MetricFamily("mvoting_ballots_refused_total", Type.COUNTER,
                        "Casts refused by this node, by reason (the problem code; error: not a rule's refusal)", refused));
    }

    static List<MetricFamily> gatewayFailures(NodeCounters counters) {
        List<Sample> samples = new ArrayList<>();
        for (OutboxMessage.Channel channel : OutboxMessage.Channel.values()) {
            for (GatewayFailure outcome : GatewayFailure.values()) {
                Map<String, String> labels = new LinkedHashMap<>(); // channel first, in every scrape
                labels.put("channel", label(channel.name()));
                labels.put("outcome", outcome.label());
                samples.add(new Sample(labels, counters.gatewayFailures(channel.name(), outcome)));
            }
        }
        return List.of(new MetricFamily("mvoting_outbox_delivery_failures_total", Type.COUNTER,
                "Failed deliveries through the SMS and push gateways by this node (retry: tried again later;"
                        + " refused: refused for good; gave-up: attempts ran out)", samples));
    }

    static List<MetricFamily> outbox(Map<String, OperationsLedger.Outbox> byChannel) {
        List<Sample> pending = new ArrayList<>();
        List<Sample> failed = new ArrayList<>();
        for (OutboxMessage.Channel channel : OutboxMessage.Channel.values()) {
            OperationsLedger.Outbox outbox = byChannel.getOrDefault(channel.name(), new OperationsLedger.Outbox(0, 0));
            pending.add(Sample.of("channel", label(channel.name()), outbox.pending()));
            failed.add(Sample.of("channel", label(channel.name()), outbox.failedDay()));
        }
        return List.of(
                new MetricFamily("mvoting_outbox_pending_messages", Type.GAUGE,
                        "Outbox messages not delivered yet, by channel (the cluster's)", pending),
                new MetricFamily("mvoting_outbox_failed_messages_24h", Type.GAUGE,
                        "Outbox messages written in the last 24 hours that failed for good, by channel (the cluster's)", failed));
    }

    static List<MetricFamily> pool(Map<String, Long> statistics) {
        if (statistics.isEmpty()) {
            return List.of();
        }
        List<MetricFamily> families = new ArrayList<>();
        List<Sample> states = new ArrayList<>();
        POOL_STATES.forEach((figure, state) -> {
            if (statistics.containsKey(figure)) {
                states.add(Sample.of("state", state, statistics.get(figure)));
            }
        });
        families.add(new MetricFamily("mvoting_pool_connections", Type.GAUGE,
                "MVotingDS connections by state (WildFly's pool statistics; available: more it may hand out now)", states));
        addIfPresent(families, statistics, "maxusedcount", "mvoting_pool_max_used_connections", Type.GAUGE,
                "The most MVotingDS connections in use at once since the statistics were reset");
        addIfPresent(families, statistics, "waitcount", "mvoting_pool_waits_total", Type.COUNTER,
                "Requests that had to wait for an MVotingDS connection");
        addIfPresent(families, statistics, "timedout", "mvoting_pool_timed_out_total", Type.COUNTER,
                "MVotingDS connections closed for being idle too long");
        addIfPresent(families, statistics, "blockingfailurecount", "mvoting_pool_blocking_failures_total", Type.COUNTER,
                "Requests that got no MVotingDS connection within MVOTING_DB_POOL_WAIT_MS");
        return families;
    }

    private static void addIfPresent(List<MetricFamily> families, Map<String, Long> statistics, String figure,
                                     String name, Type type, String help) {
        Long value = statistics.get(figure);
        if (value != null) {
            families.add(MetricFamily.single(name, type, help, value));
        }
    }

    private static String label(String channel) {
        return channel.toLowerCase(Locale.ROOT);
    }
}
