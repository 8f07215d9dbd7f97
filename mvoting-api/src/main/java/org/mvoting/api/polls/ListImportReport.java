package org.mvoting.api.polls;

import java.util.List;

/**
 * What an uploaded phone list did: rows read, numbers added, how many the poll lists now, and every row that was
 * not used, with why (invalid number, or a duplicate of an earlier row). Row numbers are as in the file.
 */
public record ListImportReport(int rows, int added, int listedNow, List<RowProblem> invalid, List<RowProblem> duplicates) {

    /** One row that was not used. */
    public record RowProblem(int row, String value, String reason) {
    }

    public ListImportReport {
        invalid = List.copyOf(invalid);
        duplicates = List.copyOf(duplicates);
    }
}
