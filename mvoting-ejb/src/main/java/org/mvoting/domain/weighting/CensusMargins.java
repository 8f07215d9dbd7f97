package org.mvoting.domain.weighting;

import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.mvoting.api.citizens.Gender;

/**
 * The census population of every category of one or more dimensions (people per district, per gender, per age
 * band). Raking matches these one-dimensional margins, not the full cross-table, which is what a city usually has
 * for current estimates. All margins count the same people, so their totals must agree.
 */
public final class CensusMargins {

    private final Map<Dimension, Map<Object, Long>> margins;
    private final long total;

    private CensusMargins(Map<Dimension, Map<Object, Long>> margins, long total) {
        this.margins = margins;
        this.total = total;
    }

    /**
     * Margins as given, category by category. A category with zero people may appear (it then admits no
     * ballot); a negative count is a broken upload.
     *
     * @throws WeightingException {@code MARGIN_TOTALS_DIFFER} when two dimensions count different populations
     */
    public static CensusMargins of(Map<Dimension, ? extends Map<?, Long>> populationByCategory) {
        Objects.requireNonNull(populationByCategory, "populationByCategory");
        if (populationByCategory.isEmpty()) {
            throw new IllegalArgumentException("no margin to rake to");
        }
        EnumMap<Dimension, Map<Object, Long>> copy = new EnumMap<>(Dimension.class);
        Dimension first = null;
        long firstTotal = 0;
        for (Map.Entry<Dimension, ? extends Map<?, Long>> margin : populationByCategory.entrySet()) {
            Dimension dimension = margin.getKey();
            LinkedHashMap<Object, Long> categories = new LinkedHashMap<>();
            long sum = 0;
            for (Map.Entry<?, Long> category : margin.getValue().entrySet()) {
                long people = category.getValue();
                if (people < 0) {
                    throw new IllegalArgumentException(dimension + " " + category.getKey() + ": " + people + " people");
                }
                categories.put(requireCategoryType(dimension, category.getKey()), people);
                sum = Math.addExact(sum, people);
            }
            if (sum == 0) {
                throw new IllegalArgumentException(dimension + ": no people at all");
            }
            if (first == null) {
                first = dimension;
                firstTotal = sum;
            } else if (sum != firstTotal) {
                throw new WeightingException(WeightingException.Reason.MARGIN_TOTALS_DIFFER, first, firstTotal,
                        dimension, sum);
            }
            copy.put(dimension, Collections.unmodifiableMap(categories));
        }
        return new CensusMargins(Collections.unmodifiableMap(copy), firstTotal);
    }

    private static Object requireCategoryType(Dimension dimension, Object category) {
        Objects.requireNonNull(category, dimension + " category");
        Class<?> expected = switch (dimension) {
            case DISTRICT -> String.class;
            case GENDER -> Gender.class;
            case AGE_BAND -> AgeBand.class;
        };
        if (!expected.isInstance(category)) {
            throw new IllegalArgumentException(dimension + " categories are " + expected.getSimpleName() + ": " + category);
        }
        return category;
    }

    /** The dimensions raking adjusts, in {@link Dimension} order. */
    public Set<Dimension> dimensions() {
        return margins.keySet();
    }

    public Map<Object, Long> margin(Dimension dimension) {
        Map<Object, Long> margin = margins.get(dimension);
        if (margin == null) {
            throw new IllegalArgumentException("no " + dimension + " margin");
        }
        return margin;
    }

    /** People in a category; zero for a category the census does not list. */
    public long population(Dimension dimension, Object category) {
        return margin(dimension).getOrDefault(category, 0L);
    }

    /** The population every margin adds up to: N in the finite-population correction. */
    public long total() {
        return total;
    }
}
