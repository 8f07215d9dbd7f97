package org.mvoting.api.operations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mvoting.api.operations.HealthReport.Check;

class HealthReportTest {

    @Test
    void aNodeIsReadyOnlyWhenEveryRequiredCheckIsUp() {
        assertTrue(new HealthReport(List.of(Check.up("database", true), Check.up("messaging", true))).up());
        assertFalse(new HealthReport(List.of(Check.down("database", true, Check.UNREACHABLE),
                Check.up("messaging", true))).up());
    }

    @Test
    void aCheckThatIsNotRequiredIsReportedButKeepsTheNodeUp() {
        HealthReport report = new HealthReport(List.of(Check.up("database", true),
                Check.down("directory", false, Check.TIMEOUT)));
        assertTrue(report.up());
        assertEquals(Check.TIMEOUT, report.checks().get(1).reason());
        assertFalse(new HealthReport(List.of(Check.down("directory", true, Check.TIMEOUT))).up());
    }

    @Test
    void aDownCheckAlwaysSaysWhy() {
        assertThrows(NullPointerException.class, () -> Check.down("database", true, null));
    }

    @Test
    void metricNamesAndLabelsFollowPrometheusRules() {
        assertThrows(IllegalArgumentException.class, () -> MetricFamily.single("mvoting-ballots", MetricFamily.Type.GAUGE, "h", 1));
        assertThrows(IllegalArgumentException.class,
                () -> MetricFamily.single("mvoting_ballots_accepted", MetricFamily.Type.COUNTER, "a counter ends in _total", 1));
        assertThrows(IllegalArgumentException.class, () -> new MetricFamily.Sample(Map.of("__name__", "x"), 1));
        assertThrows(IllegalArgumentException.class, () -> new MetricFamily.Sample(Map.of("chan-nel", "x"), 1));
        assertEquals("mvoting_ballots_accepted_total",
                MetricFamily.single("mvoting_ballots_accepted_total", MetricFamily.Type.COUNTER, "h", 3).name());
    }
}
