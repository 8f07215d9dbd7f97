package org.mvoting.domain.weighting;

import java.util.Map;
import java.util.OptionalLong;

/** One category of one dimension (a district, a gender, an age band) in the breakdown; hidden rows carry no numbers. */
public record CategoryRow(Dimension dimension, Object category, Visibility visibility, OptionalLong ballots,
                          Map<Long, Long> choices, Map<Long, Double> weightedShares) {
}
