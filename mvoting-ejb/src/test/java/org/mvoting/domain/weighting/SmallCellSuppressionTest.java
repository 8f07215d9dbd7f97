package org.mvoting.domain.weighting;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mvoting.api.citizens.Gender.FEMALE;
import static org.mvoting.api.citizens.Gender.MALE;
import static org.mvoting.domain.weighting.Dimension.AGE_BAND;
import static org.mvoting.domain.weighting.Dimension.DISTRICT;
import static org.mvoting.domain.weighting.Dimension.GENDER;
import static org.mvoting.domain.weighting.Samples.YES;
import static org.mvoting.domain.weighting.Samples.cell;
import static org.mvoting.domain.weighting.Samples.margins;
import static org.mvoting.domain.weighting.Samples.sample;
import static org.mvoting.domain.weighting.Samples.stratum;
import static org.mvoting.domain.weighting.Visibility.SHOWN;
import static org.mvoting.domain.weighting.Visibility.SUPPRESSED_COMPLEMENT;
import static org.mvoting.domain.weighting.Visibility.SUPPRESSED_SMALL;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.mvoting.api.citizens.Gender;

/** Strata and categories under 5 ballots are hidden, and so is whatever would let them be worked out. */
class SmallCellSuppressionTest {

    @Test
    void aSmallDistrictIsHiddenWithTheNextSmallestSoTheTotalDoesNotGiveItAway() {
        // A 3, B 50, C 40 (n = 93). Hiding only A would leave A = 93 − 50 − 40; hiding C too leaves A + C = 43.
        WeightedResults results = sample(cell("A", FEMALE, 20, 3, 1), cell("B", FEMALE, 20, 50, 20),
                cell("C", FEMALE, 20, 40, 10))
                .rakeTo(margins().with(DISTRICT, "A", 100, "B", 500, "C", 400).build(), WeightingSettings.DEFAULTS)
                .publish();

        assertEquals(SUPPRESSED_SMALL, results.category(DISTRICT, "A").orElseThrow().visibility());
        assertEquals(SUPPRESSED_COMPLEMENT, results.category(DISTRICT, "C").orElseThrow().visibility());
        CategoryRow b = results.category(DISTRICT, "B").orElseThrow();
        assertEquals(SHOWN, b.visibility());
        assertEquals(OptionalLong.of(50), b.ballots());
        assertEquals(20L, b.choices().get(YES));
        assertEquals(0.4, b.weightedShares().get(YES), 1e-12);

        StratumRow a = results.stratum(stratum("A", FEMALE, 20)).orElseThrow();
        assertEquals(SUPPRESSED_SMALL, a.visibility());
        assertTrue(a.ballots().isEmpty() && a.choices().isEmpty() && a.weight().isEmpty(), "a hidden row carries no number");
        assertEquals(SUPPRESSED_COMPLEMENT, results.stratum(stratum("C", FEMALE, 20)).orElseThrow().visibility());
        StratumRow shown = results.stratum(stratum("B", FEMALE, 20)).orElseThrow();
        assertEquals(OptionalLong.of(50), shown.ballots());
        assertTrue(shown.weight().isPresent());

        assertEquals(OptionalLong.of(93), results.category(GENDER, FEMALE).orElseThrow().ballots(),
                "a total that covers two hidden rows may be shown");
        assertEquals(31, results.option(YES).orElseThrow().rawCount(), "the grand totals are always shown");
    }

    @Test
    void withTwoStrataAndOneSmallOnlyTheTotalsRemain() {
        WeightedResults results = sample(cell("A", FEMALE, 20, 3), cell("B", FEMALE, 20, 10))
                .rakeTo(margins().with(DISTRICT, "A", 300, "B", 700).build(), WeightingSettings.DEFAULTS).publish();

        assertTrue(results.strata().stream().noneMatch(row -> row.visibility().shown()));
        assertEquals(SUPPRESSED_SMALL, results.category(DISTRICT, "A").orElseThrow().visibility());
        assertEquals(SUPPRESSED_COMPLEMENT, results.category(DISTRICT, "B").orElseThrow().visibility());
        assertEquals(13, results.ballots());
    }

    @Test
    void aCategoryMadeOfOneHiddenStratumIsHiddenAndTheRuleCascades() {
        // X = A/F/20 3 (small); Y = A/M/20 6; W = B/F/20 25; Z = B/M/30 30.
        // The grand total hides Y beside X; gender F hides W beside X; district B then hides Z beside W;
        // age band 30 holds only Z, so it is hidden; age band 20 then goes too (the age total would give 30 away).
        Map<Stratum, Long> ballots = new LinkedHashMap<>();
        ballots.put(stratum("A", FEMALE, 20), 3L);
        ballots.put(stratum("A", MALE, 20), 6L);
        ballots.put(stratum("B", FEMALE, 20), 25L);
        ballots.put(stratum("B", MALE, 30), 30L);
        SmallCellSuppression.Plan plan = new SmallCellSuppression(5).plan(ballots);

        assertEquals(SUPPRESSED_SMALL, plan.strata().get(stratum("A", FEMALE, 20)));
        assertTrue(plan.strata().values().stream().noneMatch(Visibility::shown));
        assertEquals(SUPPRESSED_COMPLEMENT, plan.categories().get(AGE_BAND).get(new AgeBand(30)));
        assertEquals(SUPPRESSED_COMPLEMENT, plan.categories().get(AGE_BAND).get(new AgeBand(20)));
        assertEquals(SHOWN, plan.categories().get(DISTRICT).get("A"), "A = 9 covers two hidden strata");
        assertNoTotalRevealsAHiddenRow(ballots, plan, 5);
    }

    @Test
    void noPublishedTotalEverCoversExactlyOneHiddenRow() {
        Random random = new Random(17);
        String[] districts = {"A", "B", "C", "D"};
        Gender[] genders = {FEMALE, MALE};
        int[] ages = {20, 30, 40};
        for (int trial = 0; trial < 2000; trial++) {
            Map<Stratum, Long> ballots = new LinkedHashMap<>();
            int strata = 1 + random.nextInt(14);
            for (int i = 0; i < strata; i++) {
                long count = random.nextInt(3) == 0 ? 1 + random.nextInt(4) : 1 + random.nextInt(40);
                ballots.put(stratum(districts[random.nextInt(4)], genders[random.nextInt(2)], ages[random.nextInt(3)]),
                        count);
            }
            assertNoTotalRevealsAHiddenRow(ballots, new SmallCellSuppression(5).plan(ballots), 5);
        }
    }

    /** The rule of {@link SmallCellSuppression}, checked from the outside. */
    private static void assertNoTotalRevealsAHiddenRow(Map<Stratum, Long> ballots, SmallCellSuppression.Plan plan,
                                                       int threshold) {
        ballots.forEach((stratum, count) -> {
            if (count < threshold) {
                assertEquals(SUPPRESSED_SMALL, plan.strata().get(stratum), stratum + " " + ballots);
            }
        });
        List<Stratum> all = List.copyOf(ballots.keySet());
        assertNotOneHidden(all, plan, "grand total " + ballots);
        for (Dimension dimension : Dimension.values()) {
            Map<Object, Visibility> categories = plan.categories().get(dimension);
            long hiddenCategories = categories.values().stream().filter(v -> !v.shown()).count();
            if (categories.size() > 1) {
                assertNotEquals(1, hiddenCategories, dimension + " " + ballots);
            }
            categories.forEach((category, visibility) -> {
                List<Stratum> members = all.stream().filter(s -> s.category(dimension).equals(category)).toList();
                long people = members.stream().mapToLong(ballots::get).sum();
                if (people < threshold) {
                    assertEquals(SUPPRESSED_SMALL, visibility, dimension + " " + category + " " + ballots);
                }
                if (visibility.shown()) {
                    assertNotOneHidden(members, plan, dimension + " " + category + " " + ballots);
                } else {
                    members.forEach(member -> assertTrue(!plan.strata().get(member).shown(),
                            member + " is in hidden " + category + " " + ballots));
                }
            });
        }
    }

    private static void assertNotOneHidden(List<Stratum> members, SmallCellSuppression.Plan plan, String what) {
        long hidden = members.stream().filter(member -> !plan.strata().get(member).shown()).count();
        if (members.size() > 1) {
            assertNotEquals(1, hidden, what);
        } else if (hidden == 1 && !what.startsWith("grand")) {
            throw new AssertionError("a shown total of one hidden stratum: " + what);
        }
    }
}
