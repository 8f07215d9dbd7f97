package org.mvoting.web.reports;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.mvoting.api.samples.WeightedCategory;
import org.mvoting.api.samples.WeightedOption;
import org.mvoting.api.samples.WeightedQuestion;
import org.mvoting.api.samples.WeightedResultsView;
import org.mvoting.api.samples.WeightedStratum;
import org.mvoting.api.samples.WeightingMethod;

/**
 * A weighted-results download as lines of text, laid out once so that the CSV, the workbook and the PDF carry the
 * same figures and the same written-out method (census, raked dimensions, convergence and tolerance, trim cap, the
 * formulas of docs/weighting.md, small-cell suppression). Shares and margins are in percent with two decimals,
 * rounded half-up from the unrounded fractions the service returns.
 */
public record WeightedReport(WeightedResultsView results, String department, Instant generatedAt, String generatedBy) {

    public WeightedReport {
        Objects.requireNonNull(results, "results");
    }

    /** One label and its value. */
    record Line(String label, String value) {
    }

    /**
     * One question: its heading, n / n_eff / deff, the option table, the stratum table and the per-category table
     * (dimension, category, ballots, weighted share of each option).
     */
    record Block(String heading, List<Line> figures, List<String> optionHeader, List<List<String>> options,
                 List<String> strataHeader, List<List<String>> strata, List<String> categoryHeader,
                 List<List<String>> categories) {
    }

    List<Line> summary(ReportText text) {
        WeightedMethodText method = new WeightedMethodText(results, text);
        List<Line> lines = new ArrayList<>();
        lines.add(new Line(text.get("field.title"), text.orNone(results.title())));
        lines.add(new Line(text.get("field.department"), text.orNone(department)));
        lines.add(new Line(text.get("field.status"), text.get(results.finalResult() ? "status.final" : "status.live")));
        lines.addAll(method.lines());
        lines.add(new Line(text.get("field.generatedAt"), text.time(generatedAt)));
        lines.add(new Line(text.get("field.generatedBy"), text.orNone(generatedBy)));
        return lines;
    }

    /**
     * The method written out (census, raked dimensions, convergence, trimming, formulas, suppression) as label/value
     * pairs in the reports' wording, for the portal's card: one text for the page and the files.
     */
    public static List<String[]> method(WeightedResultsView results, Locale locale) {
        List<String[]> lines = new ArrayList<>();
        new WeightedMethodText(results, ReportText.of(locale)).lines()
                .forEach(line -> lines.add(new String[] {line.label(), line.value()}));
        return lines;
    }

    List<Block> blocks(ReportText text) {
        List<Block> blocks = new ArrayList<>();
        for (WeightedQuestion q : results.questions()) {
            List<Line> figures = List.of(
                    new Line(text.get("field.ballots"), Long.toString(q.ballots())),
                    new Line(text.get("field.effectiveSampleSize"), decimals(q.effectiveSampleSize(), 2)),
                    new Line(text.get("field.designEffect"), decimals(q.designEffect(), 3)));
            List<List<String>> options = new ArrayList<>();
            for (WeightedOption o : q.options()) {
                options.add(List.of(o.label(), Long.toString(o.rawCount()), percent(o.rawShare()),
                        percent(o.weightedShare()), percent(o.marginOfError())));
            }
            List<List<String>> strata = new ArrayList<>();
            for (WeightedStratum s : q.strata()) {
                String name = s.district() + " / " + s.gender() + " / " + s.ageBand();
                if ("SHOWN".equals(s.visibility())) {
                    strata.add(List.of(name, Long.toString(s.ballots()), decimals(s.weight(), 4)));
                } else {
                    String hidden = hiddenText(s.visibility(), text);
                    strata.add(List.of(name, hidden, hidden));
                }
            }
            List<String> categoryHeader = new ArrayList<>(List.of(text.get("column.dimension"),
                    text.get("column.category"), text.get("column.ballots")));
            q.options().forEach(o -> categoryHeader.add(text.format("format.weightedShareOf", o.label())));
            List<List<String>> categories = new ArrayList<>();
            for (WeightedCategory c : q.categories()) {
                categories.add(categoryRow(c, q.options(), text));
            }
            blocks.add(new Block(q.position() + ". " + q.text(), figures,
                    List.of(text.get("column.option"), text.get("column.votes"), text.get("column.rawShare"),
                            text.get("column.weightedShare"), text.get("column.marginOfError")),
                    options, List.of(text.get("column.stratum"), text.get("column.ballots"), text.get("column.weight")),
                    strata, categoryHeader, categories));
        }
        return blocks;
    }

    /**
     * One category of the breakdown: its ballots and each option's weighted share within it, in the options' order;
     * a hidden category ("<5", or hidden so that a small one cannot be worked out) has its text in every figure.
     */
    private List<String> categoryRow(WeightedCategory c, List<WeightedOption> options, ReportText text) {
        List<String> row = new ArrayList<>(List.of(c.dimension(), c.category()));
        if ("SHOWN".equals(c.visibility())) {
            row.add(Long.toString(c.ballots()));
            for (WeightedOption o : options) {
                Double share = c.weightedShares().get(o.optionId());
                row.add(percent(share == null ? 0 : share));
            }
        } else {
            String hidden = hiddenText(c.visibility(), text);
            for (int i = 0; i <= options.size(); i++) {
                row.add(hidden);
            }
        }
        return row;
    }

    private String hiddenText(String visibility, ReportText text) {
        return "SUPPRESSED_SMALL".equals(visibility)
                ? text.format("format.suppressedSmall", results.method().suppressionThreshold())
                : text.get("value.suppressedComplement");
    }

    /** A fraction as percent with two decimals, half-up: 0.64 → 64.00. */
    static String percent(double fraction) {
        return new BigDecimal(Double.toString(fraction)).movePointRight(2).setScale(2, RoundingMode.HALF_UP)
                .toPlainString();
    }

    static String decimals(double value, int places) {
        return new BigDecimal(Double.toString(value)).setScale(places, RoundingMode.HALF_UP).toPlainString();
    }

    /** The method written out, line by line. */
    private record WeightedMethodText(WeightedResultsView results, ReportText text) {

        List<Line> lines() {
            WeightingMethod m = results.method();
            List<Line> lines = new ArrayList<>();
            String census = text.format("format.census", results.census().version(), results.census().title(),
                    results.census().source(), Long.toString(results.census().population()));
            if (results.census().illustrative()) {
                census += " — " + text.get("value.illustrative");
            }
            lines.add(new Line(text.get("field.census"), census));
            lines.add(new Line(text.get("field.method"), text.format("format.raking",
                    m.raked().isEmpty() ? text.get("value.none") : String.join(", ", m.raked()))));
            List<String> notRaked = new ArrayList<>();
            for (WeightingMethod.NotRaked n : m.notRaked()) {
                notRaked.add(n.dimension() + " (" + text.get("other-genders".equals(n.reason())
                        ? "value.notRaked.otherGenders" : "value.notRaked.singleCategory") + ")");
            }
            lines.add(new Line(text.get("field.notRaked"), notRaked.isEmpty() ? text.get("value.none")
                    : String.join("; ", notRaked)));
            lines.add(new Line(text.get("field.convergence"), text.format("format.convergence", m.iterations(),
                    scientific(m.maxDeviation()), scientific(m.tolerance()), m.maxIterations())));
            lines.add(new Line(text.get("field.trimming"), text.format("format.trimming", plain(m.trimRatio()),
                    m.trimmedStrata(), m.trimRounds(), text.get(m.capHeld() ? "value.yes" : "value.no"))));
            lines.add(new Line(text.get("field.formulas"), text.format("format.formulas", plain(m.z()))));
            lines.add(new Line(text.get("field.suppression"), text.format("format.suppression",
                    m.suppressionThreshold())));
            return lines;
        }

        private static String scientific(double value) {
            return String.format(Locale.ROOT, "%.1e", value);
        }

        private static String plain(double value) {
            return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
        }
    }
}
