package org.mvoting.domain.panel;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.mvoting.api.citizens.AgeBand;
import org.mvoting.api.citizens.Gender;
import org.mvoting.api.citizens.SeoulDistrict;
import org.mvoting.api.citizens.Stratum;
import org.mvoting.api.errors.CensusInvalidException;
import org.mvoting.api.panel.CensusProblem;
import org.mvoting.api.panel.CensusRow;

/**
 * One version of the city's census: the population of every stratum (25 districts x women and men x 7 age bands).
 * It is made once, from checked rows, and never changed; a correction is the next version.
 */
public final class CensusTable {

    /** The genders a census counts: OTHER and UNDISCLOSED exist only in the panel. */
    public static final List<Gender> GENDERS = List.of(Gender.FEMALE, Gender.MALE);
    /** Every stratum a complete table has, in table order. */
    public static final List<Stratum> STRATA;
    /** Problems listed before the rest are summed up in one line: a wholly wrong file need not list 350. */
    public static final int MAX_PROBLEMS = 100;

    static {
        List<Stratum> all = new ArrayList<>();
        for (SeoulDistrict district : SeoulDistrict.values()) {
            for (Gender gender : GENDERS) {
                for (AgeBand band : AgeBand.values()) {
                    all.add(new Stratum(district, gender, band));
                }
            }
        }
        STRATA = List.copyOf(all);
    }

    private final UUID id;
    private final int version;
    private final String title;
    private final String source;
    private final boolean illustrative;
    private final String uploadedBy;
    private final Instant uploadedAt;
    private final Map<Stratum, Long> cells;

    public CensusTable(UUID id, int version, String title, String source, boolean illustrative, String uploadedBy,
                       Instant uploadedAt, Map<Stratum, Long> cells) {
        if (version < 1) {
            throw new IllegalArgumentException("version " + version);
        }
        this.id = Objects.requireNonNull(id, "id");
        this.version = version;
        this.title = requireText(title, "title");
        this.source = requireText(source, "source");
        this.illustrative = illustrative;
        this.uploadedBy = requireText(uploadedBy, "uploadedBy");
        this.uploadedAt = Objects.requireNonNull(uploadedAt, "uploadedAt");
        Map<Stratum, Long> ordered = new LinkedHashMap<>();
        STRATA.forEach(s -> {
            Long population = cells.get(s);
            if (population == null || population < 0) {
                throw new IllegalArgumentException("no population for " + s);
            }
            ordered.put(s, population);
        });
        this.cells = Collections.unmodifiableMap(ordered);
    }

    /**
     * The cells of a file's rows (the first being row {@code firstRow}), or every problem found: each bad value,
     * each stratum given twice, each stratum missing.
     */
    public static Map<Stratum, Long> read(List<CensusRow> rows, int firstRow) {
        List<CensusProblem> problems = new ArrayList<>();
        Map<Stratum, Long> cells = new LinkedHashMap<>();
        Map<Stratum, Integer> rowOf = new LinkedHashMap<>();
        if (rows.isEmpty()) {
            throw new CensusInvalidException(List.of(new CensusProblem(0, "no-rows", "")));
        }
        for (int i = 0; i < rows.size(); i++) {
            int row = firstRow + i;
            CensusRow given = rows.get(i);
            int before = problems.size();
            SeoulDistrict district = CensusValues.district(given.district(), row, problems);
            Gender gender = CensusValues.gender(given.gender(), row, problems);
            AgeBand band = CensusValues.ageBand(given.ageBand(), row, problems);
            Long population = CensusValues.population(given.population(), row, problems);
            if (problems.size() > before) {
                continue;
            }
            Stratum stratum = new Stratum(district, gender, band);
            Integer earlier = rowOf.putIfAbsent(stratum, row);
            if (earlier != null) {
                problems.add(new CensusProblem(row, "duplicate-stratum", key(stratum) + " = " + earlier));
            } else {
                cells.put(stratum, population);
            }
        }
        for (Stratum stratum : STRATA) {
            if (!rowOf.containsKey(stratum) && !anyRowNamed(rows, stratum, problems)) {
                problems.add(new CensusProblem(0, "missing-stratum", key(stratum)));
            }
        }
        if (!problems.isEmpty()) {
            if (problems.size() > MAX_PROBLEMS) {
                int more = problems.size() - MAX_PROBLEMS;
                problems = new ArrayList<>(problems.subList(0, MAX_PROBLEMS));
                problems.add(new CensusProblem(0, "more-problems", String.valueOf(more)));
            }
            throw new CensusInvalidException(problems);
        }
        return cells;
    }

    /**
     * A stratum whose row was refused for a bad value is not also "missing": the row's own problem says what to fix.
     * (Only rows with a bad population can be matched to their stratum; a bad district or band names none.)
     */
    private static boolean anyRowNamed(List<CensusRow> rows, Stratum stratum, List<CensusProblem> problems) {
        List<CensusProblem> ignored = new ArrayList<>();
        for (CensusRow row : rows) {
            if (CensusValues.district(row.district(), 0, ignored) == stratum.district()
                    && CensusValues.gender(row.gender(), 0, ignored) == stratum.gender()
                    && CensusValues.ageBand(row.ageBand(), 0, ignored) == stratum.ageBand()) {
                return true;
            }
        }
        return false;
    }

    /** How a stratum is named in problems and the audit trail: MAPO/FEMALE/40. */
    public static String key(Stratum stratum) {
        return stratum.district().name() + "/" + stratum.gender().name() + "/" + stratum.ageBand().code();
    }

    private static String requireText(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " is required");
        }
        return value.strip();
    }

    public UUID id() {
        return id;
    }

    public int version() {
        return version;
    }

    public String title() {
        return title;
    }

    public String source() {
        return source;
    }

    public boolean illustrative() {
        return illustrative;
    }

    public String uploadedBy() {
        return uploadedBy;
    }

    public Instant uploadedAt() {
        return uploadedAt;
    }

    /** Every stratum's population, in table order. */
    public Map<Stratum, Long> cells() {
        return cells;
    }

    public long population() {
        return cells.values().stream().mapToLong(Long::longValue).sum();
    }
}
