package org.mvoting.api.panel;

/**
 * One row of an uploaded census file as typed: district (code such as MAPO or the Korean name 마포구), gender
 * (FEMALE/MALE, 여/남), age band (code 40, "40-49", "40대", "70+") and population. The service judges them.
 */
public record CensusRow(String district, String gender, String ageBand, String population) {
}
