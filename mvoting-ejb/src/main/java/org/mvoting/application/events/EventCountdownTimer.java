package org.mvoting.application.events;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.DependsOn;
import jakarta.ejb.EJB;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.mvoting.application.ballots.BallotMixing;
import org.mvoting.infrastructure.persistence.EventLedger;

/**
 * The hall's clock, every {@value #TICK_MILLIS} ms: closes an open event question as soon as its countdown runs out,
 * so every screen shows it closed with its final count within a screen tick (the poll closing timer's 10 s would be
 * too late for a hall), and mixes the waiting ballots of a question whose results the big screen shows, however few,
 * so its bars keep up with the hall (hidden results wait for the ordinary mixer's batches). Every node runs it; the
 * locks make each close and each mix happen once. A fixed delay, not a rate: a slow round (a large recount) is never
 * overlapped by the next one.
 */
@Singleton
@Startup
@DependsOn("SchemaMigration")
public class EventCountdownTimer {

    static final long TICK_MILLIS = 250;
    private static final Logger LOG = Logger.getLogger(EventCountdownTimer.class.getName());

    @Resource(lookup = "java:comp/DefaultManagedScheduledExecutorService")
    private ManagedScheduledExecutorService scheduler;

    @EJB
    private EventCountdown countdown;

    @EJB
    private BallotMixing mixing;

    private ScheduledFuture<?> ticking;

    @PostConstruct
    void start() {
        ticking = scheduler.scheduleWithFixedDelay(this::tick, 1_000, TICK_MILLIS, TimeUnit.MILLISECONDS);
    }

    @PreDestroy
    void stop() {
        if (ticking != null) {
            ticking.cancel(false);
        }
    }

    void tick() {
        try {
            for (EventLedger.OpenQuestion open : countdown.openQuestions()) {
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
        } catch (RuntimeException e) {
            // the next tick tries again a moment later; while the application stops, the services stop first
            LOG.log(e.getClass().getSimpleName().equals("ComponentIsStoppedException") ? Level.FINE : Level.WARNING,
                    "The event countdown's round failed", e);
        }
    }
}
