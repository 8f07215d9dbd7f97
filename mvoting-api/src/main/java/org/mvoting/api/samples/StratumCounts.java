package org.mvoting.api.samples;

import java.util.Map;
import org.mvoting.api.citizens.Stratum;

/** One stratum's ballots and, per option id, how many of them chose it (raw: for weighting, never shown as is). */
public record StratumCounts(Stratum stratum, long ballots, Map<Long, Long> choices) {

    public StratumCounts {
        choices = Map.copyOf(choices);
    }
}
