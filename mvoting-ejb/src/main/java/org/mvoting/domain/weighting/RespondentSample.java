package org.mvoting.domain.weighting;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The ballots of one question of a {@code PANEL_SAMPLE} poll, counted per stratum: the only view of the ballots
 * weighting needs, and the only one the ballot's secrecy allows (a ballot carries its stratum, never its voter).
 * Weighting it against the census gives a {@link WeightedSample}.
 */
public final class RespondentSample {

    private final List<Long> options;
    private final List<RespondentCell> cells;
    private final long ballots;

    private RespondentSample(List<Long> options, List<RespondentCell> cells, long ballots) {
        this.options = options;
        this.cells = cells;
        this.ballots = ballots;
    }

    /**
     * @param options the question's option ids in display order
     * @param cells   one cell per stratum that has ballots
     * @throws WeightingException {@code NO_BALLOTS} for an empty sample
     */
    public static RespondentSample of(List<Long> options, Collection<RespondentCell> cells) {
        List<Long> optionOrder = List.copyOf(new LinkedHashSet<>(Objects.requireNonNull(options, "options")));
        if (optionOrder.size() != options.size()) {
            throw new IllegalArgumentException("option ids repeat: " + options);
        }
        Set<Stratum> seen = new HashSet<>();
        long ballots = 0;
        for (RespondentCell cell : Objects.requireNonNull(cells, "cells")) {
            if (!seen.add(cell.stratum())) {
                throw new IllegalArgumentException("two cells for " + cell.stratum());
            }
            if (!optionOrder.containsAll(cell.choices().keySet())) {
                throw new IllegalArgumentException(cell.stratum() + " chose options outside " + optionOrder);
            }
            ballots = Math.addExact(ballots, cell.ballots());
        }
        if (ballots == 0) {
            throw new WeightingException(WeightingException.Reason.NO_BALLOTS);
        }
        List<RespondentCell> sorted = new ArrayList<>(cells);
        sorted.sort(Comparator.comparing(RespondentCell::stratum));
        return new RespondentSample(optionOrder, List.copyOf(sorted), ballots);
    }

    /**
     * Rakes the sample to the census margins (iterative proportional fitting with trimming, see {@link Raking}).
     *
     * @throws WeightingException {@code EMPTY_CATEGORY} when the census has people in a category with no ballot,
     *                            {@code UNKNOWN_CATEGORY} when ballots fall in a category the census lacks.
     *                            Not converging is not thrown: it is reported in the result's
     *                            {@link Convergence}, and {@link Convergence#requireConverged()} refuses it
     */
    public WeightedSample rakeTo(CensusMargins margins, WeightingSettings settings) {
        Objects.requireNonNull(margins, "margins");
        Objects.requireNonNull(settings, "settings");
        Raking.Weights weights = new Raking(cells, margins, settings).weigh();
        return new WeightedSample(this, weights.perCell(), weights.convergence(), margins.total(), settings);
    }

    /**
     * Post-stratifies the sample to a full census cross-table: every ballot of stratum h weighs
     * (N_h / N) / (n_h / n), its population share over its sample share. Exact, no iteration; weights are not
     * trimmed, because trimming would break the very cross-table the method matches (rake instead when strata are
     * thin; {@link Convergence#capHeld()} tells whether the cap would have been met).
     *
     * @throws WeightingException {@code UNKNOWN_STRATUM} for ballots in a stratum the table lacks,
     *                            {@code EMPTY_STRATUM} for a populated stratum without ballots
     */
    public WeightedSample postStratifyTo(CensusTable table, WeightingSettings settings) {
        Objects.requireNonNull(table, "table");
        Objects.requireNonNull(settings, "settings");
        Set<Stratum> sampled = new HashSet<>();
        for (RespondentCell cell : cells) {
            if (table.population(cell.stratum()) == 0) {
                throw new WeightingException(WeightingException.Reason.UNKNOWN_STRATUM, cell.stratum(), cell.ballots());
            }
            sampled.add(cell.stratum());
        }
        table.strata().forEach((stratum, people) -> {
            if (people > 0 && !sampled.contains(stratum)) {
                throw new WeightingException(WeightingException.Reason.EMPTY_STRATUM, stratum);
            }
        });
        double[] weights = new double[cells.size()];
        double deviation = 0;
        for (int i = 0; i < weights.length; i++) {
            RespondentCell cell = cells.get(i);
            double populationShare = (double) table.population(cell.stratum()) / table.total();
            double sampleShare = (double) cell.ballots() / ballots;
            weights[i] = populationShare / sampleShare;
            // Exact by construction; reported so the result reads like a raked one and rounding shows if it ever bites.
            deviation = Math.max(deviation, Math.abs(cell.ballots() * weights[i] - populationShare * ballots)
                    / (populationShare * ballots));
        }
        double min = Double.MAX_VALUE;
        double max = 0;
        for (double weight : weights) {
            min = Math.min(min, weight);
            max = Math.max(max, weight);
        }
        Convergence convergence = new Convergence(Convergence.Method.POST_STRATIFICATION, true, 0, deviation,
                settings.tolerance(), settings.maxIterations(), settings.trimRatio(), 0, 0, 0,
                max <= settings.trimRatio() * (1 + settings.tolerance()), min, max);
        return new WeightedSample(this, weights, convergence, table.total(), settings);
    }

    public List<Long> options() {
        return options;
    }

    /** The cells in stratum order. */
    public List<RespondentCell> cells() {
        return cells;
    }

    /** n: ballots that answered this question. */
    public long ballots() {
        return ballots;
    }
}
