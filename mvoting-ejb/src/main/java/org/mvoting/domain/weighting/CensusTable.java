package org.mvoting.domain.weighting;

import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The full cross-table: people per stratum (district × gender × age band), the "stratum, population" table a city
 * uploads (issue 17, part 2). With it a sample can be post-stratified exactly; its one-dimensional margins serve
 * raking when the sample is too thin to fill every stratum.
 */
public final class CensusTable {

    private final Map<Stratum, Long> population;
    private final long total;

    private CensusTable(Map<Stratum, Long> population, long total) {
        this.population = population;
        this.total = total;
    }

    public static CensusTable of(Map<Stratum, Long> populationByStratum) {
        TreeMap<Stratum, Long> copy = new TreeMap<>();
        long sum = 0;
        for (Map.Entry<Stratum, Long> row : Objects.requireNonNull(populationByStratum, "populationByStratum").entrySet()) {
            long people = row.getValue();
            if (people < 0) {
                throw new IllegalArgumentException(row.getKey() + ": " + people + " people");
            }
            copy.put(row.getKey(), people);
            sum = Math.addExact(sum, people);
        }
        if (sum == 0) {
            throw new IllegalArgumentException("a census table with nobody in it");
        }
        return new CensusTable(Collections.unmodifiableMap(copy), sum);
    }

    /** People in a stratum; zero for a stratum the table does not list. */
    public long population(Stratum stratum) {
        return population.getOrDefault(stratum, 0L);
    }

    public Map<Stratum, Long> strata() {
        return population;
    }

    public long total() {
        return total;
    }

    /** The table summed to its district, gender and age-band margins: consistent by construction. */
    public CensusMargins margins() {
        EnumMap<Dimension, Map<Object, Long>> margins = new EnumMap<>(Dimension.class);
        for (Dimension dimension : Dimension.values()) {
            Map<Object, Long> margin = new LinkedHashMap<>();
            population.forEach((stratum, people) -> margin.merge(stratum.category(dimension), people, Long::sum));
            margins.put(dimension, margin);
        }
        return CensusMargins.of(margins);
    }
}
