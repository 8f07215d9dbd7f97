package org.mvoting.domain.weighting;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Iterative proportional fitting (Deming and Stephan 1940) of one weight per stratum to census margins, with weight
 * trimming inside the raking as in Izrael, Battaglia and Frankel (2009): a trimmed weight is held at the cap while
 * the others are raked again. Every ballot of a stratum carries its stratum's weight;
 * weights start at 1 and are scaled so they average 1 over the ballots, i.e. the weighted ballots add up to the
 * ballots and each margin's target is its census share × n.
 *
 * <p>One cycle adjusts each dimension in {@link Dimension} order: every stratum's weight in category k is multiplied
 * by target_k / weighted total_k. After a cycle the last dimension fits exactly and the others have moved; raking
 * stops when the largest relative deviation over all margins is within the tolerance, or reports that it is not
 * after {@code maxIterations} cycles (margins that contradict the sample's empty strata never converge).
 */
final class Raking {

    private final List<RespondentCell> cells;
    private final CensusMargins margins;
    private final WeightingSettings settings;
    private final long[] ballots;
    private final long n;
    /** Per raked dimension: each cell's category index. */
    private final int[][] categoryOfCell;
    /** Per raked dimension: each category's target weighted total. */
    private final double[][] targets;

    Raking(List<RespondentCell> cells, CensusMargins margins, WeightingSettings settings) {
        this.cells = cells;
        this.margins = margins;
        this.settings = settings;
        this.ballots = cells.stream().mapToLong(RespondentCell::ballots).toArray();
        this.n = Arrays.stream(ballots).sum();
        List<Dimension> dimensions = new ArrayList<>(margins.dimensions());
        this.categoryOfCell = new int[dimensions.size()][];
        this.targets = new double[dimensions.size()][];
        for (int d = 0; d < dimensions.size(); d++) {
            index(d, dimensions.get(d));
        }
    }

    /**
     * Checks that every census category has ballots and every ballot a census category, and lays out the targets.
     * Categories the census counts as zero people and the sample leaves empty are dropped: nobody to represent.
     */
    private void index(int d, Dimension dimension) {
        Map<Object, Long> margin = margins.margin(dimension);
        Map<Object, Long> sampled = new HashMap<>();
        for (RespondentCell cell : cells) {
            sampled.merge(cell.stratum().category(dimension), cell.ballots(), Long::sum);
        }
        Map<Object, Integer> positions = new HashMap<>();
        List<Double> dimensionTargets = new ArrayList<>();
        for (Map.Entry<Object, Long> category : margin.entrySet()) {
            long people = category.getValue();
            if (people == 0) {
                continue;
            }
            if (!sampled.containsKey(category.getKey())) {
                throw new WeightingException(WeightingException.Reason.EMPTY_CATEGORY, dimension, category.getKey());
            }
            positions.put(category.getKey(), dimensionTargets.size());
            // Share first, then × n: the exact census share is what the published weighted share must match.
            dimensionTargets.add((double) people / margins.total() * n);
        }
        categoryOfCell[d] = new int[cells.size()];
        for (int i = 0; i < cells.size(); i++) {
            Object category = cells.get(i).stratum().category(dimension);
            Integer position = positions.get(category);
            if (position == null) {
                throw new WeightingException(WeightingException.Reason.UNKNOWN_CATEGORY, dimension, category,
                        sampled.get(category));
            }
            categoryOfCell[d][i] = position;
        }
        targets[d] = dimensionTargets.stream().mapToDouble(Double::doubleValue).toArray();
    }

    /**
     * Rakes; then, while some weight exceeds the cap, holds those weights at the cap and rakes the others to the
     * same margins (the cut weight is thereby redistributed within the categories it came from). If holding the cap
     * makes the margins unattainable, the margins win: the untrimmed raking is kept and the cap is reported as
     * not held.
     */
    Weights weigh() {
        double[] weights = ones();
        boolean[] atCap = new boolean[cells.size()];
        Fit fit = rake(weights, atCap);
        int iterations = fit.cycles;
        int trimRounds = 0;
        // The mean weight is 1 by construction (weighted ballots = n), so the cap is simply the ratio.
        double cap = settings.trimRatio();
        // Trimming only refines weights that fit: after a raking that gave up there is nothing sound to trim.
        while (fit.converged() && overCap(weights, atCap, cap) && trimRounds < settings.maxTrimRounds()) {
            trimRounds++;
            for (int i = 0; i < weights.length; i++) {
                if (!atCap[i] && weights[i] > cap) {
                    weights[i] = cap;
                    atCap[i] = true;
                }
            }
            fit = rake(weights, atCap);
            iterations += fit.cycles;
        }
        boolean anyAtCap = false;
        for (boolean held : atCap) {
            anyAtCap |= held;
        }
        if (anyAtCap && !fit.converged()) {
            weights = ones();
            atCap = new boolean[cells.size()];
            fit = rake(weights, atCap);
            iterations += fit.cycles;
        }
        int trimmedStrata = 0;
        long trimmedBallots = 0;
        for (int i = 0; i < cells.size(); i++) {
            if (atCap[i]) {
                trimmedStrata++;
                trimmedBallots += ballots[i];
            }
        }
        Convergence convergence = new Convergence(Convergence.Method.RAKING, fit.converged(), iterations,
                fit.deviation, settings.tolerance(), settings.maxIterations(), settings.trimRatio(), trimRounds,
                trimmedStrata, trimmedBallots, !overCap(weights, atCap, cap), min(weights), max(weights));
        return new Weights(weights, convergence);
    }

    private double[] ones() {
        double[] weights = new double[cells.size()];
        Arrays.fill(weights, 1.0);
        return weights;
    }

    /** One weight per cell, in the cells' order, and how they were reached. */
    record Weights(double[] perCell, Convergence convergence) {
    }

    private record Fit(int cycles, double deviation, boolean converged) {
    }

    /**
     * Cycles through the dimensions until the margins fit. Weights held at the cap do not move: each category's
     * free weights are scaled so that free + held meets the target. A category whose held weights alone exceed its
     * target, or that has nothing free to scale, cannot fit; it is left as it is and the deviation reports it.
     */
    private Fit rake(double[] weights, boolean[] held) {
        double deviation = deviation(weights);
        int cycles = 0;
        while (deviation > settings.tolerance() && cycles < settings.maxIterations()) {
            for (int d = 0; d < targets.length; d++) {
                double[] free = new double[targets[d].length];
                double[] fixed = new double[targets[d].length];
                for (int i = 0; i < weights.length; i++) {
                    (held[i] ? fixed : free)[categoryOfCell[d][i]] += ballots[i] * weights[i];
                }
                for (int i = 0; i < weights.length; i++) {
                    int k = categoryOfCell[d][i];
                    double room = targets[d][k] - fixed[k];
                    if (!held[i] && free[k] > 0 && room > 0) {
                        weights[i] *= room / free[k];
                    }
                }
            }
            cycles++;
            deviation = deviation(weights);
        }
        return new Fit(cycles, deviation, deviation <= settings.tolerance());
    }

    private double[] totals(int d, double[] weights) {
        double[] totals = new double[targets[d].length];
        for (int i = 0; i < weights.length; i++) {
            totals[categoryOfCell[d][i]] += ballots[i] * weights[i];
        }
        return totals;
    }

    /** The largest |weighted total − target| / target over every category of every raked dimension. */
    private double deviation(double[] weights) {
        double worst = 0;
        for (int d = 0; d < targets.length; d++) {
            double[] totals = totals(d, weights);
            for (int k = 0; k < totals.length; k++) {
                worst = Math.max(worst, Math.abs(totals[k] - targets[d][k]) / targets[d][k]);
            }
        }
        return worst;
    }

    /** Over the cap beyond the tolerance, so a weight raked back onto the cap is not trimmed again and again. */
    private boolean overCap(double[] weights, boolean[] held, double cap) {
        for (int i = 0; i < weights.length; i++) {
            if (!held[i] && weights[i] > cap * (1 + settings.tolerance())) {
                return true;
            }
        }
        return false;
    }

    private static double min(double[] values) {
        return Arrays.stream(values).min().orElse(Double.NaN);
    }

    private static double max(double[] values) {
        return Arrays.stream(values).max().orElse(Double.NaN);
    }
}
