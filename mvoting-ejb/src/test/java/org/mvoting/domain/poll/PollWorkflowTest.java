package org.mvoting.domain.poll;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.mvoting.domain.poll.PollFixtures.CREATED;
import static org.mvoting.domain.poll.PollFixtures.DEPARTMENT;
import static org.mvoting.domain.poll.PollFixtures.schedule;
import static org.mvoting.domain.poll.PollFixtures.yesNo;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mvoting.api.errors.IllegalPollTransitionException;
import org.mvoting.api.errors.InvalidPollException;
import org.mvoting.api.polls.AssuranceLevel;
import org.mvoting.api.polls.AudienceType;
import org.mvoting.api.polls.PollKind;
import org.mvoting.api.polls.PollStatus;
import org.mvoting.api.polls.QuestionDraft;
import org.mvoting.api.polls.QuestionType;
import org.mvoting.api.polls.ResultsVisibility;

/** The approval workflow: submit, approve or reject with a reason, extend, copy. */
class PollWorkflowTest {

    private static Poll staffPoll() {
        Poll poll = Poll.draftedBy(DEPARTMENT, PollKind.CITY_TO_STAFF, "구내식당 메뉴", null, schedule(),
                AudienceType.ORG_UNITS, AssuranceLevel.SMS_VERIFIED, ResultsVisibility.LIVE, "it.operator", CREATED);
        poll.addQuestion(yesNo("좋습니까?"));
        return poll;
    }

    @Test
    void aStaffPollNeedsAnOrgChartAudienceAndOnlyItUsesOne() {
        assertEquals("poll-audience-does-not-fit-kind", assertThrows(InvalidPollException.class, () ->
                Poll.draftedBy(DEPARTMENT, PollKind.CITY_TO_STAFF, "t", null, schedule(), AudienceType.OPEN,
                        AssuranceLevel.SMS_VERIFIED, ResultsVisibility.LIVE, "op", CREATED)).code());
        assertEquals("poll-audience-does-not-fit-kind", assertThrows(InvalidPollException.class, () ->
                Poll.draftedBy(DEPARTMENT, PollKind.CITY_TO_CITIZEN, "t", null, schedule(), AudienceType.ORG_UNITS,
                        AssuranceLevel.SMS_VERIFIED, ResultsVisibility.LIVE, "op", CREATED)).code());
    }

    @Test
    void submittedThenApprovedOpensAndRemembersWho() {
        Poll poll = staffPoll();
        poll.submit("it.operator", CREATED);
        assertEquals(PollStatus.PENDING_APPROVAL, poll.status());
        assertEquals("it.operator", poll.submittedBy());

        poll.approveBy("it.head", CREATED.plusSeconds(60));
        assertEquals(PollStatus.OPEN, poll.status());
        assertEquals("it.head", poll.decidedBy());
        assertEquals(CREATED.plusSeconds(60), poll.publishedAt());
    }

    @Test
    void rejectionNeedsAReasonAndSendsThePollBackToDraft() {
        Poll poll = staffPoll();
        poll.submit("it.operator", CREATED);
        assertEquals("poll-rejection-reason-required",
                assertThrows(InvalidPollException.class, () -> poll.rejectBy("it.head", "  ")).code());
        assertEquals("poll-rejection-reason-too-long",
                assertThrows(InvalidPollException.class, () -> poll.rejectBy("it.head", "x".repeat(1001))).code());
        assertEquals(PollStatus.PENDING_APPROVAL, poll.status());

        poll.rejectBy("it.head", " 질문을 더 쉽게 써 주세요 ");
        assertEquals(PollStatus.DRAFT, poll.status());
        assertEquals("질문을 더 쉽게 써 주세요", poll.rejectionReason());

        poll.submit("it.operator", CREATED);
        assertNull(poll.rejectionReason(), "a resubmission clears the old reason");
    }

    @Test
    void aListedPollWhoseListChangesAfterApprovalGoesBackToTheApproverUntilVotingBegins() {
        Poll poll = PollFixtures.draft(AudienceType.LISTED);
        poll.addQuestion(yesNo("참석하십니까?"));
        poll.submit("it.operator", CREATED);
        poll.approveBy("it.head", CREATED);
        assertEquals(PollStatus.OPEN, poll.status());

        poll.listChangedAfterApproval("it.operator2", CREATED.plusSeconds(60));
        assertEquals(PollStatus.PENDING_APPROVAL, poll.status());
        assertEquals("it.operator2", poll.submittedBy());
        assertNull(poll.decidedBy(), "the earlier approval was of another list");
        assertFalse(poll.acceptsBallotsAt(PollFixtures.DURING), "nobody votes on the new list before it is approved");
        poll.approveBy("it.head", CREATED.plusSeconds(120));
        assertEquals(PollStatus.OPEN, poll.status());

        // once voting has begun the approved list stays
        assertEquals("listed-voters-locked", assertThrows(org.mvoting.api.errors.ListedVotersLockedException.class,
                () -> poll.listChangedAfterApproval("it.operator", PollFixtures.OPENS)).code());
        assertEquals(PollStatus.OPEN, poll.status());
        Poll open = PollFixtures.draftWithQuestion();
        open.submit("it.operator", CREATED);
        open.approveBy("it.head", CREATED);
        assertEquals("poll-not-listed-audience", assertThrows(InvalidPollException.class,
                () -> open.listChangedAfterApproval("it.operator", CREATED)).code());
    }

    @Test
    void onlyAPendingPollCanBeApproved() {
        Poll poll = staffPoll();
        assertThrows(IllegalPollTransitionException.class, () -> poll.approveBy("it.head", CREATED));
    }

    @Test
    void anOpenPollIsExtendedOnlyToALaterEnd() {
        Poll poll = staffPoll();
        poll.submit("op", CREATED);
        poll.approveBy("head", CREATED);
        Instant end = poll.schedule().closesAt();
        assertEquals("poll-extension-not-later", assertThrows(InvalidPollException.class,
                () -> poll.extendUntil(end.minusSeconds(1), CREATED)).code());
        assertEquals("poll-extension-not-later", assertThrows(InvalidPollException.class,
                () -> poll.extendUntil(end, CREATED)).code());

        poll.extendUntil(end.plus(Duration.ofDays(1)), CREATED);
        assertEquals(end.plus(Duration.ofDays(1)), poll.schedule().closesAt());
    }

    @Test
    void aDraftCannotBeExtended() {
        Poll poll = staffPoll();
        assertThrows(IllegalPollTransitionException.class,
                () -> poll.extendUntil(poll.schedule().closesAt().plusSeconds(60), CREATED));
    }

    @Test
    void aCopyIsANewDraftWithTheSameQuestions() {
        Poll poll = staffPoll();
        poll.addQuestion(new QuestionDraft(QuestionType.SINGLE_CHOICE, "어느 날?", List.of("월", "화", "수"), null, null, null));
        poll.submit("op", CREATED);
        poll.approveBy("head", CREATED);

        Poll copy = poll.duplicate("it.operator", CREATED.plusSeconds(5));
        assertNotEquals(poll.id(), copy.id());
        assertEquals(PollStatus.DRAFT, copy.status());
        assertEquals(poll.title(), copy.title());
        assertEquals(AudienceType.ORG_UNITS, copy.audience());
        assertEquals(2, copy.questions().size());
        assertEquals(List.of("월", "화", "수"), copy.questions().get(1).options().stream().map(AnswerOption::label).toList());
        assertEquals(QuestionType.YES_NO, copy.questions().get(0).type());
    }

    @Test
    void aShortCodeIsGivenOnce() {
        Poll poll = staffPoll();
        poll.assignShortCode("abcd2345");
        poll.assignShortCode("zzzz9999");
        assertEquals("abcd2345", poll.shortCode());
    }

    @Test
    void certificatePollsAreForTheOpenAudienceOnly() {
        Poll open = citizenPoll(AudienceType.OPEN, AssuranceLevel.CERTIFICATE);
        open.submitForApproval();
        assertEquals(PollStatus.PENDING_APPROVAL, open.status());
        Poll listed = citizenPoll(AudienceType.LISTED, AssuranceLevel.CERTIFICATE);
        InvalidPollException e = assertThrows(InvalidPollException.class, listed::submitForApproval);
        assertEquals("poll-certificate-level-needs-open-audience", e.code());
        assertEquals(PollStatus.DRAFT, listed.status());
    }

    @Test
    void deviceLevelPollsAreForTheOpenAudienceOnly() {
        Poll listed = citizenPoll(AudienceType.LISTED, AssuranceLevel.DEVICE);
        InvalidPollException e = assertThrows(InvalidPollException.class, listed::submitForApproval);
        assertEquals("poll-device-level-needs-open-audience", e.code());

        Poll open = citizenPoll(AudienceType.OPEN, AssuranceLevel.DEVICE);
        open.submitForApproval();
        assertEquals(PollStatus.PENDING_APPROVAL, open.status());
    }

    private static Poll citizenPoll(AudienceType audience, AssuranceLevel assurance) {
        Poll poll = Poll.draftedBy(DEPARTMENT, PollKind.CITY_TO_CITIZEN, "Lobby", null, schedule(), audience,
                assurance, ResultsVisibility.LIVE, "op", CREATED);
        poll.addQuestion(yesNo("Is the lobby clean?"));
        return poll;
    }
}
