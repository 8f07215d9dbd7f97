package org.mvoting.domain.poll;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.mvoting.api.errors.IllegalPollTransitionException;
import org.mvoting.api.errors.InvalidPollException;
import org.mvoting.api.polls.AssuranceLevel;
import org.mvoting.api.polls.AudienceType;
import org.mvoting.api.polls.PollKind;
import org.mvoting.api.polls.ResultsVisibility;

/** A meeting room's poll: its join window. */
class PollMeetingRoomTest {

    private static Poll staffDraft() {
        return Poll.draftedBy(PollFixtures.DEPARTMENT, PollKind.CITY_TO_STAFF, "회의", null, PollFixtures.schedule(),
                AudienceType.ORG_UNITS, AssuranceLevel.SMS_VERIFIED, ResultsVisibility.LIVE, "it.operator",
                PollFixtures.CREATED);
    }

    @Test
    void joinersAreAdmittedUpToButNotAtTheEndOfTheWindow() {
        Poll poll = staffDraft();
        Instant until = PollFixtures.OPENS.plus(Duration.ofMinutes(3));
        poll.admitJoinersUntil(until);

        assertTrue(poll.isMeetingRoom());
        assertEquals(until, poll.joinClosesAt());
        assertTrue(poll.admitsJoinerAt(until.minusMillis(1)));
        assertFalse(poll.admitsJoinerAt(until));
        assertFalse(poll.admitsJoinerAt(until.plusSeconds(60)));
    }

    @Test
    void anyOtherPollAdmitsNoJoiner() {
        Poll poll = staffDraft();
        assertFalse(poll.isMeetingRoom());
        assertNull(poll.joinClosesAt());
        assertFalse(poll.admitsJoinerAt(PollFixtures.DURING));
    }

    @Test
    void theWindowIsSetOnceOnAStaffDraftAndEndsWithinTheSchedule() {
        assertThrows(IllegalPollTransitionException.class,
                () -> PollFixtures.draft().admitJoinersUntil(PollFixtures.DURING), "a citizens' poll has no room");
        Poll poll = staffDraft();
        InvalidPollException late = assertThrows(InvalidPollException.class,
                () -> poll.admitJoinersUntil(PollFixtures.CLOSES.plusSeconds(1)));
        assertEquals("poll-meeting-join-minutes", late.code());
        poll.admitJoinersUntil(PollFixtures.DURING);
        assertThrows(IllegalPollTransitionException.class, () -> poll.admitJoinersUntil(PollFixtures.DURING));
    }
}
