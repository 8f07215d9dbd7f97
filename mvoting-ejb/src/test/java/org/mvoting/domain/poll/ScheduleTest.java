package org.mvoting.domain.poll;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.mvoting.api.errors.InvalidPollException;

class ScheduleTest {

    private static final Instant OPENS = Instant.parse("2030-05-01T00:00:00Z");
    private static final Instant CLOSES = Instant.parse("2030-05-08T00:00:00Z");

    @Test
    void backwardsScheduleIsRefused() {
        InvalidPollException e = assertThrows(InvalidPollException.class, () -> new Schedule(CLOSES, OPENS));
        assertEquals("poll-schedule-backwards", e.code());
    }

    @Test
    void emptyScheduleIsRefused() {
        assertThrows(InvalidPollException.class, () -> new Schedule(OPENS, OPENS));
    }

    @Test
    void missingInstantsAreRefused() {
        assertThrows(NullPointerException.class, () -> new Schedule(null, CLOSES));
        assertThrows(NullPointerException.class, () -> new Schedule(OPENS, null));
    }

    @Test
    void containsIncludesTheOpeningAndExcludesTheClosingInstant() {
        Schedule schedule = new Schedule(OPENS, CLOSES);

        assertTrue(schedule.contains(OPENS));
        assertTrue(schedule.contains(CLOSES.minusNanos(1)));
        assertFalse(schedule.contains(OPENS.minusNanos(1)));
        assertFalse(schedule.contains(CLOSES));
    }

    @Test
    void hasEndedByIsTrueFromTheClosingInstant() {
        Schedule schedule = new Schedule(OPENS, CLOSES);

        assertFalse(schedule.hasEndedBy(CLOSES.minusNanos(1)));
        assertTrue(schedule.hasEndedBy(CLOSES));
        assertTrue(schedule.hasEndedBy(CLOSES.plusSeconds(1)));
    }

    @Test
    void lengthIsTheDurationBetweenOpeningAndClosing() {
        assertEquals(Duration.ofDays(7), new Schedule(OPENS, CLOSES).length());
    }

    @Test
    void endingEarlyShortensTheSchedule() {
        Instant early = OPENS.plus(Duration.ofDays(1));

        Schedule shortened = new Schedule(OPENS, CLOSES).endingNoLaterThan(early);

        assertEquals(OPENS, shortened.opensAt());
        assertEquals(early, shortened.closesAt());
    }

    @Test
    void endingAfterTheScheduledCloseKeepsTheSchedule() {
        Schedule schedule = new Schedule(OPENS, CLOSES);

        assertSame(schedule, schedule.endingNoLaterThan(CLOSES.plusSeconds(1)));
    }

    @Test
    void endingBeforeTheOpeningKeepsTheScheduleInsteadOfTurningItBackwards() {
        Schedule schedule = new Schedule(OPENS, CLOSES);

        Schedule result = schedule.endingNoLaterThan(OPENS.minusSeconds(1));

        assertEquals(OPENS, result.opensAt());
        assertEquals(CLOSES, result.closesAt());
    }
}
