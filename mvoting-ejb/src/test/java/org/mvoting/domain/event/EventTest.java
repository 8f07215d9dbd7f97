package org.mvoting.domain.event;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.mvoting.api.errors.BusinessException;
import org.mvoting.api.errors.ErrorKind;
import org.mvoting.api.errors.EventLimitException;
import org.mvoting.api.errors.EventPaperOptionUnknownException;
import org.mvoting.api.errors.EventQuestionAnnouncedException;
import org.mvoting.api.errors.EventQuestionNotClosedException;
import org.mvoting.api.errors.EventQuestionNotOpenedException;
import org.mvoting.api.errors.EventQuestionStillOpenException;
import org.mvoting.api.errors.EventQuestionTypeException;
import org.mvoting.api.errors.PollNotFoundException;
import org.mvoting.api.events.OptionCount;
import org.mvoting.api.events.QuestionState;
import org.mvoting.api.polls.QuestionType;

/** The hall's rules: one question at a time, what may happen to a question when, paper counts, carrying forward. */
class EventTest {

    private static final Instant NOW = Instant.parse("2026-11-25T05:00:00Z");
    private static final UUID EVENT = UUID.randomUUID();
    private static final UUID FIRST = UUID.randomUUID();
    private static final UUID SECOND = UUID.randomUUID();
    private static final List<Long> OPTIONS = List.of(11L, 12L, 13L, 14L);

    private static HallQuestion question(UUID pollId, int round, QuestionState state) {
        return new HallQuestion(pollId, round, 1, null, state, false, null, "가장 시급한 과제는?", 2, OPTIONS);
    }

    private static Event event(QuestionState first, QuestionState second) {
        return new Event(EVENT, null, List.of(question(FIRST, 1, first), question(SECOND, 1, second)));
    }

    private static String code(Class<? extends BusinessException> type, Runnable action) {
        BusinessException refused = assertThrows(type, action::run);
        assertEquals(ErrorKind.INVALID, refused.kind(), "a refusal of the event's rules is 422, as before");
        return refused.code();
    }

    private static OptionCount option(int position, String label, long phone, long paper) {
        return new OptionCount(position * 10L, position, label, phone, paper, phone + paper);
    }

    // ---------------------------------------------------------------- preparing

    @Test
    void questionsArePreparedInRoundsOneToFiftyAndOnlyOfTypesCountedByHand() {
        Event event = event(QuestionState.PREPARED, QuestionState.PREPARED);
        event.prepareQuestion(1, QuestionType.YES_NO);
        event.prepareQuestion(Event.MOST_ROUNDS, QuestionType.SINGLE_CHOICE);
        event.prepareQuestion(7, QuestionType.MULTIPLE_CHOICE);
        assertEquals("event-round", code(EventLimitException.class, () -> event.prepareQuestion(0, QuestionType.YES_NO)));
        assertEquals("event-round", code(EventLimitException.class,
                () -> event.prepareQuestion(Event.MOST_ROUNDS + 1, QuestionType.YES_NO)));
        for (QuestionType type : QuestionType.values()) {
            if (type != QuestionType.YES_NO && type != QuestionType.SINGLE_CHOICE && type != QuestionType.MULTIPLE_CHOICE) {
                assertEquals("event-question-type", code(EventQuestionTypeException.class,
                        () -> event.prepareQuestion(1, type)), type.name());
            }
        }
    }

    @Test
    void aPollOfAnotherEventIsNotFoundHere() {
        Event event = event(QuestionState.PREPARED, QuestionState.PREPARED);
        assertThrows(PollNotFoundException.class, () -> event.openQuestion(UUID.randomUUID(), 0, NOW));
        assertThrows(PollNotFoundException.class, () -> event.closeQuestion(UUID.randomUUID()));
        assertThrows(PollNotFoundException.class, () -> event.showResults(UUID.randomUUID(), true));
        assertThrows(PollNotFoundException.class, () -> event.enterPaperCounts(UUID.randomUUID(), Map.of()));
        assertThrows(PollNotFoundException.class, () -> event.announce(UUID.randomUUID(), NOW));
        assertThrows(PollNotFoundException.class, () -> event.carryForward(UUID.randomUUID(), 2, List.of()));
    }

    @Test
    void theScreensShowOnlyAQuestionOfTheEvent() {
        assertThrows(IllegalArgumentException.class, () -> new Event(EVENT, UUID.randomUUID(), List.of()));
        assertThrows(NullPointerException.class, () -> new Event(null, null, List.of()));
    }

    // ---------------------------------------------------------------- opening and closing

    @Test
    void openingPutsTheQuestionOnEveryScreenWithItsCountdown() {
        Event event = event(QuestionState.PREPARED, QuestionState.PREPARED);
        assertEquals(Optional.empty(), event.onScreens());
        assertEquals(NOW.plusSeconds(30), event.openQuestion(FIRST, 30, NOW));
        assertEquals(Optional.of(FIRST), event.onScreens());
        assertEquals(QuestionState.OPEN, event.question(FIRST).state());
        assertEquals(Optional.of(event.question(FIRST)), event.votingOn());
    }

    @Test
    void zeroSecondsIsNoCountdownAndAnHourIsTheLongest() {
        assertNull(event(QuestionState.PREPARED, QuestionState.PREPARED).openQuestion(FIRST, 0, NOW), "closed by hand");
        assertEquals(NOW.plusSeconds(3600), event(QuestionState.PREPARED, QuestionState.PREPARED)
                .openQuestion(FIRST, Event.LONGEST_COUNTDOWN_SECONDS, NOW));
        Event event = event(QuestionState.PREPARED, QuestionState.PREPARED);
        assertEquals("event-countdown", code(EventLimitException.class, () -> event.openQuestion(FIRST, -1, NOW)));
        assertEquals("event-countdown", code(EventLimitException.class, () -> event.openQuestion(FIRST, 3601, NOW)));
        assertEquals(3600L, assertThrows(EventLimitException.class, () -> event.openQuestion(FIRST, 3601, NOW))
                .arguments()[0]);
        assertEquals(QuestionState.PREPARED, event.question(FIRST).state(), "nothing changed");
        assertEquals(Optional.empty(), event.onScreens());
    }

    @Test
    void oneQuestionIsVotedOnAtATime() {
        Event event = event(QuestionState.OPEN, QuestionState.PREPARED);
        assertEquals("event-question-still-open", code(EventQuestionStillOpenException.class,
                () -> event.openQuestion(SECOND, 0, NOW)));
        assertEquals(QuestionState.PREPARED, event.question(SECOND).state());
        assertTrue(event.closeQuestion(FIRST));
        assertEquals(QuestionState.CLOSED, event.question(FIRST).state());
        event.openQuestion(SECOND, 0, NOW);
        assertEquals(Optional.of(SECOND), event.onScreens());
    }

    @Test
    void closedIsClosed() {
        Event event = event(QuestionState.CLOSED, QuestionState.PREPARED);
        assertFalse(event.closeQuestion(FIRST), "the countdown closed it a moment ago: nothing to do");
        assertEquals(QuestionState.CLOSED, event.question(FIRST).state());
        assertTrue(event.closeQuestion(SECOND), "a prepared question goes to its poll, which refuses");
        assertEquals(QuestionState.PREPARED, event.question(SECOND).state());
    }

    // ---------------------------------------------------------------- results on the screens

    @Test
    void resultsAreShownOnceVotingOpenedAndTheQuestionGoesOnTheScreens() {
        Event event = event(QuestionState.PREPARED, QuestionState.OPEN);
        assertEquals("event-question-not-opened", code(EventQuestionNotOpenedException.class,
                () -> event.showResults(FIRST, true)));
        event.showResults(SECOND, true);
        assertTrue(event.question(SECOND).resultsShown());
        assertEquals(Optional.of(SECOND), event.onScreens());
        event.showResults(SECOND, false);
        assertFalse(event.question(SECOND).resultsShown());
        assertEquals(Optional.of(SECOND), event.onScreens(), "hiding keeps the question on the screens");
    }

    @Test
    void onlyAClosedQuestionIsAnnouncedAndTheFirstAnnouncementStands() {
        Event event = event(QuestionState.OPEN, QuestionState.CLOSED);
        assertEquals("event-question-not-closed", code(EventQuestionNotClosedException.class,
                () -> event.announce(FIRST, NOW)));
        Event prepared = event(QuestionState.PREPARED, QuestionState.PREPARED);
        assertEquals("event-question-not-closed", code(EventQuestionNotClosedException.class,
                () -> prepared.announce(FIRST, NOW)));
        event.announce(SECOND, NOW);
        event.announce(SECOND, NOW.plusSeconds(60));
        HallQuestion announced = event.question(SECOND);
        assertTrue(announced.announced());
        assertEquals(NOW, announced.announcedAt());
        assertTrue(announced.resultsShown(), "announcing shows the result");
        assertEquals(Optional.of(SECOND), event.onScreens());
    }

    // ---------------------------------------------------------------- paper counts

    @Test
    void paperCountsCoverEveryOptionAndReplaceTheEarlierEntry() {
        Event event = event(QuestionState.OPEN, QuestionState.CLOSED);
        event.registerPaperBallots(FIRST, 6);
        event.registerPaperBallots(SECOND, Event.MOST_PAPER_BALLOTS);
        assertEquals(Map.of(11L, 4L, 12L, 0L, 13L, 2L, 14L, 0L), event.enterPaperCounts(FIRST, Map.of(11L, 4L, 13L, 2L)));
        assertEquals(Map.of(11L, 0L, 12L, 0L, 13L, 0L, 14L, Event.MOST_PAPER_BALLOTS),
                event.enterPaperCounts(SECOND, Map.of(14L, Event.MOST_PAPER_BALLOTS)), "closed, not announced: still open to correction");
    }

    @Test
    void paperCountsAreRefusedBeforeVotingOpenedAndAfterTheAnnouncement() {
        Event event = event(QuestionState.PREPARED, QuestionState.CLOSED);
        assertEquals("event-question-not-opened", code(EventQuestionNotOpenedException.class,
                () -> event.enterPaperCounts(FIRST, Map.of(11L, 1L))));
        event.announce(SECOND, NOW);
        assertEquals("event-question-announced", code(EventQuestionAnnouncedException.class,
                () -> event.enterPaperCounts(SECOND, Map.of(11L, 1L))));
    }

    @Test
    void aPaperCountNamesAnOptionOfTheQuestionAndAWholeNumberInRange() {
        Event event = event(QuestionState.OPEN, QuestionState.PREPARED);
        EventPaperOptionUnknownException unknown = assertThrows(EventPaperOptionUnknownException.class,
                () -> event.enterPaperCounts(FIRST, Map.of(99L, 1L)));
        assertEquals("event-paper-unknown-option", unknown.code());
        assertEquals("99", unknown.arguments()[0]);
        java.util.HashMap<Long, Long> nullOption = new java.util.HashMap<>();
        nullOption.put(null, 1L);
        assertEquals("event-paper-unknown-option", code(EventPaperOptionUnknownException.class,
                () -> event.enterPaperCounts(FIRST, nullOption)));
        assertEquals("event-paper-count", code(EventLimitException.class,
                () -> event.enterPaperCounts(FIRST, Map.of(11L, -1L))));
        assertEquals("event-paper-count", code(EventLimitException.class,
                () -> event.enterPaperCounts(FIRST, Map.of(11L, Event.MOST_PAPER_BALLOTS + 1))));
        java.util.HashMap<Long, Long> nullCount = new java.util.HashMap<>();
        nullCount.put(11L, null);
        assertEquals("event-paper-count", code(EventLimitException.class, () -> event.enterPaperCounts(FIRST, nullCount)));
    }

    @Test
    void paperCountsNeedThePaperBallotsHandedOutAndStayWithinThem() {
        Event event = event(QuestionState.CLOSED, QuestionState.CLOSED);
        BusinessException unregistered = assertThrows(org.mvoting.api.errors.EventPaperBallotsException.class,
                () -> event.enterPaperCounts(FIRST, Map.of(11L, 1L)));
        assertEquals("event-paper-ballots-not-registered", unregistered.code());
        assertEquals(ErrorKind.INVALID, unregistered.kind());
        event.registerPaperBallots(FIRST, 5);
        assertEquals(Optional.of(5L), event.question(FIRST).paperHandedOut());
        // at most 2 ticks per ballot here: each option up to 5, all of them together up to 10
        assertEquals(Map.of(11L, 5L, 12L, 5L, 13L, 0L, 14L, 0L), event.enterPaperCounts(FIRST, Map.of(11L, 5L, 12L, 5L)));
        BusinessException over = assertThrows(org.mvoting.api.errors.EventPaperBallotsException.class,
                () -> event.enterPaperCounts(FIRST, Map.of(11L, 6L)));
        assertEquals("event-paper-over-registered", over.code());
        assertEquals(5L, over.arguments()[0]);
        assertEquals("event-paper-over-registered", assertThrows(org.mvoting.api.errors.EventPaperBallotsException.class,
                () -> event.enterPaperCounts(FIRST, Map.of(11L, 4L, 12L, 4L, 13L, 3L))).code(), "11 ticks on 5 ballots of 2");
        assertEquals("event-paper-count", code(EventLimitException.class, () -> event.registerPaperBallots(FIRST, -1)));
        assertEquals("event-paper-count", code(EventLimitException.class,
                () -> event.registerPaperBallots(FIRST, Event.MOST_PAPER_BALLOTS + 1)));
        event.announce(SECOND, NOW);
        assertEquals("event-question-announced", code(EventQuestionAnnouncedException.class,
                () -> event.registerPaperBallots(SECOND, 3)));
    }

    @Test
    void aSingleChoiceQuestionTakesOneTickPerPaperBallot() {
        Event event = new Event(EVENT, null, List.of(new HallQuestion(FIRST, 1, 1, null, QuestionState.CLOSED, false,
                null, "하나만", 1, OPTIONS, 3L)));
        assertEquals(3L, event.enterPaperCounts(FIRST, Map.of(11L, 2L, 12L, 1L)).values().stream().mapToLong(Long::longValue).sum());
        assertThrows(org.mvoting.api.errors.EventPaperBallotsException.class,
                () -> event.enterPaperCounts(FIRST, Map.of(11L, 2L, 12L, 2L)));
    }

    // ---------------------------------------------------------------- under way: tokens need a second person

    @Test
    void anEventIsUnderWayOnceItStartedOrAQuestionWasAskedButNeverInRehearsal() {
        Instant starts = NOW.plusSeconds(3600);
        List<HallQuestion> prepared = List.of(question(FIRST, 1, QuestionState.PREPARED));
        assertFalse(new Event(EVENT, null, prepared, false, starts).isUnderWay(NOW), "in preparation");
        assertTrue(new Event(EVENT, null, prepared, false, starts).isUnderWay(starts), "its start time came");
        assertTrue(new Event(EVENT, null, List.of(question(FIRST, 1, QuestionState.OPEN)), false, starts).isUnderWay(NOW),
                "a question was asked early");
        assertTrue(new Event(EVENT, null, List.of(question(FIRST, 1, QuestionState.CLOSED)), false, starts).isUnderWay(NOW));
        assertFalse(new Event(EVENT, null, List.of(question(FIRST, 1, QuestionState.OPEN)), true, NOW.minusSeconds(60))
                .isUnderWay(NOW), "a rehearsal never is: it is wiped before the real thing");
        assertTrue(new Event(EVENT, null, prepared).isUnderWay(NOW), "start unknown: treated as under way");
    }

    @Test
    void theOneWhoEnteredSomethingCannotConfirmIt() {
        BusinessException self = assertThrows(org.mvoting.api.errors.EventSelfConfirmException.class,
                () -> FourEyes.requireSecondPerson("event.lee", "Event.Lee"));
        assertEquals("event-self-confirm", self.code());
        assertEquals(ErrorKind.FORBIDDEN, self.kind());
        assertEquals("event.lee", self.arguments()[0]);
        FourEyes.requireSecondPerson("event.lee", "sung.minjae");
        assertThrows(NullPointerException.class, () -> FourEyes.requireSecondPerson(null, "sung.minjae"));
    }

    // ---------------------------------------------------------------- carrying forward

    @Test
    void theTopOptionsOfAClosedQuestionCarryIntoTheNextRound() {
        Event event = event(QuestionState.CLOSED, QuestionState.PREPARED);
        List<OptionCount> counts = List.of(option(1, "가로수길", 1, 0), option(2, "도서관", 2, 5),
                option(3, "청년주택", 0, 4), option(4, "자전거도로", 3, 0));
        Event.CarriedQuestion carried = event.carryForward(FIRST, 2, counts);
        assertEquals(2, carried.round());
        assertEquals(FIRST, carried.carriedFrom());
        assertEquals(List.of("도서관", "청년주택"), carried.question().options());
        assertEquals("가장 시급한 과제는?", carried.question().text());
        assertEquals(QuestionType.MULTIPLE_CHOICE, carried.question().type(), "two selections asked, two carried");
        assertEquals(2, carried.question().maxSelections());
    }

    @Test
    void aSingleSelectionCarriesAsSingleChoice() {
        Event event = new Event(EVENT, null, List.of(new HallQuestion(FIRST, 3, 1, null, QuestionState.CLOSED, true,
                NOW, "하나만", 1, OPTIONS)));
        Event.CarriedQuestion carried = event.carryForward(FIRST, 2, List.of(option(1, "가", 3, 0),
                option(2, "나", 2, 0), option(3, "다", 1, 0)));
        assertEquals(4, carried.round());
        assertEquals(QuestionType.SINGLE_CHOICE, carried.question().type());
        assertEquals(1, carried.question().maxSelections());
    }

    @Test
    void onlyAClosedQuestionCarriesAndOnlyTwoToOneFewerThanItsOptions() {
        List<OptionCount> counts = List.of(option(1, "가", 1, 0), option(2, "나", 2, 0), option(3, "다", 3, 0));
        Event open = event(QuestionState.OPEN, QuestionState.PREPARED);
        assertEquals("event-question-not-closed", code(EventQuestionNotClosedException.class,
                () -> open.carryForward(FIRST, 2, counts)));
        assertEquals("event-question-not-closed", code(EventQuestionNotClosedException.class,
                () -> open.carryForward(SECOND, 2, counts)));
        Event closed = event(QuestionState.CLOSED, QuestionState.PREPARED);
        assertEquals("event-carry-count", code(EventLimitException.class, () -> closed.carryForward(FIRST, 1, counts)));
        assertEquals("event-carry-count", code(EventLimitException.class, () -> closed.carryForward(FIRST, 3, counts)));
        assertEquals(2L, assertThrows(EventLimitException.class, () -> closed.carryForward(FIRST, 3, counts))
                .arguments()[0], "the most that may be carried");
        assertEquals("event-carry-count", code(EventLimitException.class,
                () -> closed.carryForward(FIRST, 2, counts.subList(0, 2))), "two options narrow to nothing");
    }

    @Test
    void theTopOptionsByCombinedCountGoOnInTheOrderTheyWereAsked() {
        List<OptionCount> counts = List.of(option(1, "가로수길", 1, 0), option(2, "도서관", 2, 5),
                option(3, "청년주택", 0, 4), option(4, "자전거도로", 3, 0));
        assertEquals(List.of("도서관", "청년주택"), Event.topOptions(counts, 2), "7 and 4; phone alone would differ");
        assertEquals(List.of("도서관"), Event.topOptions(counts, 1));
    }

    @Test
    void anOptionTiedWithTheLastOneCarriedGoesOnToo() {
        List<OptionCount> counts = List.of(option(1, "가", 5, 0), option(2, "나", 2, 0), option(3, "다", 0, 2),
                option(4, "라", 1, 0));
        assertEquals(List.of("가", "나", "다"), Event.topOptions(counts, 2));
        assertEquals(List.of("가", "나", "다"), Event.topOptions(counts, 3));
        assertEquals(List.of("가", "나", "다", "라"), Event.topOptions(counts, 4));
    }

    @Test
    void withNoVotesAtAllEveryOptionIsTied() {
        List<OptionCount> counts = List.of(option(1, "가", 0, 0), option(2, "나", 0, 0), option(3, "다", 0, 0));
        assertEquals(List.of("가", "나", "다"), Event.topOptions(counts, 1));
    }
}
