package org.mvoting.api.samples;

import java.util.Map;

/**
 * One stratum in a report: district, gender, age band code; {@code suppressed} when it holds fewer than
 * {@link PanelSamples#SMALL_CELL} ballots, and then no counts at all (null).
 */
public record StratumReportRow(String district, String gender, int ageBand, boolean suppressed, Long ballots,
                               Map<Long, Long> choices) {
}
