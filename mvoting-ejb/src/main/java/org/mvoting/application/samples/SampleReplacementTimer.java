package org.mvoting.application.samples;

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
import org.mvoting.infrastructure.cluster.ClusterJob;
import org.mvoting.infrastructure.cluster.ClusterJobs;
import org.mvoting.infrastructure.persistence.SampleLedger;

/**
 * Replacement invitations of open panel samples, every minute, on one node of the cluster
 * (ClusterJob.SAMPLE_REPLACEMENT): a cell whose open slots outnumber the invitations still worth waiting for gets the
 * next ranked members of its draw. A second run at the same time would find nothing to do (the poll's advisory lock).
 */
@Singleton
public class SampleReplacementTimer {

    private static final Logger LOG = Logger.getLogger(SampleReplacementTimer.class.getName());

    @Inject
    private SampleLedger samples;

    @EJB
    private SampleReplacement replacement;

    @Inject
    private ClusterJobs jobs;

    @Schedule(hour = "*", minute = "*", second = "17", persistent = false)
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public void replaceLapsedInvitations() {
        if (!jobs.runsHere(ClusterJob.SAMPLE_REPLACEMENT)) {
            return;
        }
        for (UUID pollId : samples.openDrawnPolls(Instant.now())) {
            try {
                replacement.replaceFor(pollId);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "Replacement invitations of panel sample " + pollId + " failed; next minute again", e);
            }
        }
    }
}
