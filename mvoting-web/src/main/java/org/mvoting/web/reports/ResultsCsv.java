package org.mvoting.web.reports;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.Locale;
import org.mvoting.api.ballots.OptionResult;
import org.mvoting.api.ballots.QuestionResult;
import org.mvoting.api.ballots.ResultsView;

/**
 * A poll's results as CSV (see {@link CsvWriter} for the format): a header block of label/value lines (poll,
 * department, period, ballots, final or live, tally verified, generated at and by), an empty line, then one
 * line per option: question number, question, option, votes, share in percent, ranking points.
 */
public final class ResultsCsv {

    private ResultsCsv() {
    }

    public static void write(ResultsReport report, OutputStream out, Locale locale) throws IOException {
        ReportText text = ReportText.of(locale);
        ResultsView results = report.results();
        CsvWriter csv = new CsvWriter(out);
        csv.row(text.get("field.title"), text.orNone(results.title()));
        csv.row(text.get("field.department"), text.orNone(report.department()));
        csv.row(text.get("field.period"), text.period(report.opensAt(), report.closesAt()));
        csv.row(text.get("field.ballots"), results.ballots());
        csv.row(text.get("field.status"), text.status(results));
        csv.row(text.get("field.verified"), text.verified(results));
        csv.row(text.get("field.generatedAt"), text.time(report.generatedAt()));
        csv.row(text.get("field.generatedBy"), text.orNone(report.generatedBy()));
        csv.row();
        csv.row(text.get("column.questionNo"), text.get("column.question"), text.get("column.option"),
                text.get("column.votes"), text.get("column.share"), text.get("column.points"));
        List<QuestionResult> questions = questions(results);
        for (int q = 0; q < questions.size(); q++) {
            QuestionResult question = questions.get(q);
            for (OptionResult option : options(question)) {
                csv.row(q + 1, question.text(), option.label(), option.votes(), ReportText.percent(option.share()),
                        option.points());
            }
        }
        csv.flush();
    }

    static List<QuestionResult> questions(ResultsView results) {
        return results.questions() == null ? List.of() : results.questions();
    }

    static List<OptionResult> options(QuestionResult question) {
        return question.options() == null ? List.of() : question.options();
    }
}
