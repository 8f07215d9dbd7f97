package org.mvoting.domain.weighting;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.OptionalLong;

/**
 * A sample with its weights (가중치): the working object of the statistics, which still holds every stratum's
 * weight and count. Not for publication as it stands: small strata are only hidden in {@link #publish()}.
 *
 * <p>The formulas, with w_h the weight of each of the n_h ballots of stratum h and n = Σ n_h:
 * <ul>
 *   <li>weighted share of option o: p_o = Σ w_h c_ho / Σ w_h n_h, where c_ho ballots of h chose o;</li>
 *   <li>Kish's effective sample size: n_eff = (Σ w_h n_h)² / Σ w_h² n_h;</li>
 *   <li>design effect: deff = n / n_eff, which equals 1 + CV² of the ballots' weights (population CV, divisor n);</li>
 *   <li>95 % margin of error (오차범위): z · sqrt(deff · p(1 − p) / n), z = 1.96, and × sqrt(1 − n/N) when the
 *       finite-population correction is asked for.</li>
 * </ul>
 * The margin of error is Kish's design-effect approximation: it inflates the simple-random-sampling variance by the
 * variance the unequal weights add and ignores the variance raking removes by calibrating to the margins, so it
 * errs on the wide side.
 */
public final class WeightedSample {

    private final RespondentSample sample;
    private final double[] weights;
    private final Convergence convergence;
    private final long population;
    private final WeightingSettings settings;

    WeightedSample(RespondentSample sample, double[] weights, Convergence convergence, long population,
                   WeightingSettings settings) {
        this.sample = sample;
        this.weights = weights.clone();
        this.convergence = convergence;
        this.population = population;
        this.settings = settings;
    }

    public Convergence convergence() {
        return convergence;
    }

    public WeightingSettings settings() {
        return settings;
    }

    /** The weight every ballot of the stratum carries (mean weight over all ballots is 1). */
    public double weightOf(Stratum stratum) {
        return weights[indexOf(stratum)];
    }

    /** The people the stratum's ballots stand for: n_h · w_h · N / n. */
    public double populationEstimate(Stratum stratum) {
        int i = indexOf(stratum);
        return sample.cells().get(i).ballots() * weights[i] * population / sample.ballots();
    }

    private int indexOf(Stratum stratum) {
        List<RespondentCell> cells = sample.cells();
        for (int i = 0; i < cells.size(); i++) {
            if (cells.get(i).stratum().equals(stratum)) {
                return i;
            }
        }
        throw new IllegalArgumentException("no ballots in " + stratum);
    }

    /** Σ w_h n_h: n after raking, by construction. */
    public double weightedBallots() {
        double sum = 0;
        for (int i = 0; i < weights.length; i++) {
            sum += sample.cells().get(i).ballots() * weights[i];
        }
        return sum;
    }

    /** Kish's n_eff = (Σ w)² / Σ w² over the ballots. */
    public double effectiveSampleSize() {
        double sum = 0;
        double sumOfSquares = 0;
        for (int i = 0; i < weights.length; i++) {
            long ballots = sample.cells().get(i).ballots();
            sum += ballots * weights[i];
            sumOfSquares += ballots * weights[i] * weights[i];
        }
        return sum * sum / sumOfSquares;
    }

    /** Kish's deff = n / n_eff = 1 + CV²(w). */
    public double designEffect() {
        return sample.ballots() / effectiveSampleSize();
    }

    public double rawShare(long optionId) {
        return (double) rawCount(optionId) / sample.ballots();
    }

    public long rawCount(long optionId) {
        return sample.cells().stream().mapToLong(cell -> cell.chose(optionId)).sum();
    }

    public double weightedShare(long optionId) {
        return weightedShare(optionId, null, null);
    }

    /** The weighted share among the ballots of one category, or of all ballots when the dimension is null. */
    private double weightedShare(long optionId, Dimension dimension, Object category) {
        double chose = 0;
        double all = 0;
        for (int i = 0; i < weights.length; i++) {
            RespondentCell cell = sample.cells().get(i);
            if (dimension != null && !cell.stratum().category(dimension).equals(category)) {
                continue;
            }
            chose += cell.chose(optionId) * weights[i];
            all += cell.ballots() * weights[i];
        }
        return chose / all;
    }

    /** z · sqrt(deff · p(1 − p) / n), × sqrt(1 − n/N) with the finite-population correction. */
    public double marginOfError(double share) {
        double n = sample.ballots();
        double variance = designEffect() * share * (1 - share) / n;
        if (settings.finitePopulationCorrection()) {
            variance *= Math.max(0, 1 - n / population);
        }
        return settings.z() * Math.sqrt(variance);
    }

    /**
     * The result as it may be shown: totals, every option's shares and margin of error, and the breakdowns by
     * stratum and by category with small cells hidden ({@link SmallCellSuppression}).
     */
    public WeightedResults publish() {
        List<OptionResult> options = new ArrayList<>();
        for (long optionId : sample.options()) {
            double weighted = weightedShare(optionId);
            options.add(new OptionResult(optionId, rawCount(optionId), rawShare(optionId), weighted,
                    marginOfError(weighted)));
        }
        Map<Stratum, Long> stratumBallots = new LinkedHashMap<>();
        for (RespondentCell cell : sample.cells()) {
            stratumBallots.put(cell.stratum(), cell.ballots());
        }
        SmallCellSuppression.Plan plan = new SmallCellSuppression(settings.suppressionThreshold()).plan(stratumBallots);
        Map<Stratum, Visibility> stratumVisibility = plan.strata();

        List<StratumRow> strata = new ArrayList<>();
        for (int i = 0; i < weights.length; i++) {
            RespondentCell cell = sample.cells().get(i);
            Visibility visibility = stratumVisibility.get(cell.stratum());
            strata.add(visibility.shown()
                    ? new StratumRow(cell.stratum(), visibility, OptionalLong.of(cell.ballots()), countsOf(cell),
                            OptionalDouble.of(weights[i]))
                    : new StratumRow(cell.stratum(), visibility, OptionalLong.empty(), Map.of(), OptionalDouble.empty()));
        }
        Map<Dimension, List<CategoryRow>> categories = new EnumMap<>(Dimension.class);
        plan.categories().forEach((dimension, visibilities) -> {
            List<CategoryRow> rows = new ArrayList<>();
            visibilities.forEach((category, visibility) -> rows.add(visibility.shown()
                    ? categoryRow(dimension, category)
                    : new CategoryRow(dimension, category, visibility, OptionalLong.empty(), Map.of(), Map.of())));
            categories.put(dimension, List.copyOf(rows));
        });
        return new WeightedResults(sample.ballots(), weightedBallots(), effectiveSampleSize(), designEffect(),
                population, settings, convergence, List.copyOf(options), List.copyOf(strata),
                Collections.unmodifiableMap(categories));
    }

    private Map<Long, Long> countsOf(RespondentCell cell) {
        Map<Long, Long> counts = new LinkedHashMap<>();
        for (long optionId : sample.options()) {
            counts.put(optionId, cell.chose(optionId));
        }
        return Collections.unmodifiableMap(counts);
    }

    private CategoryRow categoryRow(Dimension dimension, Object category) {
        long ballots = 0;
        for (RespondentCell cell : sample.cells()) {
            if (cell.stratum().category(dimension).equals(category)) {
                ballots += cell.ballots();
            }
        }
        Map<Long, Long> counts = new LinkedHashMap<>();
        Map<Long, Double> shares = new LinkedHashMap<>();
        for (long optionId : sample.options()) {
            long count = 0;
            for (RespondentCell cell : sample.cells()) {
                if (cell.stratum().category(dimension).equals(category)) {
                    count += cell.chose(optionId);
                }
            }
            counts.put(optionId, count);
            shares.put(optionId, weightedShare(optionId, dimension, category));
        }
        return new CategoryRow(dimension, category, Visibility.SHOWN, OptionalLong.of(ballots),
                Collections.unmodifiableMap(counts), Collections.unmodifiableMap(shares));
    }
}
