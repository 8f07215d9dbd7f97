package org.mvoting.infrastructure.metrics;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Counters of this node since it started, for /metrics (Prometheus sums them over the nodes and takes rates). Kept in
 * memory, not in the database: a count per ballot must not add a write to the vote's hot path, and a counter that
 * starts again at zero after a restart is what Prometheus expects. Labels come from fixed vocabularies (problem
 * codes, channels), never from input, so the number of series stays small.
 */
@ApplicationScoped
public class NodeCounters {

    /** A refusal that is not a business rule's (the database failed, a bug): its reason. */
    public static final String ERROR = "error";
    /** A ballot accepted by the engine whose transaction then rolled back (an enclosing use case failed). */
    public static final String ROLLED_BACK = "rolled-back";

    /** Outcomes of a failed gateway call. */
    public enum GatewayFailure {
        /** No answer or a 5xx: the message is tried again later. */
        RETRY,
        /** Refused for good by the gateway: the message is FAILED at once. */
        REFUSED,
        /** Its attempts ran out (dead-letter queue): the message is FAILED. */
        GAVE_UP;

        public String label() {
            return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        }
    }

    private final LongAdder accepted = new LongAdder();
    private final LongAdder replayed = new LongAdder();
    private final ConcurrentMap<String, LongAdder> refused = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, LongAdder> gatewayFailures = new ConcurrentHashMap<>();

    /** A new ballot committed. */
    public void ballotAccepted() {
        accepted.increment();
    }

    /** A retry that got its earlier receipt back: no new ballot. */
    public void ballotReplayed() {
        replayed.increment();
    }

    /** A cast refused, by its problem code (already-voted, poll-not-open, ...) or {@link #ERROR}. */
    public void ballotRefused(String reason) {
        refused.computeIfAbsent(reason, r -> new LongAdder()).increment();
    }

    /** A delivery attempt through a gateway that failed. */
    public void gatewayFailed(String channel, GatewayFailure outcome) {
        gatewayFailures.computeIfAbsent(key(channel, outcome), k -> new LongAdder()).increment();
    }

    public long ballotsAccepted() {
        return accepted.sum();
    }

    public long ballotsReplayed() {
        return replayed.sum();
    }

    /** Refusals by reason, in name order. */
    public Map<String, Long> ballotsRefused() {
        Map<String, Long> snapshot = new TreeMap<>();
        refused.forEach((reason, count) -> snapshot.put(reason, count.sum()));
        return snapshot;
    }

    /** Failed attempts of one channel and outcome (0 when there were none). */
    public long gatewayFailures(String channel, GatewayFailure outcome) {
        LongAdder count = gatewayFailures.get(key(channel, outcome));
        return count == null ? 0 : count.sum();
    }

    private static String key(String channel, GatewayFailure outcome) {
        return channel + '\n' + outcome.name();
    }
}
