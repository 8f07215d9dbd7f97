package org.mvoting.api.citizens;

import java.time.Year;

/** Ten-year age bands of the panel and the census (the panel starts at 14): the code is the band's first decade. */
public enum AgeBand {
    TEENS(10), TWENTIES(20), THIRTIES(30), FORTIES(40), FIFTIES(50), SIXTIES(60), SEVENTY_PLUS(70);

    private final int code;

    AgeBand(int code) {
        this.code = code;
    }

    /** 10, 20, ..., 70: the value stored in census_cell.age_band and on a panel ballot. */
    public int code() {
        return code;
    }

    /** The band of someone born in {@code birthYear}, in {@code thisYear} (age = the difference of the years). */
    public static AgeBand of(int birthYear, Year thisYear) {
        int age = thisYear.getValue() - birthYear;
        if (age < 14) {
            throw new IllegalArgumentException("under 14: " + age);
        }
        return age >= 70 ? SEVENTY_PLUS : values()[Math.max(0, age / 10 - 1)];
    }

    public static AgeBand ofCode(int code) {
        for (AgeBand band : values()) {
            if (band.code == code) {
                return band;
            }
        }
        throw new IllegalArgumentException("no age band " + code);
    }
}
