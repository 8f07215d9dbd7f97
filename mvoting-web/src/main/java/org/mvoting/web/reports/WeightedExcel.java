package org.mvoting.web.reports;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.Locale;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFSheet;

/**
 * Weighted results as an Excel workbook: one sheet with the summary and the method (label/value rows), then per
 * question n / n_eff / deff, the option table, the stratum table and the per-category table. Figures are number cells (percent as the
 * number of percent, two decimals, as in the CSV); "<5" and hidden stay text.
 */
public final class WeightedExcel {

    private WeightedExcel() {
    }

    public static void write(WeightedReport report, OutputStream out, Locale locale) throws IOException {
        ReportText text = ReportText.of(locale);
        Workbooks book = new Workbooks();
        XSSFSheet sheet = book.sheet(report.results().title(), text.get("sheet.summary"));
        Workbooks.widths(sheet, 36, 60, 16, 16, 18);
        int r = 0;
        for (WeightedReport.Line line : report.summary(text)) {
            Row row = sheet.createRow(r++);
            Workbooks.text(row, 0, line.label(), book.label);
            Workbooks.text(row, 1, line.value(), book.wrap);
        }
        for (WeightedReport.Block block : report.blocks(text)) {
            r++;
            Workbooks.text(sheet.createRow(r++), 0, block.heading(), book.heading);
            for (WeightedReport.Line line : block.figures()) {
                Row row = sheet.createRow(r++);
                Workbooks.text(row, 0, line.label(), book.label);
                cell(row, 1, line.value(), null);
            }
            r = table(sheet, r, block.optionHeader(), block.options(), book);
            r++;
            r = table(sheet, r, block.strataHeader(), block.strata(), book);
            r++;
            r = table(sheet, r, block.categoryHeader(), block.categories(), book, 2);
        }
        book.writeTo(out);
    }

    private static int table(XSSFSheet sheet, int r, List<String> header, List<List<String>> rows, Workbooks book) {
        return table(sheet, r, header, rows, book, 1);
    }

    /** The first {@code textColumns} columns are names (a category code such as "70" stays text); the rest figures. */
    private static int table(XSSFSheet sheet, int r, List<String> header, List<List<String>> rows, Workbooks book,
                             int textColumns) {
        Row head = sheet.createRow(r++);
        for (int c = 0; c < header.size(); c++) {
            Workbooks.text(head, c, header.get(c), book.header);
        }
        for (List<String> cells : rows) {
            Row row = sheet.createRow(r++);
            for (int c = 0; c < textColumns; c++) {
                Workbooks.text(row, c, cells.get(c), book.wrap);
            }
            for (int c = textColumns; c < cells.size(); c++) {
                cell(row, c, cells.get(c), null);
            }
        }
        return r;
    }

    private static void cell(Row row, int column, String value, org.apache.poi.ss.usermodel.CellStyle style) {
        try {
            Workbooks.number(row, column, Double.parseDouble(value), style);
        } catch (NumberFormatException e) {
            Workbooks.text(row, column, value, style);
        }
    }
}
