package org.mvoting.domain.panel;

import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
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

    /** 40, 40-49, 40~49, 40대, 70+, 70세 이상, 14-19 (the panel's first band starts at 14). */
    private static final Pattern BAND = Pattern.compile(
            "(\\d{1,3})\\s*(?:세)?\\s*(?:[-~–]\\s*(\\d{1,3})?\\s*(?:세)?|\\+|대|이상|세\\s*이상)?");
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
        Matcher m = BAND.matcher(v);
        if (m.matches()) {
            int from = Integer.parseInt(m.group(1));
            Integer to = m.group(2) == null ? null : Integer.valueOf(m.group(2));
            int code = from == 14 ? 10 : from;
            if (code % 10 == 0 && code >= 10 && code <= 70 && (to == null || to == code + 9 || code == 70 && to >= 79)) {
                return AgeBand.ofCode(code);
            }
        }
        problems.add(new CensusProblem(row, "unknown-age-band", v));
        return null;
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
