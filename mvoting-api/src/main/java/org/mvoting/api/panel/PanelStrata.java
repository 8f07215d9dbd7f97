package org.mvoting.api.panel;

import java.time.Instant;
import java.util.List;
import org.mvoting.api.citizens.Gender;
import org.mvoting.api.citizens.SeoulDistrict;

/**
 * Panel members per stratum as a table: one row per district and gender, one column per age band (codes in
 * {@code ageBands}), each row with its total, then the column totals and the grand total. A count is null when it is
 * hidden: {@code SMALL} (under {@code threshold}, shown as "&lt;5") or {@code COMPLEMENT} (hidden as well so that no
 * total gives a small count back, shown as "x"). Every total covers no hidden count or at least two.
 */
public record PanelStrata(int threshold, Instant countedAt, List<Integer> ageBands, List<Row> rows,
                          List<Count> columnTotals, Count total) {

    /** Why a count is or is not shown. */
    public enum Shown {
        SHOWN, SMALL, COMPLEMENT
    }

    /** One count: the number when shown, else null; {@code text} is what a table shows ("12", "&lt;5", "x"). */
    public record Count(Long count, Shown shown, String text) {
    }

    public record Row(SeoulDistrict district, Gender gender, List<Count> cells, Count total) {

        public Row {
            cells = List.copyOf(cells);
        }
    }

    public PanelStrata {
        ageBands = List.copyOf(ageBands);
        rows = List.copyOf(rows);
        columnTotals = List.copyOf(columnTotals);
    }
}
