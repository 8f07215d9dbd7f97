package org.mvoting.domain.weighting;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mvoting.api.citizens.Gender.FEMALE;
import static org.mvoting.api.citizens.Gender.MALE;
import static org.mvoting.api.citizens.Gender.UNDISCLOSED;
import static org.mvoting.domain.weighting.Dimension.AGE_BAND;
import static org.mvoting.domain.weighting.Dimension.DISTRICT;
import static org.mvoting.domain.weighting.Dimension.GENDER;
import static org.mvoting.domain.weighting.Samples.cell;
import static org.mvoting.domain.weighting.Samples.margins;
import static org.mvoting.domain.weighting.Samples.sample;
import static org.mvoting.domain.weighting.Samples.stratum;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RakingTest {

    private static final double EXACT = 1e-9;

    @Test
    void twoByTwoWithEqualCellsConvergesInOneCycleToTheIndependenceFit() {
        // 10 ballots in each of A/F, A/M, B/F, B/M (n = 40); census A 600, B 400, F 300, M 700 (N = 1000).
        // Targets are census shares × n: A 24, B 16, F 12, M 28.
        // District step: A has 20 → ×24/20 = 1.2; B has 20 → ×16/20 = 0.8.
        // Gender step:   F has 10·1.2 + 10·0.8 = 20 → ×12/20 = 0.6; M has 20 → ×28/20 = 1.4.
        // Weights: A/F 0.72, A/M 1.68, B/F 0.48, B/M 1.12. District A = 10·(0.72 + 1.68) = 24: both margins fit
        // after one cycle, as they must when the seed is uniform (the fit is row share × column share).
        WeightedSample weighted = sample(cell("A", FEMALE, 30, 10), cell("A", MALE, 30, 10),
                cell("B", FEMALE, 30, 10), cell("B", MALE, 30, 10))
                .rakeTo(margins().with(DISTRICT, "A", 600, "B", 400).with(GENDER, FEMALE, 300, MALE, 700).build(),
                        WeightingSettings.DEFAULTS);

        assertEquals(0.72, weighted.weightOf(stratum("A", FEMALE, 30)), EXACT);
        assertEquals(1.68, weighted.weightOf(stratum("A", MALE, 30)), EXACT);
        assertEquals(0.48, weighted.weightOf(stratum("B", FEMALE, 30)), EXACT);
        assertEquals(1.12, weighted.weightOf(stratum("B", MALE, 30)), EXACT);
        assertEquals(1, weighted.convergence().iterations());
        assertTrue(weighted.convergence().converged());
        assertEquals(180.0, weighted.populationEstimate(stratum("A", FEMALE, 30)), EXACT, "N · 0.6 · 0.3");
    }

    @Test
    void oneCycleOfAnUnevenTwoByTwoMatchesTheHandComputationAndSaysItHasNotConverged() {
        // Ballots A/F 10, A/M 20, B/F 30, B/M 40 (n = 100); census 50/50 on both: every target is 50.
        // District: A has 30 → ×5/3; B has 70 → ×5/7.
        // Gender:   F has 10·5/3 + 30·5/7 = 800/21 → ×21/16; M has 20·5/3 + 40·5/7 = 1300/21 → ×21/26.
        // Weights: A/F 35/16, A/M 35/26, B/F 15/16, B/M 15/26.
        // District A is now 10·35/16 + 20·35/26 = 50 − 250/208, a relative deviation of 5/208 = 0.0240385.
        WeightedSample oneCycle = uneven().rakeTo(fiftyFifty(), WeightingSettings.DEFAULTS.withMaxIterations(1));

        assertEquals(35.0 / 16, oneCycle.weightOf(stratum("A", FEMALE, 30)), EXACT);
        assertEquals(35.0 / 26, oneCycle.weightOf(stratum("A", MALE, 30)), EXACT);
        assertEquals(15.0 / 16, oneCycle.weightOf(stratum("B", FEMALE, 30)), EXACT);
        assertEquals(15.0 / 26, oneCycle.weightOf(stratum("B", MALE, 30)), EXACT);
        Convergence convergence = oneCycle.convergence();
        assertFalse(convergence.converged());
        assertEquals(1, convergence.iterations());
        assertEquals(5.0 / 208, convergence.maxDeviation(), EXACT);
        WeightingException refused = assertThrows(WeightingException.class, convergence::requireConverged);
        assertEquals("weighting-not-converged", refused.code());
        assertEquals(1, refused.arguments()[0]);
    }

    @Test
    void theUnevenTwoByTwoConvergesToTheFitThatKeepsTheSeedsCrossProductRatio() {
        // IPF keeps the cross-product ratio of the seed (Bishop, Fienberg & Holland 1975): (10·40)/(20·30) = 2/3.
        // With all margins 50 the fit is [[a, 50 − a], [50 − a, a]] with a² / (50 − a)² = 2/3,
        // so a = 50·√(2/3) / (1 + √(2/3)) = 50·(√6 − 2) = 22.474487.
        double a = 50 * (Math.sqrt(6) - 2);
        WeightedSample weighted = uneven().rakeTo(fiftyFifty(), WeightingSettings.DEFAULTS);

        assertTrue(weighted.convergence().converged());
        assertTrue(weighted.convergence().maxDeviation() <= 1e-6);
        assertEquals(a / 10, weighted.weightOf(stratum("A", FEMALE, 30)), 1e-5);
        assertEquals((50 - a) / 20, weighted.weightOf(stratum("A", MALE, 30)), 1e-5);
        assertEquals((50 - a) / 30, weighted.weightOf(stratum("B", FEMALE, 30)), 1e-5);
        assertEquals(a / 40, weighted.weightOf(stratum("B", MALE, 30)), 1e-5);
        assertEquals(100, weighted.weightedBallots(), 1e-4, "weights average 1 over the ballots");
    }

    /**
     * A published worked example: the 4×4 seed with row targets 150, 300, 400, 150 and column targets 200, 300, 400,
     * 100 whose converged table the documentation of the Julia package ProportionalFitting.jl prints to six
     * significant figures (vankesteren/ProportionalFitting.jl, docstring of {@code ipf} in src/ipf.jl). The same
     * table is, to our knowledge, the example of the Wikipedia article "Iterative proportional fitting".
     * <pre>
     *  64.5585   46.2325   35.3843   3.82473
     *  49.9679   68.1594  156.499   25.3742
     *  56.7219  144.428   145.082   53.7673
     *  28.7516   41.18     63.0347  17.0337
     * </pre>
     * Here the seed is the ballots per stratum (rows = districts R1–R4, columns = age bands 10–40, all women), the
     * targets are census margins with N = 1000, and the fitted table is each stratum's population estimate.
     */
    @Test
    void reproducesThePublishedFourByFourExample() {
        long[][] seed = {{40, 30, 20, 10}, {35, 50, 100, 75}, {30, 80, 70, 120}, {20, 30, 40, 50}};
        double[][] published = {
                {64.5585, 46.2325, 35.3843, 3.82473},
                {49.9679, 68.1594, 156.499, 25.3742},
                {56.7219, 144.428, 145.082, 53.7673},
                {28.7516, 41.18, 63.0347, 17.0337}};
        List<RespondentCell> cells = new ArrayList<>();
        for (int row = 0; row < 4; row++) {
            for (int column = 0; column < 4; column++) {
                cells.add(cell("R" + (row + 1), FEMALE, 10 * (column + 1), seed[row][column]));
            }
        }
        CensusMargins margins = margins()
                .with(DISTRICT, "R1", 150, "R2", 300, "R3", 400, "R4", 150)
                .with(AGE_BAND, 10, 200, 20, 300, 30, 400, 40, 100)
                .build();
        WeightedSample weighted = RespondentSample.of(Samples.YES_NO, cells)
                .rakeTo(margins, WeightingSettings.DEFAULTS.withTolerance(1e-12).withMaxIterations(1000));

        assertTrue(weighted.convergence().converged());
        for (int row = 0; row < 4; row++) {
            for (int column = 0; column < 4; column++) {
                double expected = published[row][column];
                double fitted = weighted.populationEstimate(stratum("R" + (row + 1), FEMALE, 10 * (column + 1)));
                assertEquals(expected, fitted, halfUnitOfTheSixthSignificantDigit(expected),
                        "row " + (row + 1) + ", column " + (column + 1));
            }
        }
    }

    private static double halfUnitOfTheSixthSignificantDigit(double value) {
        return 0.5 * Math.pow(10, Math.floor(Math.log10(Math.abs(value))) - 5);
    }

    @Test
    void aSampleAlreadyInCensusProportionKeepsWeightOneWithoutIterating() {
        WeightedSample weighted = sample(cell("A", FEMALE, 20, 30), cell("B", FEMALE, 20, 70))
                .rakeTo(margins().with(DISTRICT, "A", 300, "B", 700).build(), WeightingSettings.DEFAULTS);

        assertEquals(0, weighted.convergence().iterations());
        assertEquals(1.0, weighted.weightOf(stratum("A", FEMALE, 20)), EXACT);
        assertEquals(1.0, weighted.weightOf(stratum("B", FEMALE, 20)), EXACT);
    }

    @Test
    void marginsTheSampleCannotMeetAreReportedAsNotConvergedNeverSilently() {
        // District B has only men, yet B must be 90 % of the people and men only 10 %: no weights can do that.
        WeightedSample weighted = sample(cell("A", FEMALE, 20, 10), cell("A", MALE, 20, 10), cell("B", MALE, 20, 10))
                .rakeTo(margins().with(DISTRICT, "A", 10, "B", 90).with(GENDER, FEMALE, 90, MALE, 10).build(),
                        WeightingSettings.DEFAULTS);

        Convergence convergence = weighted.convergence();
        assertFalse(convergence.converged());
        assertEquals(WeightingSettings.DEFAULT_MAX_ITERATIONS, convergence.iterations());
        assertTrue(convergence.maxDeviation() > 0.5, "deviation " + convergence.maxDeviation());
        assertFalse(weighted.publish().convergence().converged(), "the published result says so too");
        assertThrows(WeightingException.class, convergence::requireConverged);
    }

    @Test
    void aWeightOverTheCapIsHeldThereAndTheOthersRakedAgain() {
        // Ballots A/F 2, A/M 18, B/F 40, B/M 40; every target 50.
        // Untrimmed, the fit keeps the cross-product ratio (2·40)/(18·40) = 1/9: [[a, 50 − a], [50 − a, a]] with
        // a/(50 − a) = 1/3, a = 12.5, so A/F weighs 12.5/2 = 6.25 (over 5 × the mean of 1), A/M 37.5/18 = 2.0833,
        // B/F 37.5/40 = 0.9375, B/M 12.5/40 = 0.3125.
        // Trimmed: A/F is held at 5 (total 10); district A needs 40 more from A/M: 40/18 = 2.2222; gender F needs
        // 40 from B/F: 1; district B then needs 10 from B/M: 0.25; gender M = 40 + 10 = 50. Margins still exact.
        RespondentSample sample = sample(cell("A", FEMALE, 20, 2), cell("A", MALE, 20, 18),
                cell("B", FEMALE, 20, 40), cell("B", MALE, 20, 40));
        CensusMargins margins = fiftyFifty();

        WeightedSample untrimmed = sample.rakeTo(margins, WeightingSettings.DEFAULTS.withTrimRatio(100));
        assertEquals(6.25, untrimmed.weightOf(stratum("A", FEMALE, 20)), 1e-5);
        assertEquals(0, untrimmed.convergence().trimmedStrata());

        WeightedSample trimmed = sample.rakeTo(margins, WeightingSettings.DEFAULTS);
        assertEquals(5.0, trimmed.weightOf(stratum("A", FEMALE, 20)), EXACT);
        assertEquals(40.0 / 18, trimmed.weightOf(stratum("A", MALE, 20)), 1e-5);
        assertEquals(1.0, trimmed.weightOf(stratum("B", FEMALE, 20)), 1e-5);
        assertEquals(0.25, trimmed.weightOf(stratum("B", MALE, 20)), 1e-5);
        Convergence convergence = trimmed.convergence();
        assertTrue(convergence.converged());
        assertTrue(convergence.capHeld());
        assertEquals(1, convergence.trimRounds());
        assertEquals(1, convergence.trimmedStrata());
        assertEquals(2, convergence.trimmedBallots());
        assertEquals(5.0, convergence.trimRatio());
        assertEquals(5.0, convergence.maxWeight(), 1e-9);
        assertTrue(trimmed.designEffect() < untrimmed.designEffect(), "trimming exists to lower the design effect");
    }

    @Test
    void whenTheCapWouldBreakTheMarginsTheMarginsWinAndTheResultSaysTheCapWasNotHeld() {
        // One ballot must stand for half the city: its weight is 50 and no other ballot can take that share.
        WeightedSample weighted = sample(cell("A", FEMALE, 20, 1), cell("B", FEMALE, 20, 99))
                .rakeTo(margins().with(DISTRICT, "A", 500, "B", 500).build(), WeightingSettings.DEFAULTS);

        assertEquals(50.0, weighted.weightOf(stratum("A", FEMALE, 20)), 1e-6);
        Convergence convergence = weighted.convergence();
        assertTrue(convergence.converged());
        assertFalse(convergence.capHeld());
        assertEquals(1, convergence.trimRounds());
        assertEquals(0, convergence.trimmedStrata());
    }

    @Test
    void aCensusCategoryWithoutBallotsIsRefusedByName() {
        WeightingException refused = assertThrows(WeightingException.class,
                () -> sample(cell("A", FEMALE, 20, 10), cell("B", FEMALE, 20, 10))
                        .rakeTo(margins().with(DISTRICT, "A", 100, "B", 100, "C", 50).build(),
                                WeightingSettings.DEFAULTS));

        assertEquals(WeightingException.Reason.EMPTY_CATEGORY, refused.reason());
        assertEquals("weighting-empty-category", refused.code());
        assertArrayEquals(new Object[] {DISTRICT, "C"}, refused.arguments());
    }

    @Test
    void ballotsInACategoryTheCensusLacksAreRefusedByName() {
        WeightingException refused = assertThrows(WeightingException.class,
                () -> sample(cell("A", FEMALE, 20, 10), cell("A", MALE, 20, 10), cell("A", UNDISCLOSED, 20, 3))
                        .rakeTo(margins().with(GENDER, FEMALE, 510, MALE, 490).build(), WeightingSettings.DEFAULTS));

        assertEquals(WeightingException.Reason.UNKNOWN_CATEGORY, refused.reason());
        assertArrayEquals(new Object[] {GENDER, UNDISCLOSED, 3L}, refused.arguments());
    }

    @Test
    void aCensusCategoryOfNobodyAdmitsNoBallotsButIsOtherwiseIgnored() {
        CensusMargins withAnEmptyDistrict = margins().with(DISTRICT, "A", 100, "B", 100, "Z", 0).build();
        assertTrue(sample(cell("A", FEMALE, 20, 10), cell("B", FEMALE, 20, 10))
                .rakeTo(withAnEmptyDistrict, WeightingSettings.DEFAULTS).convergence().converged());

        WeightingException refused = assertThrows(WeightingException.class,
                () -> sample(cell("A", FEMALE, 20, 10), cell("B", FEMALE, 20, 10), cell("Z", FEMALE, 20, 1))
                        .rakeTo(withAnEmptyDistrict, WeightingSettings.DEFAULTS));
        assertArrayEquals(new Object[] {DISTRICT, "Z", 1L}, refused.arguments());
    }

    @Test
    void marginsThatCountDifferentPopulationsAreRefused() {
        WeightingException refused = assertThrows(WeightingException.class,
                () -> margins().with(DISTRICT, "A", 100, "B", 100).with(GENDER, FEMALE, 100, MALE, 99).build());

        assertEquals(WeightingException.Reason.MARGIN_TOTALS_DIFFER, refused.reason());
        assertArrayEquals(new Object[] {DISTRICT, 200L, GENDER, 199L}, refused.arguments());
    }

    @Test
    void anEmptySampleIsRefused() {
        WeightingException refused = assertThrows(WeightingException.class,
                () -> RespondentSample.of(Samples.YES_NO, List.of()));
        assertEquals("weighting-no-ballots", refused.code());
    }

    private static RespondentSample uneven() {
        return sample(cell("A", FEMALE, 30, 10), cell("A", MALE, 30, 20),
                cell("B", FEMALE, 30, 30), cell("B", MALE, 30, 40));
    }

    private static CensusMargins fiftyFifty() {
        return margins().with(DISTRICT, "A", 500, "B", 500).with(GENDER, FEMALE, 500, MALE, 500).build();
    }
}
