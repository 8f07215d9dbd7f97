package org.mvoting.infrastructure.messaging;

import jakarta.annotation.Resource;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.inject.Inject;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.Queue;
import jakarta.jms.QueueBrowser;
import jakarta.jms.TextMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.Enumeration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.logging.Logger;
import org.mvoting.infrastructure.cluster.ClusterJob;
import org.mvoting.infrastructure.cluster.ClusterJobs;
import org.mvoting.infrastructure.persistence.OutboxRepository;

/**
 * Re-announces outbox messages that stayed PENDING far longer than redelivery takes. The datasource is
 * not XA, so the database and the queue commit one after the other; a crash between the two would leave
 * a message written but never announced. The sweep closes that gap.
 *
 * <p>A new poll can put a push notification for every installation in the outbox at once, and the queue then
 * works through them for a while: a message still waiting its turn on the queue is not stuck. So the sweep
 * re-announces only pending messages the queue does not hold, and waits for a later round while the backlog
 * is too long to look through.
 */
@Singleton
public class OutboxSweeper {

    private static final Logger LOG = Logger.getLogger(OutboxSweeper.class.getName());
    static final Duration PATIENCE = Duration.ofMinutes(5);
    /** Re-announced per round at most; the next round takes the rest. */
    static final int MAX_PER_SWEEP = 10_000;
    /** Longer backlogs are not browsed: the queue is busy, so a round is skipped. */
    static final int MAX_BROWSED = 200_000;

    @Inject
    private OutboxRepository messages;

    @Inject
    private ClusterJobs jobs;

    @Inject
    private OutboxRelay relay;

    @Inject
    private JMSContext jms;

    @Resource(lookup = OutboxRelay.QUEUE)
    private Queue outbox;

    @Schedule(hour = "*", minute = "*/5", persistent = false)
    public void reannounceStuckMessages() {
        if (!jobs.runsHere(ClusterJob.OUTBOX_SWEEP)) {
            return;
        }
        Instant now = Instant.now();
        List<UUID> pending = messages.pendingSince(now.minus(PATIENCE), MAX_PER_SWEEP);
        if (pending.isEmpty()) {
            return;
        }
        Set<String> queued = waitingOnTheQueue();
        if (queued == null) {
            LOG.info(() -> "The outbox queue holds more than " + MAX_BROWSED + " messages; pending ones wait for a"
                    + " later sweep");
            return;
        }
        List<UUID> lost = pending.stream().filter(id -> !queued.contains(id.toString())).toList();
        relay.announceAll(lost);
        if (!lost.isEmpty()) {
            LOG.warning(() -> "Re-announced " + lost.size() + " outbox messages that were never delivered");
        }
    }

    /** The ids waiting on the queue now, or null when there are too many to look through. */
    private Set<String> waitingOnTheQueue() {
        Set<String> ids = new HashSet<>();
        try (QueueBrowser browser = jms.createBrowser(outbox)) {
            Enumeration<?> waiting = browser.getEnumeration();
            while (waiting.hasMoreElements()) {
                if (ids.size() >= MAX_BROWSED) {
                    return null;
                }
                Message m = (Message) waiting.nextElement();
                if (m instanceof TextMessage text) {
                    ids.add(text.getText());
                }
            }
        } catch (JMSException e) {
            throw new IllegalStateException("could not browse the outbox queue", e);
        }
        return ids;
    }
}
