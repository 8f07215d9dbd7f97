package org.mvoting.web.reports;

import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;
import java.awt.Color;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.Locale;
import org.mvoting.api.ballots.OptionResult;
import org.mvoting.api.ballots.QuestionResult;
import org.mvoting.api.ballots.ResultsView;
import org.mvoting.api.polls.QuestionType;

/**
 * A poll's results as a printable A4 PDF: the poll's title, a summary (department, period, ballots, final
 * or live, tally verified, generated at and by), then per question its text and a table of the options
 * with votes and share (and the points of a ranking question). The text is set in NanumGothic, embedded
 * as a subset, so Korean reads the same on any reader. The stream is not closed: it belongs to the caller.
 */
public final class ResultsPdf {

    private static final Color RULE = new Color(0xB0, 0xB0, 0xB0);
    private static final Color HEADER = new Color(0xE8, 0xE8, 0xE8);

    private ResultsPdf() {
    }

    public static void write(ResultsReport report, OutputStream out, Locale locale) throws IOException {
        ReportText text = ReportText.of(locale);
        ResultsView results = report.results();
        BaseFont base = ReportFonts.hangul();
        Font title = new Font(base, 18, Font.BOLD);
        Font subtitle = new Font(base, 11, Font.NORMAL, Color.DARK_GRAY);
        Font heading = new Font(base, 12, Font.BOLD);
        Font body = new Font(base, 10);
        Font bold = new Font(base, 10, Font.BOLD);

        Document document = new Document(PageSize.A4, 48, 48, 48, 48);
        try {
            PdfWriter writer = PdfWriter.getInstance(document, out);
            writer.setCloseStream(false);
            document.addTitle(text.orNone(results.title()));
            document.addSubject(text.get("report.results"));
            document.addCreator("mVoting");
            if (report.generatedBy() != null) {
                document.addAuthor(report.generatedBy());
            }
            document.setDocumentLanguage(text.language());
            document.open();

            Paragraph name = new Paragraph(text.orNone(results.title()), title);
            name.setSpacingAfter(2);
            document.add(name);
            Paragraph kind = new Paragraph(text.get("report.results"), subtitle);
            kind.setSpacingAfter(12);
            document.add(kind);

            PdfPTable summary = new PdfPTable(new float[] {2, 5});
            summary.setWidthPercentage(100);
            summaryRow(summary, text.get("field.department"), text.orNone(report.department()), bold, body);
            summaryRow(summary, text.get("field.period"), text.period(report.opensAt(), report.closesAt()), bold, body);
            summaryRow(summary, text.get("field.ballots"), text.count(results.ballots()), bold, body);
            summaryRow(summary, text.get("field.status"), text.status(results), bold, body);
            summaryRow(summary, text.get("field.verified"), text.verified(results), bold, body);
            summaryRow(summary, text.get("field.generatedAt"), text.time(report.generatedAt()), bold, body);
            summaryRow(summary, text.get("field.generatedBy"), text.orNone(report.generatedBy()), bold, body);
            summary.setSpacingAfter(8);
            document.add(summary);

            List<QuestionResult> questions = ResultsCsv.questions(results);
            for (int q = 0; q < questions.size(); q++) {
                document.add(question(q + 1, questions.get(q), text, heading, body, bold));
            }
            document.close();
        } catch (DocumentException e) {
            throw new IOException("Cannot write the results PDF", e);
        } finally {
            if (document.isOpen()) {
                document.close();
            }
        }
        out.flush();
    }

    static Element question(int number, QuestionResult question, ReportText text, Font heading, Font body,
                                    Font bold) throws DocumentException {
        boolean ranking = question.type() == QuestionType.RANKING;
        PdfPTable table = ranking ? new PdfPTable(new float[] {6, 2, 2, 2}) : new PdfPTable(new float[] {6, 2, 2});
        table.setWidthPercentage(100);
        table.setSpacingBefore(14);
        table.setKeepTogether(ResultsCsv.options(question).size() <= 12);

        PdfPCell title = new PdfPCell(new Phrase(number + ". " + question.text(), heading));
        title.setColspan(ranking ? 4 : 3);
        title.setBorder(PdfPCell.NO_BORDER);
        title.setPaddingBottom(6);
        table.addCell(title);
        header(table, text.get("column.option"), bold, Element.ALIGN_LEFT);
        header(table, text.get("column.votes"), bold, Element.ALIGN_RIGHT);
        header(table, text.get("column.share"), bold, Element.ALIGN_RIGHT);
        if (ranking) {
            header(table, text.get("column.points"), bold, Element.ALIGN_RIGHT);
        }
        table.setHeaderRows(2);
        for (OptionResult option : ResultsCsv.options(question)) {
            table.addCell(cell(option.label(), body, Element.ALIGN_LEFT));
            table.addCell(cell(text.count(option.votes()), body, Element.ALIGN_RIGHT));
            table.addCell(cell(ReportText.percent(option.share()) + "%", body, Element.ALIGN_RIGHT));
            if (ranking) {
                table.addCell(cell(text.count(option.points()), body, Element.ALIGN_RIGHT));
            }
        }
        return table;
    }

    static void summaryRow(PdfPTable table, String label, String value, Font bold, Font body) {
        PdfPCell name = cell(label, bold, Element.ALIGN_LEFT);
        name.setBackgroundColor(HEADER);
        table.addCell(name);
        table.addCell(cell(value, body, Element.ALIGN_LEFT));
    }

    private static void header(PdfPTable table, String label, Font bold, int alignment) {
        PdfPCell cell = cell(label, bold, alignment);
        cell.setBackgroundColor(HEADER);
        table.addCell(cell);
    }

    private static PdfPCell cell(String value, Font font, int alignment) {
        PdfPCell cell = new PdfPCell(new Phrase(value == null ? "" : value, font));
        cell.setHorizontalAlignment(alignment);
        cell.setVerticalAlignment(Element.ALIGN_MIDDLE);
        cell.setBorderColor(RULE);
        cell.setPadding(5);
        return cell;
    }
}
