package org.mvoting.domain.poll;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mvoting.domain.poll.PollFixtures.CLOSES;
import static org.mvoting.domain.poll.PollFixtures.CREATED;
import static org.mvoting.domain.poll.PollFixtures.DEPARTMENT;
import static org.mvoting.domain.poll.PollFixtures.DURING;
import static org.mvoting.domain.poll.PollFixtures.OPENS;
import static org.mvoting.domain.poll.PollFixtures.draft;
import static org.mvoting.domain.poll.PollFixtures.draftWithQuestion;
import static org.mvoting.domain.poll.PollFixtures.open;
import static org.mvoting.domain.poll.PollFixtures.pending;
import static org.mvoting.domain.poll.PollFixtures.schedule;
import static org.mvoting.domain.poll.PollFixtures.yesNo;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.mvoting.api.errors.IllegalPollTransitionException;
import org.mvoting.api.errors.InvalidPollException;
import org.mvoting.api.errors.TooManyQuestionsException;
import org.mvoting.api.polls.AssuranceLevel;
import org.mvoting.api.polls.AudienceType;
import org.mvoting.api.polls.PollDraft;
import org.mvoting.api.polls.PollKind;
import org.mvoting.api.polls.PollStatus;
import org.mvoting.api.polls.ResultsVisibility;

class PollTest {

    // --- creation -------------------------------------------------------------------------------------

    @Test
    void newPollIsADraftOwnedByTheDepartment() {
        Poll poll = draft();

        assertEquals(PollStatus.DRAFT, poll.status());
        assertEquals(DEPARTMENT, poll.ownerDepartment());
        assertEquals("Park benches", poll.title());
        assertNotNull(poll.id());
        assertFalse(poll.isPublished());
        assertNull(poll.publishedAt());
    }

    @Test
    void titleAndDescriptionAreStrippedAndBlankDescriptionBecomesNull() {
        Poll poll = Poll.draftedBy(DEPARTMENT, PollKind.CITY_TO_STAFF, "  Canteen menu  ", "   ", schedule(),
                AudienceType.ORG_UNITS, AssuranceLevel.DEVICE, ResultsVisibility.LIVE, "op", CREATED);

        assertEquals("Canteen menu", poll.title());
        assertNull(poll.description());
    }

    @Test
    void blankTitleIsRefused() {
        InvalidPollException e = assertThrows(InvalidPollException.class,
                () -> Poll.draftedBy(DEPARTMENT, PollKind.CITY_TO_CITIZEN, "  ", null, schedule(),
                        AudienceType.OPEN, AssuranceLevel.SMS_VERIFIED, ResultsVisibility.AFTER_VOTING, "op",
                        CREATED));
        assertEquals("poll-title-required", e.code());
    }

    @Test
    void citizenToCitizenKindIsRefusedForDepartments() {
        InvalidPollException e = assertThrows(InvalidPollException.class,
                () -> Poll.draftedBy(DEPARTMENT, PollKind.CITIZEN_TO_CITIZEN, "Title", null, schedule(),
                        AudienceType.OPEN, AssuranceLevel.SMS_VERIFIED, ResultsVisibility.AFTER_VOTING, "op",
                        CREATED));
        assertEquals("poll-kind-not-for-department", e.code());
    }

    // --- questions --------------------------------------------------------------------------------------

    @Test
    void questionsAreNumberedInTheOrderTheyAreAdded() {
        Poll poll = draft();
        poll.addQuestion(yesNo("First?"));
        poll.addQuestion(yesNo("Second?"));

        assertEquals(2, poll.questions().size());
        assertEquals(1, poll.questions().get(0).position());
        assertEquals("Second?", poll.questions().get(1).text());
        assertEquals(2, poll.questions().get(1).position());
    }

    @Test
    void fiveQuestionsAreAllowedButASixthIsRefused() {
        Poll poll = draft();
        for (int i = 1; i <= PollDraft.MAX_QUESTIONS; i++) {
            poll.addQuestion(yesNo("Question " + i));
        }

        TooManyQuestionsException e = assertThrows(TooManyQuestionsException.class,
                () -> poll.addQuestion(yesNo("Question 6")));
        assertEquals("too-many-questions", e.code());
        assertArrayEquals(new Object[] {5}, e.arguments());
        assertEquals(5, poll.questions().size());
    }

    @Test
    void questionCannotBeAddedToAnOpenPoll() {
        Poll poll = open();

        IllegalPollTransitionException e = assertThrows(IllegalPollTransitionException.class,
                () -> poll.addQuestion(yesNo("Late question?")));
        assertEquals("poll-illegal-transition", e.code());
        assertArrayEquals(new Object[] {"OPEN", "add-question"}, e.arguments());
        assertEquals(1, poll.questions().size());
    }

    @Test
    void questionCannotBeAddedWhilePendingApproval() {
        Poll poll = pending();

        assertThrows(IllegalPollTransitionException.class, () -> poll.addQuestion(yesNo("Late question?")));
    }

    @Test
    void questionListCannotBeModifiedFromOutside() {
        Poll poll = draftWithQuestion();

        assertThrows(UnsupportedOperationException.class, () -> poll.questions().clear());
    }

    // --- submit -----------------------------------------------------------------------------------------

    @Test
    void submitMovesADraftToPendingApproval() {
        Poll poll = draftWithQuestion();

        poll.submitForApproval();

        assertEquals(PollStatus.PENDING_APPROVAL, poll.status());
        assertFalse(poll.isPublished());
    }

    @Test
    void submitWithoutQuestionsIsRefused() {
        Poll poll = draft();

        InvalidPollException e = assertThrows(InvalidPollException.class, poll::submitForApproval);
        assertEquals("poll-no-questions", e.code());
        assertEquals(PollStatus.DRAFT, poll.status());
    }

    @ParameterizedTest
    @EnumSource(value = AudienceType.class, names = {"OPEN", "LISTED", "ORG_UNITS", "PANEL_SAMPLE"}, mode = EnumSource.Mode.EXCLUDE)
    void submitRefusesAudiencesTheBallotEngineDoesNotEnforce(AudienceType audience) {
        Poll poll = draft(audience);
        poll.addQuestion(yesNo("Q?"));

        InvalidPollException e = assertThrows(InvalidPollException.class, poll::submitForApproval);
        assertEquals("poll-audience-not-supported-yet", e.code());
        assertArrayEquals(new Object[] {audience.name()}, e.arguments());
        assertEquals(PollStatus.DRAFT, poll.status());
    }

    @ParameterizedTest
    @EnumSource(value = AudienceType.class, names = {"OPEN", "LISTED"})
    void submitAcceptsEnforcedAudiences(AudienceType audience) {
        Poll poll = draft(audience);
        poll.addQuestion(yesNo("Q?"));

        poll.submitForApproval();

        assertEquals(PollStatus.PENDING_APPROVAL, poll.status());
    }

    @Test
    void submitTwiceIsAnIllegalTransition() {
        Poll poll = pending();

        IllegalPollTransitionException e = assertThrows(IllegalPollTransitionException.class,
                poll::submitForApproval);
        assertArrayEquals(new Object[] {"PENDING_APPROVAL", "submit"}, e.arguments());
    }

    // --- approve / reject -------------------------------------------------------------------------------

    @Test
    void approveOpensThePollAndRecordsWhen() {
        Poll poll = pending();
        Instant approvedAt = CREATED.plus(Duration.ofHours(3));

        poll.approve(approvedAt);

        assertEquals(PollStatus.OPEN, poll.status());
        assertEquals(approvedAt, poll.publishedAt());
        assertTrue(poll.isPublished());
    }

    @Test
    void approvingADraftIsAnIllegalTransition() {
        Poll poll = draftWithQuestion();

        IllegalPollTransitionException e = assertThrows(IllegalPollTransitionException.class,
                () -> poll.approve(CREATED));
        assertEquals("poll-illegal-transition", e.code());
        assertArrayEquals(new Object[] {"DRAFT", "approve"}, e.arguments());
        assertEquals(PollStatus.DRAFT, poll.status());
    }

    @Test
    void approvingAnOpenPollAgainIsAnIllegalTransition() {
        Poll poll = open();

        assertThrows(IllegalPollTransitionException.class, () -> poll.approve(DURING));
    }

    @Test
    void approveIsRefusedWhenTheScheduleHasAlreadyEnded() {
        Poll poll = pending();

        InvalidPollException e = assertThrows(InvalidPollException.class, () -> poll.approve(CLOSES));
        assertEquals("poll-schedule-in-past", e.code());
        assertEquals(PollStatus.PENDING_APPROVAL, poll.status());
        assertNull(poll.publishedAt());
    }

    @Test
    void approveIsAllowedWhileTheScheduleIsRunning() {
        Poll poll = pending();

        poll.approve(CLOSES.minusSeconds(1));

        assertEquals(PollStatus.OPEN, poll.status());
    }

    @Test
    void rejectSendsThePollBackToDraftSoItCanBeEdited() {
        Poll poll = pending();

        poll.reject();

        assertEquals(PollStatus.DRAFT, poll.status());
        poll.addQuestion(yesNo("Another?"));
        assertEquals(2, poll.questions().size());
    }

    @Test
    void rejectingADraftIsAnIllegalTransition() {
        Poll poll = draftWithQuestion();

        IllegalPollTransitionException e = assertThrows(IllegalPollTransitionException.class, poll::reject);
        assertArrayEquals(new Object[] {"DRAFT", "reject"}, e.arguments());
    }

    // --- close ------------------------------------------------------------------------------------------

    @Test
    void closeAfterTheScheduledEndKeepsTheSchedule() {
        Poll poll = open();
        Instant after = CLOSES.plus(Duration.ofHours(1));

        poll.close(after);

        assertEquals(PollStatus.CLOSED, poll.status());
        assertEquals(after, poll.closedAt());
        assertEquals(OPENS, poll.schedule().opensAt());
        assertEquals(CLOSES, poll.schedule().closesAt());
        assertTrue(poll.isPublished());
    }

    @Test
    void closeBeforeTheScheduledEndShortensTheSchedule() {
        Poll poll = open();

        poll.close(DURING);

        assertEquals(PollStatus.CLOSED, poll.status());
        assertEquals(OPENS, poll.schedule().opensAt());
        assertEquals(DURING, poll.schedule().closesAt());
    }

    @Test
    void closingADraftIsAnIllegalTransition() {
        Poll poll = draftWithQuestion();

        IllegalPollTransitionException e = assertThrows(IllegalPollTransitionException.class,
                () -> poll.close(DURING));
        assertArrayEquals(new Object[] {"DRAFT", "close"}, e.arguments());
        assertNull(poll.closedAt());
    }

    @Test
    void closingAClosedPollIsAnIllegalTransition() {
        Poll poll = open();
        poll.close(DURING);

        assertThrows(IllegalPollTransitionException.class, () -> poll.close(CLOSES));
        assertEquals(DURING, poll.closedAt());
    }

    @Test
    void finalResultIsRecordedOnlyOnceClosed() {
        Poll poll = open();
        assertThrows(IllegalPollTransitionException.class, () -> poll.recordFinalResult(10, true));

        poll.close(DURING);
        poll.recordFinalResult(42, false);

        assertEquals(42L, poll.finalBallots());
        assertEquals(Boolean.FALSE, poll.tallyVerified());
    }

    // --- remove -----------------------------------------------------------------------------------------

    @Test
    void removeWorksFromAnyLiveState() {
        Poll drafted = draft();
        Poll pending = pending();
        Poll open = open();
        Poll closed = open();
        closed.close(DURING);

        for (Poll poll : new Poll[] {drafted, pending, open, closed}) {
            poll.remove();
            assertEquals(PollStatus.REMOVED, poll.status());
        }
    }

    @Test
    void removingTwiceIsAnIllegalTransition() {
        Poll poll = open();
        poll.remove();

        IllegalPollTransitionException e = assertThrows(IllegalPollTransitionException.class, poll::remove);
        assertArrayEquals(new Object[] {"REMOVED", "remove"}, e.arguments());
    }

    @Test
    void removedPollCannotBeReopenedOrClosed() {
        Poll poll = pending();
        poll.remove();

        assertThrows(IllegalPollTransitionException.class, () -> poll.approve(CREATED));
        assertThrows(IllegalPollTransitionException.class, () -> poll.close(DURING));
        assertFalse(poll.isPublished());
    }

    // --- accepting ballots ------------------------------------------------------------------------------

    @Test
    void openPollAcceptsBallotsInsideItsSchedule() {
        Poll poll = open();

        assertTrue(poll.acceptsBallotsAt(OPENS));
        assertTrue(poll.acceptsBallotsAt(DURING));
        assertTrue(poll.acceptsBallotsAt(CLOSES.minusMillis(1)));
    }

    @Test
    void openPollRefusesBallotsOutsideItsSchedule() {
        Poll poll = open();

        assertFalse(poll.acceptsBallotsAt(OPENS.minusMillis(1)));
        assertFalse(poll.acceptsBallotsAt(CLOSES));
        assertFalse(poll.acceptsBallotsAt(CLOSES.plus(Duration.ofDays(1))));
    }

    @Test
    void pollsThatAreNotOpenRefuseBallotsEvenInsideTheSchedule() {
        assertFalse(draftWithQuestion().acceptsBallotsAt(DURING));
        assertFalse(pending().acceptsBallotsAt(DURING));
        Poll removed = open();
        removed.remove();
        assertFalse(removed.acceptsBallotsAt(DURING));
    }

    @Test
    void closedPollRefusesBallotsFromTheMomentItClosed() {
        Poll poll = open();
        Instant closedAt = DURING;
        poll.close(closedAt);

        assertFalse(poll.acceptsBallotsAt(closedAt.minusSeconds(1)));
        assertFalse(poll.acceptsBallotsAt(closedAt.plusSeconds(1)));
    }
}
