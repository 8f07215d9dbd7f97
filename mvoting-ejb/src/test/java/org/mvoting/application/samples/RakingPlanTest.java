package org.mvoting.application.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mvoting.api.citizens.AgeBand;
import org.mvoting.api.citizens.Gender;
import org.mvoting.api.citizens.SeoulDistrict;
import org.mvoting.api.citizens.Stratum;
import org.mvoting.api.samples.WeightingMethod;
import org.mvoting.domain.weighting.Dimension;

/** What a panel sample is raked to: the filters restrict the census, and a filtered-out dimension is not raked. */
class RakingPlanTest {

    private static final Map<Stratum, Long> CENSUS = new LinkedHashMap<>();

    static {
        for (SeoulDistrict district : List.of(SeoulDistrict.JONGNO, SeoulDistrict.MAPO)) {
            for (Gender gender : List.of(Gender.FEMALE, Gender.MALE)) {
                for (AgeBand band : List.of(AgeBand.TWENTIES, AgeBand.THIRTIES)) {
                    CENSUS.put(new Stratum(district, gender, band), 100L * (district.ordinal() + 1)
                            + (gender == Gender.FEMALE ? 10 : 20) + band.code());
                }
            }
        }
    }

    private static Stratum stratum(SeoulDistrict district, Gender gender, AgeBand band) {
        return new Stratum(district, gender, band);
    }

    @Test
    void aWomenOnlySampleIsRakedToWomensMarginsAndGenderIsNotRaked() {
        RakingPlan plan = RakingPlan.of(CENSUS, s -> s.gender() == Gender.FEMALE,
                List.of(stratum(SeoulDistrict.JONGNO, Gender.FEMALE, AgeBand.TWENTIES))).orElseThrow();
        assertEquals(List.of("DISTRICT", "AGE_BAND"), plan.raked());
        assertEquals(List.of(new WeightingMethod.NotRaked("GENDER", RakingPlan.SINGLE_CATEGORY)), plan.notRaked());
        long women = CENSUS.entrySet().stream().filter(e -> e.getKey().gender() == Gender.FEMALE)
                .mapToLong(Map.Entry::getValue).sum();
        assertEquals(women, plan.population());
        assertEquals(women, plan.margins().total());
        long jongnoWomen = CENSUS.entrySet().stream().filter(e -> e.getKey().gender() == Gender.FEMALE
                && e.getKey().district() == SeoulDistrict.JONGNO).mapToLong(Map.Entry::getValue).sum();
        assertEquals(jongnoWomen, plan.margins().population(Dimension.DISTRICT, "JONGNO"));
    }

    @Test
    void ballotsOfAGenderTheCensusLacksKeepGenderOutOfTheRaking() {
        RakingPlan plan = RakingPlan.of(CENSUS, s -> true,
                List.of(stratum(SeoulDistrict.MAPO, Gender.UNDISCLOSED, AgeBand.THIRTIES),
                        stratum(SeoulDistrict.MAPO, Gender.FEMALE, AgeBand.THIRTIES))).orElseThrow();
        assertEquals(List.of("DISTRICT", "AGE_BAND"), plan.raked());
        assertEquals(List.of(new WeightingMethod.NotRaked("GENDER", RakingPlan.OTHER_GENDERS)), plan.notRaked());
    }

    @Test
    void everyDimensionIsRakedWithoutFiltersAndNothingWhenTheFiltersLeaveNobody() {
        RakingPlan plan = RakingPlan.of(CENSUS, s -> true, List.of()).orElseThrow();
        assertEquals(List.of("DISTRICT", "GENDER", "AGE_BAND"), plan.raked());
        assertTrue(plan.notRaked().isEmpty());
        assertTrue(RakingPlan.of(CENSUS, s -> s.district() == SeoulDistrict.GANGNAM, List.of()).isEmpty());
    }

    @Test
    void oneCellOfPopulationRakesToItWithEveryWeightOne() {
        RakingPlan plan = RakingPlan.of(CENSUS, s -> s.equals(stratum(SeoulDistrict.MAPO, Gender.MALE, AgeBand.TWENTIES)),
                List.of()).orElseThrow();
        assertTrue(plan.raked().isEmpty());
        assertEquals(3, plan.notRaked().size());
        assertEquals(java.util.Set.of(Dimension.DISTRICT), plan.margins().dimensions());
    }
}
