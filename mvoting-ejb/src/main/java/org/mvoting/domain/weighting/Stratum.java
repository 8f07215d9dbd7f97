package org.mvoting.domain.weighting;

import java.util.Comparator;
import java.util.Objects;
import org.mvoting.api.citizens.Gender;

/**
 * The coarse stratum a panel ballot carries (issue 17, part 4): district code, gender and ten-year age band, never
 * the voter. The district is the census's code (a string), so the same arithmetic serves any city, not only Seoul's
 * 25 autonomous districts.
 */
public record Stratum(String district, Gender gender, AgeBand ageBand) implements Comparable<Stratum> {

    private static final Comparator<Stratum> ORDER = Comparator.comparing(Stratum::district)
            .thenComparing(Stratum::gender)
            .thenComparing(Stratum::ageBand);

    public Stratum {
        Objects.requireNonNull(district, "district");
        if (district.isBlank()) {
            throw new IllegalArgumentException("district code is blank");
        }
        Objects.requireNonNull(gender, "gender");
        Objects.requireNonNull(ageBand, "ageBand");
    }

    public Object category(Dimension dimension) {
        return dimension.categoryOf(this);
    }

    @Override
    public int compareTo(Stratum other) {
        return ORDER.compare(this, other);
    }

    @Override
    public String toString() {
        return district + "/" + gender + "/" + ageBand;
    }
}
