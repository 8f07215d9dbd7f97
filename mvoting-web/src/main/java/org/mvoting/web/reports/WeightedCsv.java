package org.mvoting.web.reports;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.Locale;

/**
 * Weighted results as CSV ({@link CsvWriter}): the summary and the method as label/value lines, then per question
 * its heading, n / n_eff / deff, the options (votes, raw share, weighted share, ± margin of error, in percent) and
 * the strata (ballots and weight, or "<5" / hidden) and the categories of each dimension (ballots and the weighted
 * share of each option, or "<5" / hidden).
 */
public final class WeightedCsv {

    private WeightedCsv() {
    }

    public static void write(WeightedReport report, OutputStream out, Locale locale) throws IOException {
        ReportText text = ReportText.of(locale);
        CsvWriter csv = new CsvWriter(out);
        for (WeightedReport.Line line : report.summary(text)) {
            csv.row(line.label(), line.value());
        }
        for (WeightedReport.Block block : report.blocks(text)) {
            csv.row();
            csv.row(block.heading());
            for (WeightedReport.Line line : block.figures()) {
                csv.row(line.label(), line.value());
            }
            row(csv, block.optionHeader());
            for (List<String> option : block.options()) {
                row(csv, option);
            }
            csv.row();
            row(csv, block.strataHeader());
            for (List<String> stratum : block.strata()) {
                row(csv, stratum);
            }
            csv.row();
            row(csv, block.categoryHeader());
            for (List<String> category : block.categories()) {
                row(csv, category);
            }
        }
        csv.flush();
    }

    private static void row(CsvWriter csv, List<String> cells) throws IOException {
        csv.row(cells.toArray());
    }
}
