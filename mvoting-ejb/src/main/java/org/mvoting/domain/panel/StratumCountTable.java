package org.mvoting.domain.panel;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.mvoting.api.citizens.AgeBand;
import org.mvoting.api.citizens.Gender;
import org.mvoting.api.citizens.SeoulDistrict;
import org.mvoting.api.citizens.Stratum;
import org.mvoting.api.panel.PanelStrata;
import org.mvoting.api.panel.PanelStrata.Count;
import org.mvoting.api.panel.PanelStrata.Shown;

/**
 * Panel members per stratum as a published table (rows district x gender, columns age bands, with row, column and
 * grand totals), with small counts hidden so that no total gives one back.
 *
 * <p>The rule is docs/weighting.md's ("Breakdowns and small-cell suppression") for a two-way table with margins.
 * Every count under the threshold is hidden, totals included (a total is a count of people too). The table's
 * additive lines are each row with its total, each column with its total, the row totals with the grand total and
 * the column totals with the grand total; a line with exactly one hidden count would give it back by subtraction,
 * so its smallest shown count (the first in table order on a tie) is hidden too, until no line has exactly one.
 * Like the weighting rule, this defeats subtraction along a line; it does not claim to defeat every bound a linear
 * programme over the whole table could compute.
 */
public final class StratumCountTable {

    /** Fewer members than this in a stratum (or a total) are not shown. */
    public static final int THRESHOLD = 5;

    private static final List<Gender> GENDERS = List.of(Gender.values());
    private static final List<AgeBand> BANDS = List.of(AgeBand.values());

    private StratumCountTable() {
    }

    /** The table for the given counts (a stratum not in the map has no member). */
    public static PanelStrata of(Map<Stratum, Long> counts, Instant countedAt) {
        int rows = SeoulDistrict.values().length * GENDERS.size();
        int columns = BANDS.size();
        // the counts with their margins: row r, column c; index rows = the column totals, index columns = row totals
        long[][] value = new long[rows + 1][columns + 1];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < columns; c++) {
                long n = counts.getOrDefault(stratum(r, c), 0L);
                value[r][c] = n;
                value[r][columns] += n;
                value[rows][c] += n;
                value[rows][columns] += n;
            }
        }
        Shown[][] shown = suppress(value, THRESHOLD);
        List<PanelStrata.Row> out = new ArrayList<>();
        for (int r = 0; r < rows; r++) {
            List<Count> cells = new ArrayList<>();
            for (int c = 0; c < columns; c++) {
                cells.add(count(value[r][c], shown[r][c]));
            }
            Stratum first = stratum(r, 0);
            out.add(new PanelStrata.Row(first.district(), first.gender(), cells, count(value[r][columns], shown[r][columns])));
        }
        List<Count> columnTotals = new ArrayList<>();
        for (int c = 0; c < columns; c++) {
            columnTotals.add(count(value[rows][c], shown[rows][c]));
        }
        return new PanelStrata(THRESHOLD, countedAt, BANDS.stream().map(AgeBand::code).toList(), out, columnTotals,
                count(value[rows][columns], shown[rows][columns]));
    }

    /**
     * Which counts of a table with margins (last row: column totals, last column: row totals) are shown, hidden as
     * small or hidden as a complement.
     */
    static Shown[][] suppress(long[][] value, int threshold) {
        int height = value.length;
        int width = value[0].length;
        Shown[][] shown = new Shown[height][width];
        for (int r = 0; r < height; r++) {
            for (int c = 0; c < width; c++) {
                shown[r][c] = value[r][c] < threshold ? Shown.SMALL : Shown.SHOWN;
            }
        }
        // every line: a row of the table (with its total), a column (with its total), and the two margins
        List<int[][]> lines = new ArrayList<>();
        for (int r = 0; r < height; r++) {
            int[][] line = new int[width][];
            for (int c = 0; c < width; c++) {
                line[c] = new int[] {r, c};
            }
            lines.add(line);
        }
        for (int c = 0; c < width; c++) {
            int[][] line = new int[height][];
            for (int r = 0; r < height; r++) {
                line[r] = new int[] {r, c};
            }
            lines.add(line);
        }
        boolean changed = true;
        while (changed) {
            changed = false;
            for (int[][] line : lines) {
                int hidden = 0;
                int[] smallest = null;
                for (int[] at : line) {
                    if (shown[at[0]][at[1]] != Shown.SHOWN) {
                        hidden++;
                    } else if (smallest == null || value[at[0]][at[1]] < value[smallest[0]][smallest[1]]) {
                        smallest = at;
                    }
                }
                if (hidden == 1 && smallest != null) {
                    shown[smallest[0]][smallest[1]] = Shown.COMPLEMENT;
                    changed = true;
                }
            }
        }
        return shown;
    }

    private static Count count(long n, Shown shown) {
        return switch (shown) {
            case SHOWN -> new Count(n, shown, Long.toString(n));
            case SMALL -> new Count(null, shown, "<" + THRESHOLD);
            case COMPLEMENT -> new Count(null, shown, "x");
        };
    }

    private static Stratum stratum(int row, int column) {
        return new Stratum(SeoulDistrict.values()[row / GENDERS.size()], GENDERS.get(row % GENDERS.size()),
                BANDS.get(column));
    }
}
