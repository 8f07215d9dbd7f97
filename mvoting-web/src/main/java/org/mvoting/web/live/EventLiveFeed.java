package org.mvoting.web.live;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.mvoting.api.errors.NotFoundException;
import org.mvoting.api.events.EventFloor;
import org.mvoting.api.events.EventLiveState;

/**
 * The hall's live state, pushed (Server-Sent Events) to every phone and the big screen of an event. One ticker reads
 * each watched event's state every {@value #TICK_MILLIS} ms (one query set per event, however many screens
 * watch) and sends it only when it changed, so the screens are at most a tick behind the ballots (the read only reads:
 * the EJB tier's hall clock closes run-out countdowns and mixes shown results). A screen that (re)connects gets the whole state at once,
 * which is all a reconnect needs. Every node of a cluster reads the same database, so screens may connect anywhere.
 */
@ApplicationScoped
public class EventLiveFeed {

    static final long TICK_MILLIS = 250;
    private static final Logger LOG = Logger.getLogger(EventLiveFeed.class.getName());
    private static final long HEARTBEAT_MILLIS = 15_000;
    /** How soon a dropped screen tries again (the browser's own default is a few seconds). */
    private static final long RECONNECT_MILLIS = 1_000;
    private static final Jsonb JSONB = JsonbBuilder.create();

    /** The screens watching one event, and what they were last sent. */
    private static final class Hall {
        final String joinCode;
        final Set<SseEventSink> screens = ConcurrentHashMap.newKeySet();
        volatile String lastSent;
        volatile long lastSentAt;

        Hall(String joinCode) {
            this.joinCode = joinCode;
        }
    }

    @EJB
    private EventFloor floor;

    @Resource(lookup = "java:comp/DefaultManagedScheduledExecutorService")
    private ManagedScheduledExecutorService scheduler;

    private final ConcurrentHashMap<String, Hall> halls = new ConcurrentHashMap<>();
    private volatile Sse sse;
    private ScheduledFuture<?> ticking;

    @PostConstruct
    void start() {
        ticking = scheduler.scheduleWithFixedDelay(this::tick, TICK_MILLIS, TICK_MILLIS, TimeUnit.MILLISECONDS);
    }

    @PreDestroy
    void stop() {
        if (ticking != null) {
            ticking.cancel(false);
        }
        halls.values().forEach(hall -> hall.screens.forEach(EventLiveFeed::closeQuietly));
    }

    /**
     * A screen starts watching: it gets the current state now, then every change. An unknown join code is refused
     * (NotFoundException, a 404 problem) before the stream starts.
     */
    public void watch(String joinCode, SseEventSink screen, Sse sse) {
        this.sse = sse;
        EventLiveState state = floor.live(joinCode);
        Hall hall = halls.compute(state.joinCode(), (code, known) -> {
            Hall watched = known == null ? new Hall(code) : known;
            watched.screens.add(screen);
            return watched;
        });
        send(hall, screen, event(state));
    }

    /** How many screens watch this event now (for tests and the console). */
    public int screens(String joinCode) {
        Hall hall = halls.get(joinCode);
        return hall == null ? 0 : hall.screens.size();
    }

    private void tick() {
        for (Hall hall : halls.values()) {
            hall.screens.removeIf(SseEventSink::isClosed);
            if (halls.computeIfPresent(hall.joinCode, (code, h) -> h.screens.isEmpty() ? null : h) == null) {
                continue;
            }
            try {
                EventLiveState state = floor.live(hall.joinCode);
                String comparable = JSONB.toJson(withoutClock(state));
                long now = System.currentTimeMillis();
                if (!comparable.equals(hall.lastSent)) {
                    OutboundSseEvent event = event(state);
                    hall.screens.forEach(screen -> send(hall, screen, event));
                    hall.lastSent = comparable;
                    hall.lastSentAt = now;
                } else if (now - hall.lastSentAt > HEARTBEAT_MILLIS) {
                    // keeps idle connections open through proxies, and finds the screens that went away
                    hall.lastSentAt = now;
                    OutboundSseEvent beat = sse.newEventBuilder().comment("still here").build();
                    hall.screens.forEach(screen -> send(hall, screen, beat));
                }
            } catch (NotFoundException gone) {
                hall.screens.forEach(EventLiveFeed::closeQuietly);
                halls.remove(hall.joinCode, hall);
            } catch (RuntimeException e) {
                // the next tick tries again; the screens keep their last state meanwhile. While the application
                // stops, the services stop before this bean does: not worth a warning.
                LOG.log(e.getClass().getSimpleName().equals("ComponentIsStoppedException") ? Level.FINE : Level.WARNING,
                        "Live state of event " + hall.joinCode + " could not be read", e);
            }
        }
    }

    private OutboundSseEvent event(EventLiveState state) {
        return sse.newEventBuilder().name("state").mediaType(MediaType.TEXT_PLAIN_TYPE).data(String.class,
                JSONB.toJson(state)).reconnectDelay(RECONNECT_MILLIS).build();
    }

    private static void send(Hall hall, SseEventSink screen, OutboundSseEvent event) {
        if (screen.isClosed()) {
            hall.screens.remove(screen);
            return;
        }
        try {
            screen.send(event).exceptionally(failure -> {
                hall.screens.remove(screen);
                closeQuietly(screen);
                return null;
            });
        } catch (RuntimeException closedMeanwhile) {
            // a screen that went away between the check and the send must not keep the others from their update
            hall.screens.remove(screen);
            closeQuietly(screen);
        }
    }

    private static EventLiveState withoutClock(EventLiveState state) {
        return new EventLiveState(state.joinCode(), state.title(), state.participants(), state.joined(),
                state.question(), null);
    }

    private static void closeQuietly(SseEventSink screen) {
        try {
            screen.close();
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, "closing a screen's stream", e);
        }
    }
}
