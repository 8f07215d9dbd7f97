package org.mvoting.application.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.mvoting.api.citizens.AgeBand;
import org.mvoting.api.citizens.Gender;
import org.mvoting.api.citizens.SeoulDistrict;
import org.mvoting.api.citizens.Stratum;
import org.mvoting.domain.panel.CensusTable;

class DemoCensusTest {

    @Test
    void theDemoTableIsCompleteAndSaysItIsNotRealStatistics() {
        Map<Stratum, Long> cells = DemoCensus.cells();
        CensusTable table = new CensusTable(UUID.randomUUID(), 1, DemoCensus.TITLE, DemoCensus.SOURCE, true,
                "system:demo", Instant.EPOCH, cells);
        assertEquals(350, table.cells().size());
        assertTrue(table.cells().values().stream().allMatch(n -> n > 0 && n % 10 == 0), "round, invented numbers");
        assertTrue(DemoCensus.TITLE.contains("예시 자료, 실제 통계 아님"));
        assertTrue(DemoCensus.SOURCE.contains("실제 인구 통계가 아닙니다"));
        // 송파구 (650 thousand, the largest invented district) women in their forties: 650 x 80 per mille
        assertEquals(52_000L, cells.get(new Stratum(SeoulDistrict.SONGPA, Gender.FEMALE, AgeBand.FORTIES)));
    }
}
