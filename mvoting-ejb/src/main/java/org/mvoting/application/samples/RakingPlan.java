package org.mvoting.application.samples;

import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.mvoting.api.citizens.Gender;
import org.mvoting.api.citizens.Stratum;
import org.mvoting.api.samples.WeightingMethod;
import org.mvoting.domain.weighting.AgeBand;
import org.mvoting.domain.weighting.CensusMargins;
import org.mvoting.domain.weighting.Dimension;

/**
 * What a panel sample is raked to: the census strata the design's filters admit, summed to the margins of the
 * dimensions that have more than one category among them, less gender when ballots of a gender the census does not
 * count (OTHER, UNDISCLOSED) are in the sample. Kept apart from the service so the rule has unit tests of its own.
 *
 * @param margins    the margins to rake to (never empty: one population cell rakes to its single district, weights 1)
 * @param raked      the dimensions raked, in raking order
 * @param notRaked   the others, with the reason
 * @param population N: the people within the filters
 */
record RakingPlan(CensusMargins margins, List<String> raked, List<WeightingMethod.NotRaked> notRaked, long population) {

    static final String SINGLE_CATEGORY = "single-category";
    static final String OTHER_GENDERS = "other-genders";

    /** Empty when the census has nobody within the filters. */
    static java.util.Optional<RakingPlan> of(Map<Stratum, Long> census, Predicate<Stratum> covers,
                                             Collection<Stratum> sampled) {
        Map<Stratum, Long> within = new LinkedHashMap<>();
        census.forEach((stratum, people) -> {
            if (people > 0 && covers.test(stratum)) {
                within.put(stratum, people);
            }
        });
        if (within.isEmpty()) {
            return java.util.Optional.empty();
        }
        boolean otherGenders = sampled.stream().anyMatch(s -> s.gender() != Gender.FEMALE && s.gender() != Gender.MALE);
        Map<Dimension, Map<Object, Long>> all = new EnumMap<>(Dimension.class);
        for (Dimension dimension : Dimension.values()) {
            Map<Object, Long> margin = new LinkedHashMap<>();
            within.forEach((stratum, people) -> margin.merge(domain(stratum).category(dimension), people, Long::sum));
            all.put(dimension, margin);
        }
        List<String> raked = new ArrayList<>();
        List<WeightingMethod.NotRaked> notRaked = new ArrayList<>();
        Map<Dimension, Map<Object, Long>> margins = new EnumMap<>(Dimension.class);
        for (Dimension dimension : Dimension.values()) {
            if (all.get(dimension).size() < 2) {
                notRaked.add(new WeightingMethod.NotRaked(dimension.name(), SINGLE_CATEGORY));
            } else if (dimension == Dimension.GENDER && otherGenders) {
                notRaked.add(new WeightingMethod.NotRaked(dimension.name(), OTHER_GENDERS));
            } else {
                raked.add(dimension.name());
                margins.put(dimension, all.get(dimension));
            }
        }
        if (margins.isEmpty()) {
            // one population cell (a single district, gender and band): raking to it leaves every weight at 1
            margins.put(Dimension.DISTRICT, all.get(Dimension.DISTRICT));
        }
        long population = within.values().stream().mapToLong(Long::longValue).sum();
        return java.util.Optional.of(new RakingPlan(CensusMargins.of(margins), raked, notRaked, population));
    }

    /** The census's district code, gender, and the band's code (10 … 70) as its lower bound. */
    static org.mvoting.domain.weighting.Stratum domain(Stratum stratum) {
        return new org.mvoting.domain.weighting.Stratum(stratum.district().name(), stratum.gender(),
                new AgeBand(stratum.ageBand().code()));
    }
}
