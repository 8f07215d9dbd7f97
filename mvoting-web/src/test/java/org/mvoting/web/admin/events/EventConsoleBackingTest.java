package org.mvoting.web.admin.events;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.mvoting.api.events.EventQuestion;
import org.mvoting.api.events.OptionCount;
import org.mvoting.api.events.QuestionState;
import org.mvoting.web.portal.view.EventQuestionItem;

/** What the console redraws every second, and what it puts in the inputs typed against a question. */
class EventConsoleBackingTest {

    private static final Instant NOW = Instant.parse("2026-11-25T05:00:00Z");
    private static final UUID FIRST = UUID.fromString("00000000-0000-0000-0000-000000000001");
    private static final UUID SECOND = UUID.fromString("00000000-0000-0000-0000-000000000002");

    private static EventQuestionItem item(UUID id, QuestionState state, long phone, boolean onScreen) {
        EventQuestion q = new EventQuestion(id, 1, 1, "질문", 1, state, null, null, false, false, null, phone, 0,
                List.of(new OptionCount(10, 1, "가", phone, 0, phone), new OptionCount(11, 2, "나", 0, 0, 0)));
        return new EventQuestionItem(q, onScreen, true, null, NOW);
    }

    @Test
    void nothingChangedRedrawsOnlyTheHeader() {
        List<EventQuestionItem> list = List.of(item(FIRST, QuestionState.OPEN, 5, true));
        assertEquals(List.of("console:counts"), EventConsoleBacking.redraws(list, list));
    }

    @Test
    void newBallotsRedrawOnlyThatQuestionsFiguresSoTypedInputsStay() {
        List<EventQuestionItem> before = List.of(item(FIRST, QuestionState.CLOSED, 5, false),
                item(SECOND, QuestionState.OPEN, 5, true));
        List<EventQuestionItem> after = List.of(item(FIRST, QuestionState.CLOSED, 5, false),
                item(SECOND, QuestionState.OPEN, 6, true));
        assertEquals(List.of("console:counts", "console:rows:1:figures"), EventConsoleBacking.redraws(before, after));
    }

    @Test
    void aStateChangeRedrawsTheWholeQuestionWithItsActions() {
        List<EventQuestionItem> before = List.of(item(FIRST, QuestionState.OPEN, 5, true));
        List<EventQuestionItem> after = List.of(item(FIRST, QuestionState.CLOSED, 5, true));
        assertEquals(List.of("console:counts", "console:rows:0:question"), EventConsoleBacking.redraws(before, after));
    }

    @Test
    void aQuestionThatCameOrWentRedrawsTheList() {
        List<EventQuestionItem> before = List.of(item(FIRST, QuestionState.OPEN, 5, true));
        List<EventQuestionItem> after = List.of(item(FIRST, QuestionState.OPEN, 5, true),
                item(SECOND, QuestionState.PREPARED, 0, false));
        assertEquals(List.of("console:counts", "console:questions"), EventConsoleBacking.redraws(before, after));
    }

    @Test
    void threeOptionsAreCarriedByDefaultButAlwaysFewerThanAll() {
        assertEquals(3, EventConsoleBacking.defaultCarried(10));
        assertEquals(2, EventConsoleBacking.defaultCarried(3));
        assertEquals(1, EventConsoleBacking.defaultCarried(2));
    }

    @Test
    void anOpenCountdownSaysHowManySecondsAreLeft() {
        EventQuestion q = new EventQuestion(FIRST, 1, 1, "질문", 1, QuestionState.OPEN, NOW.minusSeconds(20),
                NOW.plusSeconds(40), false, false, null, 0, 0, List.of());
        EventQuestionItem item = new EventQuestionItem(q, true, true, null, NOW);
        assertEquals(40L, item.getSecondsLeft());
        assertEquals("2026-11-25 14:00:40", item.getClosesAt());
    }
}
