package org.mvoting.application.staff;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.logging.Logger;
import org.mvoting.api.errors.DirectorySyncRunningException;
import org.mvoting.api.polls.Actor;
import org.mvoting.api.settings.CitySettings;
import org.mvoting.infrastructure.cluster.ClusterJob;
import org.mvoting.infrastructure.cluster.ClusterJobs;
import org.mvoting.infrastructure.directory.LdapDirectory;

/**
 * Syncs the org chart on a schedule: shortly after start, then every MVOTING_DIRECTORY_SYNC_MINUTES
 * (default 60; 0 turns the schedule off, leaving the portal's "sync now"). In a cluster every node keeps the timer and
 * the node holding ClusterJob.DIRECTORY_SYNC syncs: one sync per interval for the cluster, not one per node.
 */
@Singleton
@Startup
public class DirectorySyncTimer {

    private static final Logger LOG = Logger.getLogger(DirectorySyncTimer.class.getName());
    private static final Actor SCHEDULER = new Actor("system:scheduler", "timer");

    @Resource
    private TimerService timers;

    @Inject
    private LdapDirectory ldap;

    @EJB
    private DirectorySynchronizer synchronizer;

    @Inject
    private ClusterJobs jobs;

    @PostConstruct
    void schedule() {
        int minutes = CitySettings.directorySyncMinutes();
        if (minutes <= 0) {
            LOG.info("Scheduled directory sync is off (MVOTING_DIRECTORY_SYNC_MINUTES=" + minutes + ")");
            return;
        }
        long firstDelay = CitySettings.directorySyncDelaySeconds() * 1000L;
        timers.createIntervalTimer(firstDelay, minutes * 60_000L, new TimerConfig("directory-sync", false));
    }

    @Timeout
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void syncDirectory() {
        if (!ldap.configured()) {
            LOG.warning("MVOTING_LDAP_URL is not set: the staff directory is not synced and staff cannot log in");
            return;
        }
        if (!jobs.runsHere(ClusterJob.DIRECTORY_SYNC)) {
            LOG.fine("Directory sync left to the node that holds its lease");
            return;
        }
        try {
            synchronizer.runNow(synchronizer.begin("SCHEDULE", SCHEDULER));
        } catch (DirectorySyncRunningException e) {
            LOG.fine("Directory sync skipped: another run is in progress");
        }
    }
}
