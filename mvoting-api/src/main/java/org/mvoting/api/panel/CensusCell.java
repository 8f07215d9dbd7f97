package org.mvoting.api.panel;

import org.mvoting.api.citizens.Gender;
import org.mvoting.api.citizens.SeoulDistrict;

/** The population of one stratum; {@code ageBand} is the band's code (10 = 14-19, 20 = 20-29, ..., 70 = 70+). */
public record CensusCell(SeoulDistrict district, Gender gender, int ageBand, long population) {
}
