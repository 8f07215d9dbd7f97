package org.mvoting.api.citizens;

/** One stratum of the panel and the census: district, gender and age band. */
public record Stratum(SeoulDistrict district, Gender gender, AgeBand ageBand) {
}
