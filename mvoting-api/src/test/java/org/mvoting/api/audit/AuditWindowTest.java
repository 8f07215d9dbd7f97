package org.mvoting.api.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.mvoting.api.errors.InvalidTimeWindowException;

class AuditWindowTest {

    private static final ZoneId SEOUL = ZoneId.of("Asia/Seoul");

    @Test
    void aDayIsTheCitysDayFromMidnightToTheNextMidnight() {
        AuditWindow day = AuditWindow.parse("2026-12-05", "2026-12-05", SEOUL);
        assertEquals(Instant.parse("2026-12-04T15:00:00Z"), day.from(), "00:00 in Seoul is 15:00 UTC the day before");
        assertEquals(Instant.parse("2026-12-05T15:00:00Z"), day.to(), "to a day includes that whole day");

        AuditWindow berlin = AuditWindow.parse("2026-12-05", null, ZoneId.of("Europe/Berlin"));
        assertEquals(Instant.parse("2026-12-04T23:00:00Z"), berlin.from(), "another city's clock");
        assertNull(berlin.to());
    }

    @Test
    void anInstantOrAnOffsetDateTimeIsTakenExactly() {
        AuditWindow window = AuditWindow.parse("2026-12-05T09:30:00Z", " 2026-12-05T18:45+09:00 ", SEOUL);
        assertEquals(Instant.parse("2026-12-05T09:30:00Z"), window.from());
        assertEquals(Instant.parse("2026-12-05T09:45:00Z"), window.to());
    }

    @Test
    void blankIsOpenAndTheDatePickersDaysMatchTheQuerysDays() {
        assertEquals(AuditWindow.ALL, AuditWindow.parse(null, " ", SEOUL));
        assertEquals(AuditWindow.parse("2026-12-01", "2026-12-05", SEOUL),
                AuditWindow.days(LocalDate.of(2026, 12, 1), LocalDate.of(2026, 12, 5), SEOUL),
                "the page and its export links select the same entries");
        assertEquals(new AuditWindow(null, Instant.parse("2026-12-05T15:00:00Z")),
                AuditWindow.days(null, LocalDate.of(2026, 12, 5), SEOUL));
    }

    @Test
    void anythingElseIsRefusedNamingTheField() {
        for (String bad : new String[] {"yesterday", "2026-13-01", "2026-12-05T09:30", "12/05/2026", "2026-02-30",
                "1".repeat(500)}) {
            InvalidTimeWindowException e = assertThrows(InvalidTimeWindowException.class,
                    () -> AuditWindow.parse(bad, null, SEOUL), bad);
            assertEquals("time-window-invalid", e.code());
            assertEquals("from", e.arguments()[0]);
        }
        assertEquals("to", assertThrows(InvalidTimeWindowException.class,
                () -> AuditWindow.parse(null, "soon", SEOUL)).arguments()[0]);
    }

    @Test
    void theDescriptionSaysTheWindowOnTheCitysClock() {
        assertEquals("any time", AuditWindow.ALL.describe(SEOUL));
        assertEquals("from 2026-12-05T00:00+09:00 to now", AuditWindow.parse("2026-12-05", null, SEOUL).describe(SEOUL));
    }
}
