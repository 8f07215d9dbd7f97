package org.mvoting.web.operations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import jakarta.json.JsonObject;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.mvoting.api.operations.HealthReport;
import org.mvoting.api.operations.HealthReport.Check;
import org.mvoting.api.operations.MetricFamily;
import org.mvoting.api.operations.MetricFamily.Sample;
import org.mvoting.web.operations.MetricsAccess.Decision;

/** What the balancer and the monitoring read: the health body, the Prometheus text, and who may scrape. */
class OperationsOutputTest {

    private static final String TOKEN = "s3cret-for-the-city-monitoring-0123456789";

    @Test
    void theHealthBodyHasMicroProfileHealthsShapeAndOnlyNamesAndReasons() {
        JsonObject body = HealthServlet.json(new HealthReport(List.of(Check.up("database", true),
                Check.down("directory", false, Check.UNREACHABLE), Check.down("messaging", true, Check.TIMEOUT))));
        assertEquals("DOWN", body.getString("status"));
        assertEquals("{\"name\":\"database\",\"status\":\"UP\"}", body.getJsonArray("checks").get(0).toString());
        assertEquals("{\"name\":\"directory\",\"status\":\"DOWN\",\"data\":{\"reason\":\"unreachable\",\"required\":false}}",
                body.getJsonArray("checks").get(1).toString());
        assertEquals("timeout", body.getJsonArray("checks").getJsonObject(2).getJsonObject("data").getString("reason"));
        assertEquals("UP", HealthServlet.json(new HealthReport(List.of(Check.up("database", true),
                Check.down("directory", false, Check.UNREACHABLE)))).getString("status"), "the directory is not required");
    }

    @Test
    void prometheusTextHasHelpTypeAndEscapedLabels() {
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put("reason", "quote\" back\\slash\nnewline");
        labels.put("channel", "sms");
        String text = PrometheusText.write(List.of(
                MetricFamily.single("mvoting_ballots_accepted_total", MetricFamily.Type.COUNTER, "New ballots\ncommitted", 42),
                new MetricFamily("mvoting_ballots_refused_total", MetricFamily.Type.COUNTER, "Refused", List.of(new Sample(labels, 3))),
                new MetricFamily("mvoting_empty", MetricFamily.Type.GAUGE, "No samples yet", List.of()),
                MetricFamily.single("mvoting_mixer_lag_seconds", MetricFamily.Type.GAUGE, "Lag", 1.25)));
        assertEquals("""
                # HELP mvoting_ballots_accepted_total New ballots\\ncommitted
                # TYPE mvoting_ballots_accepted_total counter
                mvoting_ballots_accepted_total 42
                # HELP mvoting_ballots_refused_total Refused
                # TYPE mvoting_ballots_refused_total counter
                mvoting_ballots_refused_total{reason="quote\\" back\\\\slash\\nnewline",channel="sms"} 3
                # HELP mvoting_empty No samples yet
                # TYPE mvoting_empty gauge
                # HELP mvoting_mixer_lag_seconds Lag
                # TYPE mvoting_mixer_lag_seconds gauge
                mvoting_mixer_lag_seconds 1.25
                """, text);
        assertEquals("NaN", PrometheusText.number(Double.NaN));
        assertEquals("+Inf", PrometheusText.number(Double.POSITIVE_INFINITY));
        assertEquals("-3", PrometheusText.number(-3));
    }

    @Test
    void onlyTheConfiguredBearerTokenMayScrapeAndWithoutOneThereIsNothingToScrape() {
        assertEquals(Decision.OFF, MetricsAccess.decide(Optional.empty(), "Bearer " + TOKEN));
        assertEquals(Decision.ALLOWED, MetricsAccess.decide(Optional.of(TOKEN), "Bearer " + TOKEN));
        assertEquals(Decision.ALLOWED, MetricsAccess.decide(Optional.of(TOKEN), "bearer  " + TOKEN + " "));
        assertEquals(Decision.REFUSED, MetricsAccess.decide(Optional.of(TOKEN), null));
        assertEquals(Decision.REFUSED, MetricsAccess.decide(Optional.of(TOKEN), ""));
        assertEquals(Decision.REFUSED, MetricsAccess.decide(Optional.of(TOKEN), "Basic " + TOKEN));
        assertEquals(Decision.REFUSED, MetricsAccess.decide(Optional.of(TOKEN), "Bearer " + TOKEN + "x"));
        assertEquals(Decision.REFUSED, MetricsAccess.decide(Optional.of(TOKEN), "Bearer " + TOKEN.substring(1)));
        assertEquals(Decision.REFUSED, MetricsAccess.decide(Optional.of(TOKEN), "Bearer"));
        assertFalse(MetricsAccess.decide(Optional.of(TOKEN), "Bearer ") == Decision.ALLOWED);
    }
}
