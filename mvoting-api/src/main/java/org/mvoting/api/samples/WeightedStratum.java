package org.mvoting.api.samples;

import java.util.Map;

/**
 * One stratum of the breakdown. {@code visibility} is SHOWN, SUPPRESSED_SMALL (fewer than 5 ballots: shown as "<5")
 * or SUPPRESSED_COMPLEMENT (hidden so that a small one cannot be worked out from the totals); a hidden row has no
 * numbers (null).
 */
public record WeightedStratum(String district, String gender, int ageBand, String visibility, Long ballots,
                              Double weight, Map<Long, Long> choices) {
}
