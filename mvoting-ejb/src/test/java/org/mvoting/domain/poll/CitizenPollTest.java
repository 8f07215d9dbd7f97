package org.mvoting.domain.poll;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mvoting.domain.poll.PollFixtures.CREATED;
import static org.mvoting.domain.poll.PollFixtures.DURING;
import static org.mvoting.domain.poll.PollFixtures.schedule;
import static org.mvoting.domain.poll.PollFixtures.yesNo;

import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.mvoting.api.errors.IllegalPollTransitionException;
import org.mvoting.api.errors.InvalidPollException;
import org.mvoting.api.polls.AssuranceLevel;
import org.mvoting.api.polls.AudienceType;
import org.mvoting.api.polls.PollKind;
import org.mvoting.api.polls.PollStatus;
import org.mvoting.api.polls.ResultsVisibility;

/** A citizen's own poll: published by its proposer, held or hidden for moderators, removed with a reason. */
class CitizenPollTest {

    private static final UUID PROPOSER = UUID.randomUUID();

    private static Poll proposed() {
        Poll poll = Poll.proposedByCitizen(PROPOSER, "벤치 색깔", null, schedule(), AudienceType.OPEN,
                ResultsVisibility.LIVE, CREATED);
        poll.addQuestion(yesNo("초록이 좋습니까?"));
        return poll;
    }

    @Test
    void itIsACitizenPollWithPhoneSignInAndOnlyCitizenAudiences() {
        Poll poll = proposed();
        assertEquals(PollKind.CITIZEN_TO_CITIZEN, poll.kind());
        assertEquals(AssuranceLevel.SMS_VERIFIED, poll.minimumAssurance());
        assertTrue(poll.isProposedBy(PROPOSER));
        assertFalse(poll.isProposedBy(UUID.randomUUID()));
        InvalidPollException e = assertThrows(InvalidPollException.class, () -> Poll.proposedByCitizen(PROPOSER, "t", null,
                schedule(), AudienceType.ORG_UNITS, ResultsVisibility.LIVE, CREATED));
        assertEquals("poll-audience-not-for-citizens", e.code());
    }

    @Test
    void publishedItOpensOrWaitsForAModerator() {
        Poll open = proposed();
        open.publishByProposer(false, CREATED);
        assertEquals(PollStatus.OPEN, open.status());
        assertTrue(open.acceptsBallotsAt(DURING));

        Poll held = proposed();
        held.publishByProposer(true, CREATED);
        assertEquals(PollStatus.PENDING_APPROVAL, held.status());
        assertFalse(held.acceptsBallotsAt(DURING));
        held.restoreByModerator("mod.park", CREATED);
        assertEquals(PollStatus.OPEN, held.status());
        assertThrows(IllegalPollTransitionException.class, () -> held.restoreByModerator("mod.park", CREATED),
                "nothing to restore");
    }

    @Test
    void hiddenItTakesNoBallotsUntilRestored() {
        Poll poll = proposed();
        poll.publishByProposer(false, CREATED);
        poll.hideForReview(CREATED);
        assertTrue(poll.isHidden());
        assertFalse(poll.acceptsBallotsAt(DURING));
        poll.restoreByModerator("mod.park", CREATED);
        assertTrue(poll.acceptsBallotsAt(DURING));
    }

    @Test
    void removalNeedsAReasonTheProposerCanRead() {
        Poll poll = proposed();
        poll.publishByProposer(false, CREATED);
        assertEquals("poll-removal-reason-required",
                assertThrows(InvalidPollException.class, () -> poll.removeByModerator("mod.park", " ")).code());
        poll.removeByModerator("mod.park", " 광고입니다 ");
        assertEquals(PollStatus.REMOVED, poll.status());
        assertEquals("광고입니다", poll.removalReason());
        assertFalse(poll.acceptsBallotsAt(DURING));
    }
}
