package org.mvoting.application.operations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mvoting.api.operations.MetricFamily;
import org.mvoting.infrastructure.metrics.NodeCounters;
import org.mvoting.infrastructure.metrics.NodeCounters.GatewayFailure;
import org.mvoting.infrastructure.persistence.OperationsLedger;

/** The metric families built from the node's counters, the outbox and the pool statistics. */
class NodeMetricsServiceTest {

    private static Map<String, Double> values(List<MetricFamily> families) {
        Map<String, Double> values = new LinkedHashMap<>();
        for (MetricFamily family : families) {
            for (MetricFamily.Sample sample : family.samples()) {
                values.put(family.name() + sample.labels(), sample.value());
            }
        }
        return values;
    }

    @Test
    void ballotsAreCountedAcceptedReplayedAndRefusedByReason() {
        NodeCounters counters = new NodeCounters();
        counters.ballotAccepted();
        counters.ballotAccepted();
        counters.ballotReplayed();
        counters.ballotRefused("already-voted");
        counters.ballotRefused("already-voted");
        counters.ballotRefused(NodeCounters.ERROR);
        Map<String, Double> values = values(NodeMetricsService.ballots(counters));
        assertEquals(2.0, values.get("mvoting_ballots_accepted_total{}"));
        assertEquals(1.0, values.get("mvoting_ballots_replayed_total{}"));
        assertEquals(2.0, values.get("mvoting_ballots_refused_total{reason=already-voted}"));
        assertEquals(1.0, values.get("mvoting_ballots_refused_total{reason=error}"));
        assertEquals(4, values.size());
    }

    @Test
    void gatewayFailuresHaveASeriesForEveryChannelAndOutcomeFromTheStart() {
        NodeCounters counters = new NodeCounters();
        counters.gatewayFailed("SMS", GatewayFailure.RETRY);
        counters.gatewayFailed("SMS", GatewayFailure.RETRY);
        counters.gatewayFailed("PUSH", GatewayFailure.GAVE_UP);
        Map<String, Double> values = values(NodeMetricsService.gatewayFailures(counters));
        assertEquals(12, values.size(), values.toString()); // SMS, PUSH, MOBILE_OFFICE, MAIL × retry, refused, gave-up
        assertEquals(2.0, values.get("mvoting_outbox_delivery_failures_total{channel=sms, outcome=retry}"), values.toString());
        assertEquals(1.0, values.get("mvoting_outbox_delivery_failures_total{channel=push, outcome=gave-up}"));
        assertEquals(0.0, values.get("mvoting_outbox_delivery_failures_total{channel=sms, outcome=refused}"));
        assertEquals(0.0, values.get("mvoting_outbox_delivery_failures_total{channel=mobile_office, outcome=retry}"));
    }

    @Test
    void theOutboxShowsEveryChannelEvenWithoutMessages() {
        Map<String, Double> values = values(NodeMetricsService.outbox(Map.of("SMS", new OperationsLedger.Outbox(7, 2))));
        assertEquals(7.0, values.get("mvoting_outbox_pending_messages{channel=sms}"));
        assertEquals(0.0, values.get("mvoting_outbox_pending_messages{channel=push}"));
        assertEquals(2.0, values.get("mvoting_outbox_failed_messages_24h{channel=sms}"));
    }

    @Test
    void poolFiguresBecomeConnectionsByStateAndAreLeftOutWhenWildFlyHasNone() {
        assertTrue(NodeMetricsService.pool(Map.of()).isEmpty());
        Map<String, Double> values = values(NodeMetricsService.pool(Map.of("inusecount", 3L, "availablecount", 27L,
                "maxusedcount", 9L, "blockingfailurecount", 1L)));
        assertEquals(3.0, values.get("mvoting_pool_connections{state=in_use}"));
        assertEquals(27.0, values.get("mvoting_pool_connections{state=available}"));
        assertEquals(9.0, values.get("mvoting_pool_max_used_connections{}"));
        assertEquals(1.0, values.get("mvoting_pool_blocking_failures_total{}"));
        assertEquals(null, values.get("mvoting_pool_waits_total{}"), "absent figures are left out, not zero");
    }
}
