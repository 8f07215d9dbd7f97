package org.mvoting.domain.panel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mvoting.api.citizens.AgeBand;
import org.mvoting.api.citizens.Gender;
import org.mvoting.api.citizens.SeoulDistrict;
import org.mvoting.api.citizens.Stratum;
import org.mvoting.api.errors.CensusInvalidException;
import org.mvoting.api.panel.CensusProblem;
import org.mvoting.api.panel.CensusRow;

class CensusTableTest {

    /** A complete file: every district, both genders, every band, population 1000 + the row's index. */
    static List<CensusRow> complete() {
        List<CensusRow> rows = new ArrayList<>();
        for (Stratum s : CensusTable.STRATA) {
            rows.add(new CensusRow(s.district().name(), s.gender().name(), String.valueOf(s.ageBand().code()),
                    String.valueOf(1000 + rows.size())));
        }
        return rows;
    }

    @Test
    void aCompleteFileGivesEveryStratumItsPopulation() {
        Map<Stratum, Long> cells = CensusTable.read(complete(), 2);
        assertEquals(350, cells.size());
        assertEquals(1000L, cells.get(new Stratum(SeoulDistrict.JONGNO, Gender.FEMALE, AgeBand.TEENS)));
        assertEquals(1349L, cells.get(new Stratum(SeoulDistrict.GANGDONG, Gender.MALE, AgeBand.SEVENTY_PLUS)));
    }

    @Test
    void valuesAreReadAsPeopleTypeThem() {
        List<CensusRow> rows = complete();
        rows.set(0, new CensusRow("종로구", "여", "14-19", "1,234"));
        rows.set(1, new CensusRow("종로", "여성", "20-29세", "12 345"));
        rows.set(6, new CensusRow("jongno", "F", "70세 이상", "7"));
        rows.set(7, new CensusRow("서울특별시 종로구", "남자", "10대", "0"));
        rows.set(13, new CensusRow("JONGNO", "M", "70+", "9"));
        Map<Stratum, Long> cells = CensusTable.read(rows, 1);
        assertEquals(1234L, cells.get(new Stratum(SeoulDistrict.JONGNO, Gender.FEMALE, AgeBand.TEENS)));
        assertEquals(12345L, cells.get(new Stratum(SeoulDistrict.JONGNO, Gender.FEMALE, AgeBand.TWENTIES)));
        assertEquals(7L, cells.get(new Stratum(SeoulDistrict.JONGNO, Gender.FEMALE, AgeBand.SEVENTY_PLUS)));
        assertEquals(0L, cells.get(new Stratum(SeoulDistrict.JONGNO, Gender.MALE, AgeBand.TEENS)));
        assertEquals(9L, cells.get(new Stratum(SeoulDistrict.JONGNO, Gender.MALE, AgeBand.SEVENTY_PLUS)));
    }

    @Test
    void everyBadRowIsNamedByItsNumberAndMissingStrataBySelf() {
        List<CensusRow> rows = complete();
        rows.set(0, new CensusRow("부산진구", "FEMALE", "10", "5"));        // row 2: unknown district
        rows.set(1, new CensusRow("JONGNO", "FEMALE", "20", "-3"));        // row 3: negative
        rows.set(2, new CensusRow("JONGNO", "FEMALE", "35-44", "3"));      // row 4: not a band
        rows.set(3, new CensusRow("JONGNO", "OTHER", "40", "3"));          // row 5: the census has women and men
        rows.set(4, new CensusRow("JONGNO", "FEMALE", "50", "many"));      // row 6: not a number
        rows.set(5, new CensusRow("JONGNO", "FEMALE", "70", "3"));         // row 7: duplicate of row 8
        CensusInvalidException refused = assertThrows(CensusInvalidException.class, () -> CensusTable.read(rows, 2));
        List<CensusProblem> problems = refused.problems();
        assertEquals(List.of(
                new CensusProblem(2, "unknown-district", "부산진구"),
                new CensusProblem(3, "negative-population", "-3"),
                new CensusProblem(4, "unknown-age-band", "35-44"),
                new CensusProblem(5, "unknown-gender", "OTHER"),
                new CensusProblem(6, "bad-population", "many"),
                new CensusProblem(8, "duplicate-stratum", "JONGNO/FEMALE/70 = 7"),
                // rows 2, 4 and 5 named no stratum that could be matched: those strata are missing
                new CensusProblem(0, "missing-stratum", "JONGNO/FEMALE/10"),
                new CensusProblem(0, "missing-stratum", "JONGNO/FEMALE/30"),
                new CensusProblem(0, "missing-stratum", "JONGNO/FEMALE/40"),
                new CensusProblem(0, "missing-stratum", "JONGNO/FEMALE/60")), problems);
        assertEquals("census-invalid", refused.code());
    }

    @Test
    void aFileMissingWholeDistrictsListsAHundredProblemsAndCountsTheRest() {
        List<CensusRow> rows = complete().subList(0, 14); // only 종로구
        CensusInvalidException refused = assertThrows(CensusInvalidException.class, () -> CensusTable.read(rows, 1));
        assertEquals(101, refused.problems().size());
        assertEquals(new CensusProblem(0, "missing-stratum", "JUNG/FEMALE/10"), refused.problems().get(0));
        assertEquals(new CensusProblem(0, "more-problems", String.valueOf(336 - 100)), refused.problems().get(100));
    }

    @Test
    void anEmptyFileSaysSo() {
        CensusInvalidException refused = assertThrows(CensusInvalidException.class, () -> CensusTable.read(List.of(), 1));
        assertEquals(List.of(new CensusProblem(0, "no-rows", "")), refused.problems());
    }

    @Test
    void bandsAreTheIssuesTenYearBands() {
        List<CensusProblem> problems = new ArrayList<>();
        assertEquals(AgeBand.TEENS, CensusValues.ageBand("10", 1, problems));
        assertEquals(AgeBand.TEENS, CensusValues.ageBand("10-19", 1, problems));
        assertEquals(AgeBand.FORTIES, CensusValues.ageBand("40~49", 1, problems));
        assertEquals(AgeBand.FORTIES, CensusValues.ageBand("40대", 1, problems));
        assertEquals(AgeBand.SEVENTY_PLUS, CensusValues.ageBand("70-", 1, problems));
        assertEquals(AgeBand.SEVENTY_PLUS, CensusValues.ageBand("70-99", 1, problems));
        assertEquals(List.of(), problems);
        assertEquals(null, CensusValues.ageBand("40-50", 9, problems));
        assertEquals(null, CensusValues.ageBand("80", 9, problems));
        assertEquals(null, CensusValues.ageBand("0-9", 9, problems));
        assertEquals(3, problems.size());
    }

    @Test
    void aTableIsMadeOnlyComplete() {
        Map<Stratum, Long> cells = CensusTable.read(complete(), 1);
        CensusTable table = new CensusTable(java.util.UUID.randomUUID(), 3, " 인구표 ", "통계청", false, "sys.admin",
                java.time.Instant.EPOCH, cells);
        assertEquals("인구표", table.title());
        assertEquals(350L * 1000 + 349L * 350 / 2, table.population());
        Map<Stratum, Long> short1 = new java.util.HashMap<>(cells);
        short1.remove(CensusTable.STRATA.get(0));
        assertThrows(IllegalArgumentException.class, () -> new CensusTable(java.util.UUID.randomUUID(), 4, "t", "s",
                false, "sys.admin", java.time.Instant.EPOCH, short1));
        assertThrows(IllegalArgumentException.class, () -> new CensusTable(java.util.UUID.randomUUID(), 4, "t", " ",
                false, "sys.admin", java.time.Instant.EPOCH, cells));
    }
}
