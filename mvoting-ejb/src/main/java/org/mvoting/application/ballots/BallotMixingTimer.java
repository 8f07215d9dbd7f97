package org.mvoting.application.ballots;

import jakarta.ejb.EJB;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.mvoting.api.settings.CitySettings;
import org.mvoting.infrastructure.cluster.ClusterJob;
import org.mvoting.infrastructure.cluster.ClusterJobs;

/**
 * Runs a mixing round every second. MVOTING_MIX_MIN_BATCH (default 5) is how many ballots must be waiting
 * before a poll's ballots are mixed into the clear tables and the live tally; closing a poll mixes the rest.
 * Each poll is mixed in its own transaction: one that fails stays in the inbox for the next round and the others
 * are mixed. A failure is logged in full once; while it repeats for the same poll, one line a round. In a cluster
 * one node mixes (ClusterJob.MIXING); the per-poll locks make a mix happen once even if two nodes ever overlap.
 */
@Singleton
public class BallotMixingTimer {

    private static final Logger LOG = Logger.getLogger(BallotMixingTimer.class.getName());
    private static final int MINIMUM_BATCH = CitySettings.mixMinBatch();

    /** Polls whose last mix failed, with the failure: a repeated failure is one line, not a stack trace a second. */
    private final Map<UUID, String> failing = new HashMap<>();

    @EJB
    private BallotMixing mixing;

    @Inject
    private ClusterJobs jobs;

    @Schedule(hour = "*", minute = "*", second = "*", persistent = false)
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public void mix() {
        if (!jobs.runsHere(ClusterJob.MIXING)) {
            return;
        }
        List<UUID> polls;
        try {
            polls = mixing.pollsReadyToMix(MINIMUM_BATCH);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Mixing round skipped: " + e);
            return;
        }
        int moved = 0;
        for (UUID pollId : polls) {
            try {
                moved += mixing.mixNow(pollId);
                failing.remove(pollId);
            } catch (RuntimeException e) {
                String failure = String.valueOf(e.getCause() == null ? e : e.getCause());
                if (failure.equals(failing.put(pollId, failure))) {
                    LOG.warning(() -> "Mixing poll " + pollId + " failed again; its ballots stay in the inbox: " + failure);
                } else {
                    LOG.log(Level.SEVERE, "Mixing poll " + pollId + " failed; its ballots stay in the inbox for the next round", e);
                }
            }
        }
        failing.keySet().retainAll(polls);
        int mixed = moved;
        if (mixed > 0) {
            LOG.fine(() -> "mixed " + mixed + " ballots");
        }
    }
}
