package org.mvoting.domain.poll;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mvoting.domain.poll.PollFixtures.CREATED;
import static org.mvoting.domain.poll.PollFixtures.DEPARTMENT;
import static org.mvoting.domain.poll.PollFixtures.draft;
import static org.mvoting.domain.poll.PollFixtures.open;
import static org.mvoting.domain.poll.PollFixtures.schedule;

import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.mvoting.api.errors.IllegalPollTransitionException;
import org.mvoting.api.errors.InvalidPollException;
import org.mvoting.api.polls.AssuranceLevel;
import org.mvoting.api.polls.AudienceType;
import org.mvoting.api.polls.PollDraft;
import org.mvoting.api.polls.PollKind;
import org.mvoting.api.polls.PollStatus;
import org.mvoting.api.polls.ResultsVisibility;

/** What a poll pays for taking part, who earns it, and how the city removes a poll that paid. */
class PollMileageTest {

    private static final UUID CITIZEN = UUID.randomUUID();

    @Test
    void aNewPollPaysNothingUntilTheOperatorOffersMileage() {
        Poll poll = draft();
        assertEquals(0, poll.mileageWon());
        assertFalse(poll.paysMileageTo(CITIZEN, false));
        poll.offerMileage(PollDraft.POLICY_MILEAGE_WON);
        assertEquals(100, poll.mileageWon());
    }

    @Test
    void onlyASignedInCitizenEarnsNotStaffNorADevice() {
        Poll poll = draft();
        poll.offerMileage(100);
        assertTrue(poll.paysMileageTo(CITIZEN, false));
        assertFalse(poll.paysMileageTo(null, false), "a signed-out device voter has no citizen to pay");
        assertFalse(poll.paysMileageTo(CITIZEN, true), "staff are never paid for answering");
    }

    @Test
    void theAmountStaysWithinItsLimits() {
        Poll poll = draft();
        poll.offerMileage(PollDraft.MAX_MILEAGE_WON);
        assertEquals(PollDraft.MAX_MILEAGE_WON, poll.mileageWon());
        assertEquals("poll-mileage-out-of-range",
                assertThrows(InvalidPollException.class, () -> poll.offerMileage(PollDraft.MAX_MILEAGE_WON + 1)).code());
        assertThrows(InvalidPollException.class, () -> poll.offerMileage(-1));
        assertEquals(PollDraft.MAX_MILEAGE_WON, poll.mileageWon(), "a refused amount changes nothing");
    }

    @Test
    void aStaffPollCannotPayButMayStateZero() {
        Poll staff = Poll.draftedBy(DEPARTMENT, PollKind.CITY_TO_STAFF, "Canteen", null, schedule(),
                AudienceType.ORG_UNITS, AssuranceLevel.SMS_VERIFIED, ResultsVisibility.AFTER_VOTING, "op", CREATED);
        assertEquals("poll-mileage-only-for-citizen-polls",
                assertThrows(InvalidPollException.class, () -> staff.offerMileage(100)).code());
        staff.offerMileage(0);
        assertEquals(0, staff.mileageWon());
    }

    @Test
    void aPublishedPollKeepsItsAmountAndACopyTakesIt() {
        Poll poll = draft();
        poll.offerMileage(300);
        poll.addQuestion(PollFixtures.yesNo("Benches?"));
        poll.submitForApproval();
        poll.approve(CREATED);
        assertThrows(IllegalPollTransitionException.class, () -> poll.offerMileage(500));
        assertEquals(300, poll.duplicate("op", CREATED).mileageWon());
    }

    @Test
    void theCityRemovesAnOpenOrClosedPollOnceWithAReason() {
        Poll poll = open();
        assertThrows(InvalidPollException.class, () -> poll.removeByCity("it.head", " "));
        poll.removeByCity("it.head", "duplicated by mistake");
        assertEquals(PollStatus.REMOVED, poll.status());
        assertEquals("duplicated by mistake", poll.removalReason());
        assertFalse(poll.acceptsBallotsAt(PollFixtures.DURING));
        assertThrows(IllegalPollTransitionException.class, () -> poll.removeByCity("it.head", "again"));

        Poll drafted = draft();
        assertThrows(IllegalPollTransitionException.class, () -> drafted.removeByCity("it.head", "not published"));
    }

    @Test
    void aCitizensPollIsNotRemovedByTheCityButByModeration() {
        Poll citizens = Poll.proposedByCitizen(CITIZEN, "Dog park", null, schedule(), AudienceType.OPEN,
                ResultsVisibility.LIVE, CREATED);
        assertThrows(IllegalPollTransitionException.class, () -> citizens.removeByCity("it.head", "no"));
        assertThrows(InvalidPollException.class, () -> citizens.offerMileage(100));
    }
}
