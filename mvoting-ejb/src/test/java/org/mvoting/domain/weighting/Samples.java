package org.mvoting.domain.weighting;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.mvoting.api.citizens.Gender;

/** Small builders for the weighting tests: strata, cells and margins written the way a worked example reads. */
final class Samples {

    static final long YES = 1L;
    static final long NO = 2L;
    static final List<Long> YES_NO = List.of(YES, NO);

    private Samples() {
    }

    static Stratum stratum(String district, Gender gender, int ageBandLowerBound) {
        return new Stratum(district, gender, new AgeBand(ageBandLowerBound));
    }

    /** A cell where {@code yes} ballots chose YES and the rest NO. */
    static RespondentCell cell(String district, Gender gender, int ageBand, long ballots, long yes) {
        return new RespondentCell(stratum(district, gender, ageBand), ballots, Map.of(YES, yes, NO, ballots - yes));
    }

    static RespondentCell cell(String district, Gender gender, int ageBand, long ballots) {
        return cell(district, gender, ageBand, ballots, 0);
    }

    static RespondentSample sample(RespondentCell... cells) {
        return RespondentSample.of(YES_NO, List.of(cells));
    }

    /** Margins from alternating category, population pairs per dimension. */
    static MarginsBuilder margins() {
        return new MarginsBuilder();
    }

    static final class MarginsBuilder {
        private final Map<Dimension, Map<Object, Long>> margins = new EnumMap<>(Dimension.class);

        MarginsBuilder with(Dimension dimension, Object... categoryThenPopulation) {
            Map<Object, Long> margin = new LinkedHashMap<>();
            for (int i = 0; i < categoryThenPopulation.length; i += 2) {
                Object category = categoryThenPopulation[i];
                if (dimension == Dimension.AGE_BAND && category instanceof Integer lower) {
                    category = new AgeBand(lower);
                }
                margin.put(category, ((Number) categoryThenPopulation[i + 1]).longValue());
            }
            margins.put(dimension, margin);
            return this;
        }

        CensusMargins build() {
            return CensusMargins.of(margins);
        }
    }

    static List<RespondentCell> cells(RespondentCell... cells) {
        return new ArrayList<>(List.of(cells));
    }
}
