package org.mvoting.api.panel;

import java.util.List;

/** A census table with its cells, in district, gender, age band order. */
public record CensusTableView(CensusTableSummary table, List<CensusCell> cells) {

    public CensusTableView {
        cells = List.copyOf(cells);
    }
}
