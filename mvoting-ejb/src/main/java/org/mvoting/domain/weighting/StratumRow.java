package org.mvoting.domain.weighting;

import java.util.Map;
import java.util.OptionalDouble;
import java.util.OptionalLong;

/**
 * One stratum of the breakdown. A hidden row names its stratum (so the table can say "<5") and nothing else.
 * Within a stratum every ballot weighs the same, so its weighted shares are its raw shares; the weight is shown
 * instead.
 */
public record StratumRow(Stratum stratum, Visibility visibility, OptionalLong ballots, Map<Long, Long> choices,
                         OptionalDouble weight) {
}
