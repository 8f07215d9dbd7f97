package org.mvoting.domain.poll;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.mvoting.api.errors.IllegalPollTransitionException;
import org.mvoting.api.polls.AudienceType;
import org.mvoting.api.polls.PollDraft;
import org.mvoting.api.polls.PollKind;
import org.mvoting.api.polls.PollStatus;
import org.mvoting.api.polls.QuestionDraft;
import org.mvoting.api.polls.QuestionType;
import org.mvoting.api.polls.ResultsVisibility;

class EventQuestionTest {

    private static final Instant NOW = Instant.parse("2026-11-25T05:00:00Z");
    private static final UUID EVENT = UUID.randomUUID();

    private static Poll asked() {
        return Poll.askedAtEvent(EVENT, new QuestionDraft(QuestionType.SINGLE_CHOICE, "가장 시급한 과제는?",
                List.of("교통", "주거"), null, null, null), "event.lee", NOW);
    }

    @Test
    void anEventQuestionIsAPreparedPollForTheEventsParticipantsWithOneQuestion() {
        Poll poll = asked();
        assertEquals(PollKind.EVENT, poll.kind());
        assertEquals(AudienceType.EVENT_PARTICIPANTS, poll.audience());
        assertEquals(ResultsVisibility.AFTER_CLOSE, poll.resultsVisibility(), "the big screen shows results, not /polls");
        assertEquals(EVENT, poll.ownerEventId());
        assertEquals(PollStatus.DRAFT, poll.status());
        assertEquals(1, poll.questions().size());
        assertEquals("가장 시급한 과제는?", poll.title());
        assertFalse(poll.acceptsBallotsAt(NOW.plusSeconds(1)), "prepared: no ballots yet");
    }

    @Test
    void openingWithACountdownTakesBallotsUntilItRunsOut() {
        Poll poll = asked();
        Instant opened = NOW.plusSeconds(60);
        poll.openAtEvent(opened, opened.plusSeconds(30));
        assertEquals(PollStatus.OPEN, poll.status());
        assertTrue(poll.acceptsBallotsAt(opened.plusSeconds(29)));
        assertEquals(opened.plusSeconds(30), poll.countdownEnd());
        assertFalse(poll.acceptsBallotsAt(opened.plusSeconds(30)), "the countdown's end is the end");
        assertThrows(IllegalPollTransitionException.class, () -> poll.openAtEvent(opened, null), "opened once");
    }

    @Test
    void withoutACountdownItStaysOpenUntilClosedButNotForever() {
        Poll poll = asked();
        poll.openAtEvent(NOW, null);
        assertEquals(null, poll.countdownEnd(), "no countdown to show");
        assertTrue(poll.acceptsBallotsAt(NOW.plus(Duration.ofHours(11))));
        assertFalse(poll.acceptsBallotsAt(NOW.plus(Poll.EVENT_QUESTION_LONGEST)));
        poll.close(NOW.plusSeconds(5));
        assertFalse(poll.acceptsBallotsAt(NOW.plusSeconds(6)));
    }

    @Test
    void aDepartmentsPollCannotBeOpenedAsAnEventQuestion() {
        Poll poll = PollFixtures.draftWithQuestion();
        assertThrows(IllegalPollTransitionException.class, () -> poll.openAtEvent(NOW, null));
    }

    @Test
    void aLongQuestionIsClippedForTheTitleButAskedInFull() {
        String text = "가".repeat(900);
        Poll poll = Poll.askedAtEvent(EVENT, new QuestionDraft(QuestionType.YES_NO, text, List.of(), null, null, null),
                "event.lee", NOW);
        assertEquals(PollDraft.TITLE_LENGTH, poll.title().length());
        assertEquals(text, poll.questions().get(0).text());
    }
}
