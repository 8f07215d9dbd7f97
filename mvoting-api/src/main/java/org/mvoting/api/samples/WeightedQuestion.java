package org.mvoting.api.samples;

import java.util.List;

/**
 * One question's weighted result: n, Kish's n_eff and deff (the same weights serve every question of a poll), each
 * option, and the breakdowns by stratum and by category with small cells suppressed.
 */
public record WeightedQuestion(long questionId, int position, String text, long ballots, double effectiveSampleSize,
                               double designEffect, List<WeightedOption> options, List<WeightedStratum> strata,
                               List<WeightedCategory> categories) {

    public WeightedQuestion {
        options = List.copyOf(options);
        strata = List.copyOf(strata);
        categories = List.copyOf(categories);
    }
}
