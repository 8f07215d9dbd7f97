package org.mvoting.api.samples;

import java.util.List;

/**
 * One question's ballots per stratum: its option ids in display order and one entry per stratum with ballots. Maps
 * one to one onto the weighting's {@code RespondentSample.of(options, cells)}.
 */
public record QuestionStrata(long questionId, List<Long> optionIds, List<StratumCounts> strata) {

    public QuestionStrata {
        optionIds = List.copyOf(optionIds);
        strata = List.copyOf(strata);
    }
}
