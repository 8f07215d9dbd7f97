package org.mvoting.application.polls;

import jakarta.ejb.EJB;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.mvoting.api.errors.BusinessException;
import org.mvoting.api.polls.Actor;
import org.mvoting.infrastructure.cluster.ClusterJob;
import org.mvoting.infrastructure.cluster.ClusterJobs;
import org.mvoting.infrastructure.persistence.PollRepository;

/**
 * Closes polls whose schedule has ended, each in its own transaction, so their final results are
 * recomputed without anyone pressing "close"; tells the audience of staff polls whose opening has come (StaffPollOpenings). Ballots are already refused after the end by the schedule. In a
 * cluster one node closes (ClusterJob.POLL_CLOSING); closing an already closed poll is refused, so an overlap is harmless.
 */
@Singleton
public class PollClosingTimer {

    private static final Logger LOG = Logger.getLogger(PollClosingTimer.class.getName());
    private static final Actor SCHEDULER = new Actor("system:scheduler", "timer");

    @Inject
    private PollRepository polls;

    @EJB
    private PollClosing closing;

    @Inject
    private ClusterJobs jobs;

    @EJB
    private StaffPollOpenings openings;

    /** Every 10 s: ballots stop at the scheduled end anyway; this is how soon final results follow. */
    @Schedule(hour = "*", minute = "*", second = "*/10", persistent = false)
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public void closeEndedPolls() {
        if (!jobs.runsHere(ClusterJob.POLL_CLOSING)) {
            return;
        }
        for (UUID id : polls.idsDueForClosing(Instant.now())) {
            try {
                closing.close(id, SCHEDULER);
            } catch (BusinessException e) {
                LOG.log(Level.FINE, "poll " + id + " was closed meanwhile", e);
            }
        }
        // the other end of the schedule: staff polls approved ahead of their opening tell their audience now
        Instant now = Instant.now();
        for (UUID id : openings.pollsDue(now)) {
            try {
                openings.notifyOpened(id, now);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "staff notices of poll " + id + " not written; tried again in 10 s", e);
            }
        }
    }
}
