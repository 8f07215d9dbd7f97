package org.mvoting.application.events;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.DependsOn;
import jakarta.ejb.EJB;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.inject.Inject;
import java.util.List;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.mvoting.application.ballots.BallotMixing;
import org.mvoting.infrastructure.cluster.ClusterJob;
import org.mvoting.infrastructure.cluster.ClusterJobs;
import org.mvoting.infrastructure.persistence.EventLedger;

/**
 * The hall's clock, every {@value #TICK_MILLIS} ms: closes an open event question as soon as its countdown runs out,
 * so every screen shows it closed with its final count within a screen tick (the poll closing timer's 10 s would be
 * too late for a hall), and mixes the waiting ballots of a question whose results the big screen shows, however few,
 * so its bars keep up with the hall (hidden results wait for the ordinary mixer's batches). Every node keeps the
 * clock going, but only the node holding ClusterJob.EVENT_CLOCK works a round (another takes over within the lease's
 * 3 s if it dies); the locks would make each close and each mix happen once all the same. Each round schedules the next, so a slow round (a large recount)
 * is never overlapped: {@value #TICK_MILLIS} ms while an event question is open, {@value #IDLE_MILLIS} ms while none
 * is (a question opened meanwhile is seen within that, long before any countdown ends), and after a failed round
 * (the database away) a delay that doubles up to {@value #MOST_BACKOFF_MILLIS} ms, so an outage is not logged four
 * times a second on every node.
 */
@Singleton
@Startup
@DependsOn("SchemaMigration")
public class EventCountdownTimer {

    static final long TICK_MILLIS = 250;
    static final long IDLE_MILLIS = 1_000;
    static final long MOST_BACKOFF_MILLIS = 30_000;
    private static final Logger LOG = Logger.getLogger(EventCountdownTimer.class.getName());

    @Resource(lookup = "java:comp/DefaultManagedScheduledExecutorService")
    private ManagedScheduledExecutorService scheduler;

    @EJB
    private EventCountdown countdown;

    @EJB
    private BallotMixing mixing;

    @Inject
    private ClusterJobs jobs;

    private volatile ScheduledFuture<?> next;
    private volatile boolean stopped;
    private long backoff = IDLE_MILLIS;

    @PostConstruct
    void start() {
        next = scheduler.schedule(this::round, IDLE_MILLIS, TimeUnit.MILLISECONDS);
    }

    @PreDestroy
    void stop() {
        stopped = true;
        ScheduledFuture<?> pending = next;
        if (pending != null) {
            pending.cancel(false);
        }
    }

    private void round() {
        long delay = IDLE_MILLIS;
        try {
            delay = tick();
        } finally {
            // whatever happened, the clock goes on (only stopping the application ends it)
            if (!stopped) {
                next = scheduler.schedule(this::round, delay, TimeUnit.MILLISECONDS);
            }
        }
    }

    /** One round; returns how long to wait before the next. */
    long tick() {
        if (!jobs.runsHere(ClusterJob.EVENT_CLOCK)) {
            return IDLE_MILLIS;
        }
        List<EventLedger.OpenQuestion> questions;
        try {
            questions = countdown.openQuestions();
        } catch (RuntimeException e) {
            long wait = backoff;
            backoff = Math.min(backoff * 2, MOST_BACKOFF_MILLIS);
            // the next round tries again later; while the application stops, the services stop first
            LOG.log(e.getClass().getSimpleName().equals("ComponentIsStoppedException") ? Level.FINE : Level.WARNING,
                    "The event countdown's round failed; the next in " + wait + " ms", e);
            return wait;
        }
        backoff = IDLE_MILLIS;
        for (EventLedger.OpenQuestion open : questions) {
            try {
                if (open.runOut()) {
                    countdown.closeRunOut(open.pollId());
                } else if (open.resultsShown()) {
                    mixing.mixNow(open.pollId());
                }
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "Event question " + open.pollId() + " was not closed or mixed this round", e);
            }
        }
        return questions.isEmpty() ? IDLE_MILLIS : TICK_MILLIS;
    }
}
