package org.mvoting.api.samples;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Map;
import org.mvoting.api.citizens.Gender;
import org.mvoting.api.citizens.SeoulDistrict;

/**
 * A PANEL_SAMPLE poll's design as the operator states it. TARGETS needs {@code targetPerCell} or {@code cellTargets}
 * (cell code → target, e.g. {@code "GANGNAM/*&#47;*"}); PROPORTIONAL needs {@code totalN} and {@code censusVersion}.
 * Filters narrow who can be drawn; {@code overdraw} is how many ranked members per slot the draw keeps for
 * replacements; {@code replaceAfterMinutes} how long an unanswered invitation counts as outstanding.
 */
public record SampleDesignForm(
        @NotNull SampleDesignKind kind,
        @NotNull @Size(max = 3) List<@NotNull SampleDimension> dimensions,
        @Min(1) @Max(MAX_TARGET) Integer targetPerCell,
        @Size(max = MAX_CELLS) Map<String, @NotNull @Min(0) @Max(MAX_TARGET) Integer> cellTargets,
        @Min(1) @Max(MAX_TOTAL) Integer totalN,
        @Min(1) Integer censusVersion,
        Gender filterGender,
        @Min(14) @Max(120) Integer filterMinAge,
        @Min(14) @Max(120) Integer filterMaxAge,
        @Size(max = 25) List<@NotNull SeoulDistrict> filterDistricts,
        @Min(1) @Max(MAX_OVERDRAW) Integer overdraw,
        @Min(0) @Max(MAX_REPLACE_AFTER_MINUTES) Integer replaceAfterMinutes) {

    public static final int MAX_TARGET = 100_000;
    public static final int MAX_TOTAL = 1_000_000;
    /** 25 districts x 2 genders x 7 bands. */
    public static final int MAX_CELLS = 350;
    public static final int MAX_OVERDRAW = 10;
    public static final int DEFAULT_OVERDRAW = 3;
    public static final int MAX_REPLACE_AFTER_MINUTES = 7 * 24 * 60;
    public static final int DEFAULT_REPLACE_AFTER_MINUTES = 24 * 60;
}
