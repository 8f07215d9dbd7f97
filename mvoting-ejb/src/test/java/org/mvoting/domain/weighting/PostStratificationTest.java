package org.mvoting.domain.weighting;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mvoting.api.citizens.Gender.FEMALE;
import static org.mvoting.api.citizens.Gender.MALE;
import static org.mvoting.domain.weighting.Samples.YES;
import static org.mvoting.domain.weighting.Samples.cell;
import static org.mvoting.domain.weighting.Samples.sample;
import static org.mvoting.domain.weighting.Samples.stratum;

import java.util.Map;
import org.junit.jupiter.api.Test;

class PostStratificationTest {

    private static final double EXACT = 1e-12;

    /** N = 1000: A/F 100, A/M 300, B/F 200, B/M 400. */
    private static final CensusTable TABLE = CensusTable.of(Map.of(
            stratum("A", FEMALE, 20), 100L, stratum("A", MALE, 20), 300L,
            stratum("B", FEMALE, 20), 200L, stratum("B", MALE, 20), 400L));

    @Test
    void eachStratumWeighsItsPopulationShareOverItsSampleShare() {
        // Ballots 10, 10, 20, 60 (n = 100): weights 0.1/0.1 = 1, 0.3/0.1 = 3, 0.2/0.2 = 1, 0.4/0.6 = 2/3.
        // YES: A/F 5, A/M 2, B/F 10, B/M 30 → weighted (5 + 6 + 10 + 20) / 100 = 0.41; raw 47/100.
        WeightedSample weighted = sample(cell("A", FEMALE, 20, 10, 5), cell("A", MALE, 20, 10, 2),
                cell("B", FEMALE, 20, 20, 10), cell("B", MALE, 20, 60, 30))
                .postStratifyTo(TABLE, WeightingSettings.DEFAULTS);

        assertEquals(1.0, weighted.weightOf(stratum("A", FEMALE, 20)), EXACT);
        assertEquals(3.0, weighted.weightOf(stratum("A", MALE, 20)), EXACT);
        assertEquals(1.0, weighted.weightOf(stratum("B", FEMALE, 20)), EXACT);
        assertEquals(2.0 / 3, weighted.weightOf(stratum("B", MALE, 20)), EXACT);
        assertEquals(300.0, weighted.populationEstimate(stratum("A", MALE, 20)), 1e-9);
        assertEquals(0.41, weighted.weightedShare(YES), EXACT);
        assertEquals(0.47, weighted.rawShare(YES), EXACT);
        // n_eff = 100² / (10·1 + 10·9 + 20·1 + 60·4/9) = 10000 / 146.666… = 68.1818…
        assertEquals(10000 / (120 + 240.0 / 9), weighted.effectiveSampleSize(), 1e-9);
        Convergence convergence = weighted.convergence();
        assertEquals(Convergence.Method.POST_STRATIFICATION, convergence.method());
        assertTrue(convergence.converged());
        assertEquals(0, convergence.iterations());
        assertEquals(3.0, convergence.maxWeight(), EXACT);
        assertTrue(convergence.capHeld());

        assertFalse(sample(cell("A", FEMALE, 20, 10), cell("A", MALE, 20, 10), cell("B", FEMALE, 20, 20),
                cell("B", MALE, 20, 60)).postStratifyTo(TABLE, WeightingSettings.DEFAULTS.withTrimRatio(2))
                .convergence().capHeld(), "a weight of 3 breaks a cap of 2; post-stratification says so, it does not trim");
    }

    @Test
    void aPopulatedStratumWithoutBallotsIsRefusedByName() {
        WeightingException refused = assertThrows(WeightingException.class,
                () -> sample(cell("A", FEMALE, 20, 10), cell("A", MALE, 20, 10), cell("B", MALE, 20, 60))
                        .postStratifyTo(TABLE, WeightingSettings.DEFAULTS));

        assertEquals(WeightingException.Reason.EMPTY_STRATUM, refused.reason());
        assertArrayEquals(new Object[] {stratum("B", FEMALE, 20)}, refused.arguments());
    }

    @Test
    void ballotsInAStratumTheTableLacksAreRefusedByName() {
        WeightingException refused = assertThrows(WeightingException.class,
                () -> sample(cell("A", FEMALE, 20, 10), cell("A", MALE, 20, 10), cell("B", FEMALE, 20, 20),
                        cell("B", MALE, 20, 60), cell("B", MALE, 30, 4))
                        .postStratifyTo(TABLE, WeightingSettings.DEFAULTS));

        assertEquals("weighting-unknown-stratum", refused.code());
        assertArrayEquals(new Object[] {stratum("B", MALE, 30), 4L}, refused.arguments());
    }

    @Test
    void theTablesMarginsAreWhatRakingUsesWhenStrataAreThin() {
        CensusMargins margins = TABLE.margins();
        assertEquals(1000, margins.total());
        assertEquals(400, margins.population(Dimension.DISTRICT, "A"));
        assertEquals(700, margins.population(Dimension.GENDER, MALE));
        assertEquals(1000, margins.population(Dimension.AGE_BAND, new AgeBand(20)));
        // Raking to those margins need not give the post-stratified weights: it matches margins, not cells.
        WeightedSample raked = sample(cell("A", FEMALE, 20, 10), cell("A", MALE, 20, 10), cell("B", FEMALE, 20, 20),
                cell("B", MALE, 20, 60)).rakeTo(margins, WeightingSettings.DEFAULTS);
        assertTrue(raked.convergence().converged());
        assertEquals(40.0, raked.weightOf(stratum("A", FEMALE, 20)) * 10 + raked.weightOf(stratum("A", MALE, 20)) * 10,
                1e-4, "district A is 40 % of the weighted 100");
    }
}
