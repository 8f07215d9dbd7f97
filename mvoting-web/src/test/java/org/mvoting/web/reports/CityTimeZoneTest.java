package org.mvoting.web.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.mvoting.web.reports.Fixtures.bytes;
import static org.mvoting.web.reports.Fixtures.parseCsv;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mvoting.web.portal.PortalText;
import org.mvoting.web.portal.PortalTime;

/** The portal and the reports follow MVOTING_TIME_ZONE, not a zone of their own. */
class CityTimeZoneTest {

    private static final String PROPERTY = "mvoting.time.zone";
    private static final Instant NINE_IN_SEOUL = Instant.parse("2026-03-02T00:00:00Z");

    private String before;

    @BeforeEach
    void rememberTheZone() {
        before = System.getProperty(PROPERTY);
    }

    @AfterEach
    void restoreTheZone() {
        if (before == null) {
            System.clearProperty(PROPERTY);
        } else {
            System.setProperty(PROPERTY, before);
        }
    }

    @Test
    void byDefaultTheCityIsSeoul() {
        // the default is what a machine that names no zone gets; one that names its own zone cannot show it
        assumeTrue(System.getenv("MVOTING_TIME_ZONE") == null, "MVOTING_TIME_ZONE is set on this machine");
        System.clearProperty(PROPERTY);
        assertEquals("2026-03-02 09:00", PortalTime.minutes(NINE_IN_SEOUL));
        assertEquals("2026-03-02 09:00", ReportText.of(Locale.ENGLISH).time(NINE_IN_SEOUL));
        // the labels read as they always did
        assertEquals("투표 기간(한국 시간)", ReportText.of(Locale.KOREAN).get("field.period"));
        assertEquals("Seoul time (yyyy-MM-dd HH:mm)",
                PortalTime.label(PortalText.portal(Locale.ENGLISH), "edit.dateHint", Locale.ENGLISH));
    }

    @Test
    void inBerlinThePortalAndTheReportsShowBerlinTime() throws Exception {
        System.setProperty(PROPERTY, "Europe/Berlin");

        assertEquals("2026-03-02 01:00", PortalTime.minutes(NINE_IN_SEOUL));
        assertEquals("2026-03-02 01:00:00", PortalTime.seconds(NINE_IN_SEOUL));
        assertEquals(LocalDateTime.parse("2026-03-02T01:00"), PortalTime.local(NINE_IN_SEOUL));
        assertEquals(NINE_IN_SEOUL, PortalTime.instant(LocalDateTime.parse("2026-03-02T01:00")));

        assertEquals("2026-03-02 01:00", ReportText.of(Locale.ENGLISH).time(NINE_IN_SEOUL));
        assertEquals(LocalDateTime.parse("2026-03-02T01:00"), ReportText.local(NINE_IN_SEOUL));
        List<List<String>> rows = parseCsv(bytes(out -> ResultsCsv.write(Fixtures.report(), out, Locale.KOREAN)));
        assertEquals("2026-03-02 01:00 ~ 2026-03-09 10:00", rows.get(2).get(1));
        assertEquals("2026-03-10 02:30", rows.get(6).get(1));

        // and no label says Seoul beside Berlin's times
        assertEquals("투표 기간(Europe/Berlin 시각)", rows.get(2).get(0));
        assertEquals("Generated at (Europe/Berlin time)", ReportText.of(Locale.ENGLISH).get("field.generatedAt"));
        assertEquals("Europe/Berlin time (yyyy-MM-dd HH:mm)",
                PortalTime.label(PortalText.portal(Locale.ENGLISH), "edit.dateHint", Locale.ENGLISH));
        assertEquals("시작 일시 (Europe/Berlin 시각)",
                PortalTime.label(PortalText.portal(Locale.KOREAN), "events.create.startsAt", Locale.KOREAN));
    }
}
