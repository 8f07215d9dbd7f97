package org.mvoting.domain.panel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.mvoting.api.citizens.AgeBand;
import org.mvoting.api.citizens.Gender;
import org.mvoting.api.citizens.SeoulDistrict;
import org.mvoting.api.citizens.Stratum;
import org.mvoting.api.panel.PanelStrata;
import org.mvoting.api.panel.PanelStrata.Shown;

class StratumCountTableTest {

    private static final Shown S = Shown.SHOWN;
    private static final Shown L = Shown.SMALL;
    private static final Shown C = Shown.COMPLEMENT;

    @Test
    void aLoneSmallCellTakesTheSmallestShownCellOfItsRowAndColumnWithIt() {
        // 2 x 3 with margins; the 3 is small: its row and its column each get one more hidden count
        long[][] value = {
            {3, 10, 20, 33},
            {7, 12, 30, 49},
            {10, 22, 50, 82}};
        Shown[][] shown = StratumCountTable.suppress(value, 5);
        assertEquals(List.of(L, C, S, S), List.of(shown[0]));
        assertEquals(List.of(C, C, S, S), List.of(shown[1]));
        assertEquals(List.of(S, S, S, S), List.of(shown[2]));
    }

    @Test
    void aSmallTotalIsHiddenAndItsLinesProtectIt() {
        long[][] value = {
            {1, 2, 3},
            {20, 30, 50},
            {21, 32, 53}};
        Shown[][] shown = StratumCountTable.suppress(value, 5);
        assertEquals(List.of(L, L, L), List.of(shown[0]));
        // columns 0 and 1 each had one hidden count: their smallest shown count goes too, and the row total then
        assertEquals(List.of(C, C, C), List.of(shown[1]));
        assertEquals(List.of(S, S, S), List.of(shown[2]));
    }

    @Test
    void noPublishedLineEverCoversExactlyOneHiddenCount() {
        Random random = new Random(17);
        for (int round = 0; round < 500; round++) {
            int rows = 2 + random.nextInt(6);
            int columns = 2 + random.nextInt(5);
            long[][] value = new long[rows + 1][columns + 1];
            for (int r = 0; r < rows; r++) {
                for (int c = 0; c < columns; c++) {
                    long n = random.nextInt(4) == 0 ? random.nextInt(5) : random.nextInt(40);
                    value[r][c] = n;
                    value[r][columns] += n;
                    value[rows][c] += n;
                    value[rows][columns] += n;
                }
            }
            Shown[][] shown = StratumCountTable.suppress(value, 5);
            for (int r = 0; r <= rows; r++) {
                int hidden = 0;
                for (int c = 0; c <= columns; c++) {
                    hidden += shown[r][c] == S ? 0 : 1;
                    assertTrue(value[r][c] >= 5 || shown[r][c] == L, "every small count is hidden as small");
                }
                assertTrue(hidden != 1, "row " + r + " of round " + round);
            }
            for (int c = 0; c <= columns; c++) {
                int hidden = 0;
                for (int r = 0; r <= rows; r++) {
                    hidden += shown[r][c] == S ? 0 : 1;
                }
                assertTrue(hidden != 1, "column " + c + " of round " + round);
            }
        }
    }

    @Test
    void thePanelTableHasAHundredRowsOfSevenBandsAndShowsSmallCellsAsLessThanFive() {
        Map<Stratum, Long> counts = new HashMap<>();
        for (SeoulDistrict d : SeoulDistrict.values()) {
            for (AgeBand b : AgeBand.values()) {
                counts.put(new Stratum(d, Gender.FEMALE, b), 20L);
                counts.put(new Stratum(d, Gender.MALE, b), 30L);
            }
        }
        counts.put(new Stratum(SeoulDistrict.MAPO, Gender.FEMALE, AgeBand.FORTIES), 2L);
        PanelStrata table = StratumCountTable.of(counts, Instant.EPOCH);
        assertEquals(100, table.rows().size());
        assertEquals(List.of(10, 20, 30, 40, 50, 60, 70), table.ageBands());
        PanelStrata.Row mapoWomen = table.rows().stream()
                .filter(r -> r.district() == SeoulDistrict.MAPO && r.gender() == Gender.FEMALE).findFirst().orElseThrow();
        assertEquals("<5", mapoWomen.cells().get(3).text());
        assertNull(mapoWomen.cells().get(3).count());
        assertEquals("x", mapoWomen.cells().get(0).text(), "the smallest shown count of the row, first on a tie");
        assertEquals(Shown.SHOWN, mapoWomen.total().shown());
        assertEquals(20L * 5 + 2 + 20, mapoWomen.total().count());
        // OTHER and UNDISCLOSED have nobody: every count and their totals are "<5"
        PanelStrata.Row other = table.rows().stream().filter(r -> r.gender() == Gender.OTHER).findFirst().orElseThrow();
        assertTrue(other.cells().stream().allMatch(c -> "<5".equals(c.text())));
        assertEquals("<5", other.total().text());
        assertEquals(25L * 7 * 50 - 18, table.total().count());
    }
}
