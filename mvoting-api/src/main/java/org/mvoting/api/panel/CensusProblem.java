package org.mvoting.api.panel;

/**
 * One thing wrong with an uploaded census file. {@code row} is the file's row number (0 for the file as a whole,
 * e.g. a missing stratum); {@code reason} is a stable slug (unknown-district, unknown-gender, unknown-age-band,
 * bad-population, negative-population, missing-value, duplicate-stratum, missing-stratum, more-problems, no-rows, unreadable);
 * {@code value} is what was found or, for a missing stratum, which one (MAPO/FEMALE/40).
 */
public record CensusProblem(int row, String reason, String value) {
}
