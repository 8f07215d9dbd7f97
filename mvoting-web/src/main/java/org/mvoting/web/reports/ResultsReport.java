package org.mvoting.web.reports;

import java.time.Instant;
import java.util.Objects;
import org.mvoting.api.ballots.ResultsView;

/**
 * What a result download shows: the results plus the poll metadata they do not carry. Department,
 * opening and closing times and the author may be null (shown as "not set").
 */
public record ResultsReport(ResultsView results, String department, Instant opensAt, Instant closesAt,
                            Instant generatedAt, String generatedBy) {

    public ResultsReport {
        Objects.requireNonNull(results, "results");
    }
}
