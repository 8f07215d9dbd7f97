package org.mvoting.domain.weighting;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Everything a weighted result may show, and nothing it may not: the totals, each option's raw and weighted share
 * with its margin of error, Kish's effective sample size and design effect, how the weights were reached, and the
 * breakdowns with small cells hidden. The later export and REST layers render this as it is.
 *
 * @param ballots             n (표본 크기)
 * @param weightedBallots     Σ w over the ballots, n up to rounding
 * @param effectiveSampleSize Kish's n_eff
 * @param designEffect        Kish's deff = n / n_eff
 * @param population          N, the census total the weights represent
 */
public record WeightedResults(long ballots, double weightedBallots, double effectiveSampleSize, double designEffect,
                              long population, WeightingSettings settings, Convergence convergence,
                              List<OptionResult> options, List<StratumRow> strata,
                              Map<Dimension, List<CategoryRow>> categories) {

    public Optional<OptionResult> option(long optionId) {
        return options.stream().filter(option -> option.optionId() == optionId).findFirst();
    }

    public Optional<StratumRow> stratum(Stratum stratum) {
        return strata.stream().filter(row -> row.stratum().equals(stratum)).findFirst();
    }

    public Optional<CategoryRow> category(Dimension dimension, Object category) {
        return categories.getOrDefault(dimension, List.of()).stream()
                .filter(row -> row.category().equals(category)).findFirst();
    }
}
