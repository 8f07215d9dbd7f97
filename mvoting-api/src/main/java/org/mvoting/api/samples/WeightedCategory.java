package org.mvoting.api.samples;

import java.util.Map;

/**
 * One category of one dimension (a district, a gender, an age band code) with its ballots and weighted shares per
 * option id; hidden like a stratum, then without numbers.
 */
public record WeightedCategory(String dimension, String category, String visibility, Long ballots,
                               Map<Long, Double> weightedShares) {
}
