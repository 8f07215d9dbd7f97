package org.mvoting.infrastructure.cluster;

import java.time.Duration;
import org.mvoting.api.settings.CitySettings;

/**
 * The jobs one node of a cluster runs for all, with how long a lease lasts without renewal: the longest a dead
 * node's job waits before another node takes it. A lease is renewed every time its job runs, so a lease longer than
 * the job's interval keeps the job on one node while that node lives (the mixer stays where it is); the clean-ups,
 * which fire at the same minute on every node, need only a lease longer than the nodes' clock difference.
 * Correctness never rests on the lease alone: each job still takes its own per-item locks (a poll's mixing, a
 * message's delivery, a sync run), so a node that outlives its lease while stuck does no harm, only double work.
 */
public enum ClusterJob {

    /** Moves waiting ballots into the clear tables, every second. */
    MIXING(Duration.ofSeconds(5)),
    /** The hall's clock: closes run-out event questions and mixes shown results, every 250 ms. */
    EVENT_CLOCK(Duration.ofSeconds(3)),
    /** Closes polls whose schedule ended, every 10 s. */
    POLL_CLOSING(Duration.ofSeconds(30)),
    /** Re-announces outbox messages left pending, every 5 minutes. */
    OUTBOX_SWEEP(Duration.ofMinutes(12)),
    /** The scheduled org chart sync: its lease lasts one and a half of MVOTING_DIRECTORY_SYNC_MINUTES. */
    DIRECTORY_SYNC(Duration.ofMinutes(Math.max(1, CitySettings.directorySyncMinutes()) * 3L / 2 + 1)),
    /** Invites replacements into panel samples' cells that need them, every minute. */
    SAMPLE_REPLACEMENT(Duration.ofMinutes(3)),
    /** Forgets old rate-limit windows, login failures and SMS refusals (each at its own minute of the hour). */
    HOUSEKEEPING(Duration.ofMinutes(5));

    private final Duration ttl;

    ClusterJob(Duration ttl) {
        this.ttl = ttl;
    }

    /** How long a lease lasts without renewal. */
    public Duration ttl() {
        return ttl;
    }

    /** How long a node trusts its own lease without asking the database again: a third of it, well inside it. */
    Duration trustedFor() {
        return ttl.dividedBy(3);
    }
}
