package org.mvoting.domain.weighting;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.mvoting.api.citizens.Gender.FEMALE;
import static org.mvoting.domain.weighting.Dimension.DISTRICT;
import static org.mvoting.domain.weighting.Samples.NO;
import static org.mvoting.domain.weighting.Samples.YES;
import static org.mvoting.domain.weighting.Samples.cell;
import static org.mvoting.domain.weighting.Samples.margins;
import static org.mvoting.domain.weighting.Samples.sample;
import static org.mvoting.domain.weighting.Samples.stratum;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Kish's effective sample size and design effect, and the margins of error built on them. */
class WeightedStatisticsTest {

    private static final double EXACT = 1e-9;

    /**
     * Two ballots in district A, two in B; the census has A 1, B 2. Raking gives A 2/3 and B 4/3 per ballot: the
     * weights {1, 1, 2, 2} scaled to mean 1, and n_eff does not change with scale.
     * n_eff = (Σw)² / Σw² = (1 + 1 + 2 + 2)² / (1 + 1 + 4 + 4) = 36 / 10 = 3.6.
     * deff = n / n_eff = 4 / 3.6 = 10/9; also 1 + CV²: mean 1, variance ((1/3)² · 4) / 4 = 1/9.
     */
    private static WeightedSample oneOneTwoTwo(WeightingSettings settings) {
        return sample(cell("A", FEMALE, 20, 2, 2), cell("B", FEMALE, 20, 2, 0))
                .rakeTo(margins().with(DISTRICT, "A", 1, "B", 2).build(), settings);
    }

    @Test
    void kishEffectiveSampleSizeAndDesignEffectOfWeightsOneOneTwoTwo() {
        WeightedSample weighted = oneOneTwoTwo(WeightingSettings.DEFAULTS);

        assertEquals(2.0 / 3, weighted.weightOf(stratum("A", FEMALE, 20)), EXACT);
        assertEquals(4.0 / 3, weighted.weightOf(stratum("B", FEMALE, 20)), EXACT);
        assertEquals(3.6, weighted.effectiveSampleSize(), EXACT);
        assertEquals(10.0 / 9, weighted.designEffect(), EXACT);
        double mean = 1;
        double variance = (2 * Math.pow(2.0 / 3 - mean, 2) + 2 * Math.pow(4.0 / 3 - mean, 2)) / 4;
        assertEquals(1 + variance / (mean * mean), weighted.designEffect(), EXACT, "deff = 1 + CV²");
    }

    @Test
    void marginOfErrorInflatesTheSimpleOneByTheDesignEffect() {
        // YES: both A ballots. Weighted p = (2 · 2/3) / 4 = 1/3; raw p = 1/2.
        // MoE = 1.96 · sqrt(deff · p(1 − p) / n) = 1.96 · sqrt(10/9 · 2/9 / 4) = 1.96 · sqrt(20/324) = 0.486966.
        WeightedResults results = oneOneTwoTwo(WeightingSettings.DEFAULTS).publish();
        OptionResult yes = results.option(YES).orElseThrow();

        assertEquals(2, yes.rawCount());
        assertEquals(0.5, yes.rawShare(), EXACT);
        assertEquals(1.0 / 3, yes.weightedShare(), EXACT);
        assertEquals(1.96 * Math.sqrt(20.0 / 324), yes.marginOfError(), EXACT);
        assertEquals(0.486966, yes.marginOfError(), 5e-7);
        assertEquals(2.0 / 3, results.option(NO).orElseThrow().weightedShare(), EXACT);
        assertEquals(3.6, results.effectiveSampleSize(), EXACT);
        assertEquals(4, results.ballots());
    }

    @Test
    void withEqualWeightsTheMarginOfErrorIsTheTextbookOne() {
        // A sample already in census proportion: every weight 1, deff 1, n_eff = n = 100.
        // YES by 12 of 30 in A and 28 of 70 in B: p = 0.4, MoE = 1.96 · sqrt(0.4 · 0.6 / 100) = 0.0960200.
        WeightedSample weighted = sample(cell("A", FEMALE, 20, 30, 12), cell("B", FEMALE, 20, 70, 28))
                .rakeTo(margins().with(DISTRICT, "A", 300, "B", 700).build(), WeightingSettings.DEFAULTS);
        OptionResult yes = weighted.publish().option(YES).orElseThrow();

        assertEquals(1.0, weighted.designEffect(), EXACT);
        assertEquals(100.0, weighted.effectiveSampleSize(), EXACT);
        assertEquals(0.4, yes.weightedShare(), EXACT);
        assertEquals(yes.rawShare(), yes.weightedShare(), EXACT);
        assertEquals(1.96 * Math.sqrt(0.4 * 0.6 / 100), yes.marginOfError(), EXACT);
        assertEquals(new BigDecimal("40.0"), yes.weightedPercent(1));
        assertEquals(new BigDecimal("9.6"), yes.marginOfErrorPoints(1));

        // With the finite-population correction (N = 1000, n = 100): × sqrt(1 − 0.1), 0.0960200 · 0.9486833 = 0.0910926.
        WeightedSample corrected = sample(cell("A", FEMALE, 20, 30, 12), cell("B", FEMALE, 20, 70, 28))
                .rakeTo(margins().with(DISTRICT, "A", 300, "B", 700).build(),
                        WeightingSettings.DEFAULTS.withFinitePopulationCorrection(true));
        assertEquals(1.96 * Math.sqrt(0.4 * 0.6 / 100 * 0.9), corrected.marginOfError(0.4), EXACT);
        assertEquals(0.0910926, corrected.marginOfError(0.4), 5e-7);
    }

    @Test
    void aMultiChoiceQuestionGivesEachOptionItsShareOfBallots() {
        // 10 ballots in A, 10 in B, census 1:3 → A weighs 0.5, B 1.5. One ballot may choose both options.
        // Option 1: A 8, B 2 → (8·0.5 + 2·1.5) / 20 = 0.35; option 2: A 6, B 9 → (3 + 13.5) / 20 = 0.825.
        RespondentSample sample = RespondentSample.of(List.of(1L, 2L), List.of(
                new RespondentCell(stratum("A", FEMALE, 20), 10, Map.of(1L, 8L, 2L, 6L)),
                new RespondentCell(stratum("B", FEMALE, 20), 10, Map.of(1L, 2L, 2L, 9L))));
        WeightedResults results = sample.rakeTo(margins().with(DISTRICT, "A", 250, "B", 750).build(),
                WeightingSettings.DEFAULTS).publish();

        assertEquals(0.35, results.option(1L).orElseThrow().weightedShare(), EXACT);
        assertEquals(0.825, results.option(2L).orElseThrow().weightedShare(), EXACT);
        assertEquals(0.5, results.option(1L).orElseThrow().rawShare(), EXACT);
        assertEquals(0.75, results.option(2L).orElseThrow().rawShare(), EXACT);
        assertEquals(List.of(1L, 2L), results.options().stream().map(OptionResult::optionId).toList());
    }

    @Test
    void sharesAreRoundedOnlyForDisplayAndHalfUp() {
        OptionResult result = new OptionResult(1, 1, 0.12345, 0.41235, 0.030949);
        assertEquals(new BigDecimal("41.24"), result.weightedPercent(2));
        assertEquals(new BigDecimal("12.3"), result.rawPercent(1));
        assertEquals(new BigDecimal("3.1"), result.marginOfErrorPoints(1));
        assertEquals(0.41235, result.weightedShare());
    }
}
