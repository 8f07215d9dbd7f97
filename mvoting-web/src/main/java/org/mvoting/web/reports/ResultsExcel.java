package org.mvoting.web.reports;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.Locale;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.mvoting.api.ballots.OptionResult;
import org.mvoting.api.ballots.QuestionResult;
import org.mvoting.api.ballots.ResultsView;

/**
 * A poll's results as an Excel workbook (xlsx). Its one sheet, named after the poll, starts with the
 * summary (poll, department, period, ballots, final or live, tally verified, generated at and by, one
 * label/value per row) and then has a table per question: the numbered question, a header row, and one row
 * per option with the votes, the share (a number formatted as a percentage) and the ranking points.
 */
public final class ResultsExcel {

    private ResultsExcel() {
    }

    public static void write(ResultsReport report, OutputStream out, Locale locale) throws IOException {
        ReportText text = ReportText.of(locale);
        ResultsView results = report.results();
        Workbooks book = new Workbooks();
        XSSFSheet sheet = book.sheet(results.title(), text.get("sheet.summary"));
        Workbooks.widths(sheet, 44, 14, 14, 14);

        int r = 0;
        r = summary(sheet, r, text.get("field.title"), text.orNone(results.title()), book);
        r = summary(sheet, r, text.get("field.department"), text.orNone(report.department()), book);
        r = summary(sheet, r, text.get("field.period"), text.period(report.opensAt(), report.closesAt()), book);
        Row ballots = sheet.createRow(r++);
        Workbooks.text(ballots, 0, text.get("field.ballots"), book.label);
        Workbooks.number(ballots, 1, results.ballots(), null);
        r = summary(sheet, r, text.get("field.status"), text.status(results), book);
        r = summary(sheet, r, text.get("field.verified"), text.verified(results), book);
        Row generated = sheet.createRow(r++);
        Workbooks.text(generated, 0, text.get("field.generatedAt"), book.label);
        book.time(generated, 1, ReportText.local(report.generatedAt()));
        r = summary(sheet, r, text.get("field.generatedBy"), text.orNone(report.generatedBy()), book);

        List<QuestionResult> questions = ResultsCsv.questions(results);
        for (int q = 0; q < questions.size(); q++) {
            QuestionResult question = questions.get(q);
            r++; // an empty row before each table
            Workbooks.text(sheet.createRow(r++), 0, (q + 1) + ". " + question.text(), book.heading);
            Row header = sheet.createRow(r++);
            Workbooks.text(header, 0, text.get("column.option"), book.header);
            Workbooks.text(header, 1, text.get("column.votes"), book.header);
            Workbooks.text(header, 2, text.get("column.share"), book.header);
            Workbooks.text(header, 3, text.get("column.points"), book.header);
            for (OptionResult option : ResultsCsv.options(question)) {
                Row row = sheet.createRow(r++);
                Workbooks.text(row, 0, option.label(), book.wrap);
                Workbooks.number(row, 1, option.votes(), null);
                Workbooks.number(row, 2, option.share(), book.percent);
                Workbooks.number(row, 3, option.points(), null);
            }
        }
        book.writeTo(out);
    }

    private static int summary(XSSFSheet sheet, int r, String label, String value, Workbooks book) {
        Row row = sheet.createRow(r);
        Workbooks.text(row, 0, label, book.label);
        Workbooks.text(row, 1, value, null);
        return r + 1;
    }
}
