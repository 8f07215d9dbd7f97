package org.mvoting.application.events;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.mvoting.application.ballots.BallotMixing;
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

    private static final UUID RUN_OUT = UUID.randomUUID();
    private static final UUID SHOWN = UUID.randomUUID();
    private static final UUID HIDDEN = UUID.randomUUID();
    private static final UUID RUN_OUT_AND_SHOWN = UUID.randomUUID();
    private static final UUID FAILING = UUID.randomUUID();

    private EventCountdownTimer timer(List<OpenQuestion> open) throws ReflectiveOperationException {
        EventCountdownTimer timer = new EventCountdownTimer();
        set(timer, "countdown", new Countdown(open));
        set(timer, "mixing", new Mixing());
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
    void oneQuestionThatFailsDoesNotHoldBackTheOthers() throws Exception {
        timer(List.of(new OpenQuestion(FAILING, true, false), new OpenQuestion(SHOWN, false, true))).tick();
        assertEquals(List.of("close " + FAILING, "mix " + SHOWN), done);
    }

    @Test
    void aHallWithNothingOpenIsLeftAlone() throws Exception {
        timer(List.of()).tick();
        assertEquals(List.of(), done);
    }
}
