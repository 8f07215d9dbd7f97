package org.mvoting.application.operations;

import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.mvoting.infrastructure.cluster.ClusterJob;
import org.mvoting.infrastructure.cluster.ClusterJobs;
import org.mvoting.infrastructure.persistence.RateLimits;
import org.mvoting.infrastructure.persistence.SmsRefusalLedger;
import org.mvoting.infrastructure.persistence.StaffLoginGuard;

/**
 * Forgets rows that only take space: rate-limit windows (hourly, at :23), staff login failures (hourly, at :37) and
 * SMS refusal counts past the report's reach (daily, 03:41). Every node's timer fires; the node that holds
 * ClusterJob.HOUSEKEEPING deletes, each clean-up in its own transaction.
 */
@Singleton
public class Housekeeping {

    private static final Logger LOG = Logger.getLogger(Housekeeping.class.getName());

    @Inject
    private ClusterJobs jobs;

    @Inject
    private RateLimits limits;

    @Inject
    private StaffLoginGuard loginGuard;

    @Inject
    private SmsRefusalLedger smsRefusals;

    @Schedule(hour = "*", minute = "23", persistent = false)
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public void forgetOldRateLimitWindows() {
        run("rate-limit windows", limits::forgetOldWindows);
    }

    @Schedule(hour = "*", minute = "37", persistent = false)
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public void forgetOldLoginFailures() {
        run("staff login failures", loginGuard::forgetOldFailures);
    }

    @Schedule(hour = "3", minute = "41", persistent = false)
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public void forgetOldSmsRefusals() {
        run("SMS refusal counts", smsRefusals::forgetOldDays);
    }

    private void run(String what, Runnable cleanUp) {
        if (!jobs.runsHere(ClusterJob.HOUSEKEEPING)) {
            return;
        }
        try {
            cleanUp.run();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Old " + what + " were not forgotten this time; the next round tries again", e);
        }
    }
}
