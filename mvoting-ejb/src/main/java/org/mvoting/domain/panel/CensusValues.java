package org.mvoting.domain.panel;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.mvoting.api.citizens.AgeBand;
import org.mvoting.api.citizens.Gender;
import org.mvoting.api.citizens.SeoulDistrict;
import org.mvoting.api.panel.CensusProblem;

/**
 * The values of a census row as people type them in a spreadsheet: a district by code or Korean name, a gender in
 * English or Korean, an age band as a code or a range, a population with thousands separators. Each reader adds a
 * problem and gives null when it cannot read the value.
 */
final class CensusValues {

    private static final Pattern POPULATION = Pattern.compile("-?\\d{1,3}(?:[,\\s]\\d{3})+|-?\\d+");

    private CensusValues() {
    }

    static SeoulDistrict district(String value, int row, List<CensusProblem> problems) {
        String v = clean(value);
        if (v.isEmpty()) {
            problems.add(new CensusProblem(row, "missing-value", "district"));
            return null;
        }
        for (SeoulDistrict d : SeoulDistrict.values()) {
            String korean = d.koreanName();
            if (d.name().equalsIgnoreCase(v) || korean.equals(v) || korean.substring(0, korean.length() - 1).equals(v)
                    || ("서울특별시 " + korean).equals(v)) {
                return d;
            }
        }
        problems.add(new CensusProblem(row, "unknown-district", v));
        return null;
    }

    static Gender gender(String value, int row, List<CensusProblem> problems) {
        String v = clean(value);
        switch (v.toUpperCase(Locale.ROOT)) {
            case "" -> problems.add(new CensusProblem(row, "missing-value", "gender"));
            case "FEMALE", "F", "W", "WOMEN", "여", "여자", "여성" -> {
                return Gender.FEMALE;
            }
            case "MALE", "M", "MEN", "남", "남자", "남성" -> {
                return Gender.MALE;
            }
            default -> problems.add(new CensusProblem(row, "unknown-gender", v));
        }
        return null;
    }

    static AgeBand ageBand(String value, int row, List<CensusProblem> problems) {
        String v = clean(value);
        if (v.isEmpty()) {
            problems.add(new CensusProblem(row, "missing-value", "ageBand"));
            return null;
        }
        int[] range = bandRange(v);
        if (range != null) {
            int from = range[0];
            int code = from == 14 ? 10 : from;
            if (code % 10 == 0 && code >= 10 && code <= 70
                    && (range[1] < 0 || range[1] == code + 9 || code == 70 && range[1] >= 79)) {
                return AgeBand.ofCode(code);
            }
        }
        problems.add(new CensusProblem(row, "unknown-age-band", v));
        return null;
    }

    /**
     * 40, 40-49, 40~49, 40대, 70+, 70세 이상, 14-19 (the panel's first band starts at 14) as {from, to} (to -1 when
     * open or not given); null when it is none of these. Read by hand, not by a regular expression: the optional parts
     * of such a pattern backtrack badly on long input (SpotBugs' REDOS).
     */
    static int[] bandRange(String value) {
        String v = value.replaceAll("\\s", "").replace("세", "");
        int digits = 0;
        while (digits < v.length() && digits < 4 && Character.isDigit(v.charAt(digits))) {
            digits++;
        }
        if (digits == 0 || digits > 3) {
            return null;
        }
        int from = Integer.parseInt(v.substring(0, digits));
        String rest = v.substring(digits);
        if (rest.isEmpty() || rest.equals("+") || rest.equals("대") || rest.equals("이상")) {
            return new int[] {from, -1};
        }
        char dash = rest.charAt(0);
        if (dash != '-' && dash != '~' && dash != '–') {
            return null;
        }
        String to = rest.substring(1);
        if (to.isEmpty()) {
            return new int[] {from, -1};
        }
        if (to.length() > 3 || !to.chars().allMatch(Character::isDigit)) {
            return null;
        }
        return new int[] {from, Integer.parseInt(to)};
    }

    static Long population(String value, int row, List<CensusProblem> problems) {
        String v = clean(value);
        if (v.isEmpty()) {
            problems.add(new CensusProblem(row, "missing-value", "population"));
            return null;
        }
        if (!POPULATION.matcher(v).matches() || v.replaceAll("[^0-9]", "").length() > 15) {
            problems.add(new CensusProblem(row, "bad-population", v));
            return null;
        }
        long population = Long.parseLong(v.replaceAll("[,\\s]", ""));
        if (population < 0) {
            problems.add(new CensusProblem(row, "negative-population", v));
            return null;
        }
        return population;
    }

    private static String clean(String value) {
        return value == null ? "" : value.strip();
    }
}
