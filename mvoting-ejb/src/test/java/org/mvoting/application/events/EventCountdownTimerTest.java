package org.mvoting.application.events;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.mvoting.application.ballots.BallotMixing;
import org.mvoting.infrastructure.cluster.ClusterJob;
import org.mvoting.infrastructure.cluster.ClusterJobs;
import org.mvoting.infrastructure.persistence.EventLedger.OpenQuestion;

/** One round of the hall's clock: a run-out countdown is closed, shown results are mixed, nothing else is touched. */
class EventCountdownTimerTest {

    private final List<String> done = new ArrayList<>();

    private final class Countdown extends EventCountdown {
        private final List<OpenQuestion> open;

        Countdown(List<OpenQuestion> open) {
            this.open = open;
        }

        @Override
        public List<OpenQuestion> openQuestions() {
            if (open == null) {
                throw new IllegalStateException("the database is away");
            }
            return open;
        }

        @Override
        public boolean closeRunOut(UUID pollId) {
            done.add("close " + pollId);
            if (pollId.equals(FAILING)) {
                throw new IllegalStateException("the database went away for a moment");
            }
            return true;
        }
    }

    private final class Mixing extends BallotMixing {
        @Override
        public int mixNow(UUID pollId) {
            done.add("mix " + pollId);
            return 1;
        }
    }

    /** Whether this node holds the hall clock's lease. */
    private static final class Jobs extends ClusterJobs {
        private final boolean here;

        Jobs(boolean here) {
            this.here = here;
        }

        @Override
        public boolean runsHere(ClusterJob job) {
            assertEquals(ClusterJob.EVENT_CLOCK, job);
            return here;
        }
    }

    private static final UUID RUN_OUT = UUID.randomUUID();
    private static final UUID SHOWN = UUID.randomUUID();
    private static final UUID HIDDEN = UUID.randomUUID();
    private static final UUID RUN_OUT_AND_SHOWN = UUID.randomUUID();
    private static final UUID FAILING = UUID.randomUUID();

    private EventCountdownTimer timer(List<OpenQuestion> open) throws ReflectiveOperationException {
        EventCountdownTimer timer = new EventCountdownTimer();
        set(timer, "countdown", new Countdown(open));
        set(timer, "mixing", new Mixing());
        set(timer, "jobs", new Jobs(true));
        return timer;
    }

    private static void set(Object target, String name, Object value) throws ReflectiveOperationException {
        Field field = target.getClass().getDeclaredField(name);
        field.setAccessible(true);
        field.set(target, value);
    }

    @Test
    void aRunOutCountdownClosesShownResultsAreMixedAndHiddenOnesWaitForTheMixer() throws Exception {
        timer(List.of(new OpenQuestion(RUN_OUT, true, false), new OpenQuestion(SHOWN, false, true),
                new OpenQuestion(HIDDEN, false, false), new OpenQuestion(RUN_OUT_AND_SHOWN, true, true))).tick();
        assertEquals(List.of("close " + RUN_OUT, "mix " + SHOWN, "close " + RUN_OUT_AND_SHOWN), done,
                "closing mixes what waits anyway");
    }

    @Test
    void whileAnotherNodeHoldsTheClockThisNodeNeitherClosesNorMixesAndWaitsTheIdleDelay() throws Exception {
        EventCountdownTimer timer = timer(List.of(new OpenQuestion(RUN_OUT, true, true)));
        set(timer, "jobs", new Jobs(false));
        assertEquals(EventCountdownTimer.IDLE_MILLIS, timer.tick());
        assertEquals(List.of(), done);
    }

    @Test
    void oneQuestionThatFailsDoesNotHoldBackTheOthers() throws Exception {
        timer(List.of(new OpenQuestion(FAILING, true, false), new OpenQuestion(SHOWN, false, true))).tick();
        assertEquals(List.of("close " + FAILING, "mix " + SHOWN), done);
    }

    @Test
    void aHallWithNothingOpenIsLeftAlone() throws Exception {
        timer(List.of()).tick();
        assertEquals(List.of(), done);
    }

    @Test
    void theClockTicksFastOnlyWhileAQuestionIsOpen() throws Exception {
        assertEquals(EventCountdownTimer.TICK_MILLIS, timer(List.of(new OpenQuestion(HIDDEN, false, false))).tick());
        assertEquals(EventCountdownTimer.IDLE_MILLIS, timer(List.of()).tick());
    }

    @Test
    void aDatabaseAwayIsAskedAgainLessAndLessOftenAndAtOnceWhenBack() throws Exception {
        EventCountdownTimer timer = timer(null);
        List<Long> waits = new ArrayList<>();
        for (int round = 0; round < 8; round++) {
            waits.add(timer.tick());
        }
        assertEquals(List.of(1_000L, 2_000L, 4_000L, 8_000L, 16_000L, 30_000L, 30_000L, 30_000L), waits);
        set(timer, "countdown", new Countdown(List.of()));
        assertEquals(EventCountdownTimer.IDLE_MILLIS, timer.tick(), "back to the ordinary pace");
        set(timer, "countdown", new Countdown(null));
        assertEquals(1_000L, timer.tick(), "a new outage starts its back-off afresh");
    }
}
