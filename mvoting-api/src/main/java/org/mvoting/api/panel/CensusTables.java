package org.mvoting.api.panel;

import jakarta.ejb.Local;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.util.List;
import java.util.Optional;
import org.mvoting.api.polls.Actor;

/**
 * The census tables the city uploads (population per district x gender x age band). A table is never edited: each
 * upload is the next version. Uploading is for ADMIN (the tables are city-wide reference data every sample and
 * weighted result rests on, not one department's); every member of staff from OPERATOR up, and AUDITOR, reads them.
 */
@Local
public interface CensusTables {

    /**
     * Checks every row (the file's rows as typed, the first being row {@code firstRow}) and stores the table as the
     * next version, audited. A bad row, a duplicate or a missing stratum refuses the whole file with every problem
     * listed ({@code CensusInvalidException}).
     */
    CensusTableView upload(@Valid @NotNull CensusUpload upload, @NotNull List<CensusRow> rows, int firstRow, Actor actor);

    /** Every version, newest first, without cells. */
    List<CensusTableSummary> tables();

    /** One version with its cells; {@code census-not-found} when there is none. */
    CensusTableView table(int version);

    /** The newest version, if any table was uploaded. */
    Optional<CensusTableView> latest();
}
