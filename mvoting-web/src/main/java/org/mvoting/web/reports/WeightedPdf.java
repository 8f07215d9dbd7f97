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
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Weighted results as an A4 PDF in NanumGothic (as {@link ResultsPdf}): the summary with the method written out,
 * then per question n / n_eff / deff, the option table, the stratum table and the per-category table. The stream stays open.
 */
public final class WeightedPdf {

    private static final Color RULE = new Color(0xB0, 0xB0, 0xB0);
    private static final Color HEADER = new Color(0xE8, 0xE8, 0xE8);

    private WeightedPdf() {
    }

    public static void write(WeightedReport report, OutputStream out, Locale locale) throws IOException {
        ReportText text = ReportText.of(locale);
        BaseFont base = ReportFonts.hangul();
        Font title = new Font(base, 18, Font.BOLD);
        Font subtitle = new Font(base, 11, Font.NORMAL, Color.DARK_GRAY);
        Font heading = new Font(base, 12, Font.BOLD);
        Font body = new Font(base, 9);
        Font bold = new Font(base, 9, Font.BOLD);
        Document document = new Document(PageSize.A4, 48, 48, 48, 48);
        try {
            PdfWriter writer = PdfWriter.getInstance(document, out);
            writer.setCloseStream(false);
            document.addTitle(text.orNone(report.results().title()));
            document.addSubject(text.get("report.weighted"));
            document.addCreator("mVoting");
            document.setDocumentLanguage(text.language());
            document.open();
            document.add(new Paragraph(text.orNone(report.results().title()), title));
            Paragraph kind = new Paragraph(text.get("report.weighted"), subtitle);
            kind.setSpacingAfter(12);
            document.add(kind);
            PdfPTable summary = new PdfPTable(new float[] {2, 5});
            summary.setWidthPercentage(100);
            for (WeightedReport.Line line : report.summary(text)) {
                ResultsPdf.summaryRow(summary, line.label(), line.value(), bold, body);
            }
            document.add(summary);
            for (WeightedReport.Block block : report.blocks(text)) {
                Paragraph h = new Paragraph(block.heading(), heading);
                h.setSpacingBefore(14);
                document.add(h);
                PdfPTable figures = new PdfPTable(new float[] {2, 5});
                figures.setWidthPercentage(100);
                figures.setSpacingBefore(6);
                for (WeightedReport.Line line : block.figures()) {
                    ResultsPdf.summaryRow(figures, line.label(), line.value(), bold, body);
                }
                document.add(figures);
                document.add(table(block.optionHeader(), block.options(), new float[] {5, 2, 2, 2, 2}, body, bold));
                document.add(table(block.strataHeader(), block.strata(), new float[] {5, 2, 2}, body, bold));
                float[] widths = new float[block.categoryHeader().size()];
                Arrays.fill(widths, 2);
                widths[1] = 3;
                document.add(table(block.categoryHeader(), block.categories(), widths, body, bold));
            }
            document.close();
        } catch (DocumentException e) {
            throw new IOException("Cannot write the weighted results PDF", e);
        } finally {
            if (document.isOpen()) {
                document.close();
            }
        }
        out.flush();
    }

    private static PdfPTable table(List<String> header, List<List<String>> rows, float[] widths, Font body, Font bold) {
        PdfPTable table = new PdfPTable(widths);
        table.setWidthPercentage(100);
        table.setSpacingBefore(8);
        for (int c = 0; c < header.size(); c++) {
            PdfPCell cell = cell(header.get(c), bold, c == 0 ? Element.ALIGN_LEFT : Element.ALIGN_RIGHT);
            cell.setBackgroundColor(HEADER);
            table.addCell(cell);
        }
        table.setHeaderRows(1);
        for (List<String> row : rows) {
            for (int c = 0; c < row.size(); c++) {
                table.addCell(cell(row.get(c), body, c == 0 ? Element.ALIGN_LEFT : Element.ALIGN_RIGHT));
            }
        }
        return table;
    }

    private static PdfPCell cell(String value, Font font, int alignment) {
        PdfPCell cell = new PdfPCell(new Phrase(value == null ? "" : value, font));
        cell.setHorizontalAlignment(alignment);
        cell.setBorderColor(RULE);
        cell.setPadding(4);
        return cell;
    }
}
