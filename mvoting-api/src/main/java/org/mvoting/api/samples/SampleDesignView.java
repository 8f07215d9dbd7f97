package org.mvoting.api.samples;

import java.time.Instant;
import java.util.List;
import org.mvoting.api.citizens.Gender;
import org.mvoting.api.citizens.SeoulDistrict;

/**
 * A design with its cells; after the draw also the seed (hex), the algorithm, when it was drawn, so an auditor can
 * re-run it.
 */
public record SampleDesignView(String pollId, SampleDesignKind kind, List<SampleDimension> dimensions,
                               Integer targetPerCell, Integer totalN, Integer censusVersion, Gender filterGender,
                               Integer filterMinAge, Integer filterMaxAge, List<SeoulDistrict> filterDistricts,
                               int overdraw, int replaceAfterMinutes, String seed, String algorithm, Instant drawnAt,
                               List<SampleCellView> cells) {
}
