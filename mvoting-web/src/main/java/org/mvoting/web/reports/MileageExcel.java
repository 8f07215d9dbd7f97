package org.mvoting.web.reports;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Locale;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.mvoting.api.mileage.MileageEntryView;
import org.mvoting.api.mileage.MonthlyPayout;
import org.mvoting.api.mileage.PayeeTotal;

/**
 * A month's mileage payout as an Excel workbook: a sheet of payee totals (with the month and its total above a frozen,
 * filterable header) and a sheet of every award and reversal; amounts are number cells, days text (yyyy-MM-dd).
 */
public final class MileageExcel {

    private MileageExcel() {
    }

    public static void write(MonthlyPayout payout, OutputStream out, Locale locale) throws IOException {
        ReportText text = ReportText.of(locale);
        Workbooks book = new Workbooks();
        XSSFSheet payees = book.sheet(text.get("sheet.mileagePayees"), "Payees");
        Workbooks.widths(payees, 24, 12, 12, 16);
        Row title = payees.createRow(0);
        Workbooks.text(title, 0, text.get("report.mileage"), book.heading);
        Row month = payees.createRow(1);
        Workbooks.text(month, 0, text.get("mileage.field.month"), book.label);
        Workbooks.text(month, 1, payout.month(), null);
        Row total = payees.createRow(2);
        Workbooks.text(total, 0, text.get("mileage.field.total"), book.label);
        Workbooks.number(total, 1, payout.netWon(), null);
        if (payout.truncated()) {
            Workbooks.text(payees.createRow(3), 0, text.get("mileage.field.truncated"), book.label);
        }
        int headerRow = 4;
        String[] columns = {"mileage.column.payee", "mileage.column.awards", "mileage.column.reversals", "mileage.column.net"};
        header(book, payees.createRow(headerRow), text, columns);
        int r = headerRow + 1;
        for (PayeeTotal p : payout.payees()) {
            Row row = payees.createRow(r++);
            Workbooks.text(row, 0, p.payeeCode(), null);
            Workbooks.number(row, 1, p.awards(), null);
            Workbooks.number(row, 2, p.reversals(), null);
            Workbooks.number(row, 3, p.netWon(), null);
        }
        payees.createFreezePane(0, headerRow + 1);
        payees.setAutoFilter(new CellRangeAddress(headerRow, Math.max(headerRow, r - 1), 0, columns.length - 1));

        XSSFSheet entries = book.sheet(text.get("sheet.mileageEntries"), "Entries");
        Workbooks.widths(entries, 38, 24, 38, 40, 8, 12, 12, 38);
        String[] entryColumns = {"mileage.column.entry", "mileage.column.payee", "mileage.column.poll",
                "mileage.column.pollTitle", "mileage.column.kind", "mileage.column.day", "mileage.column.amount",
                "mileage.column.reverses"};
        header(book, entries.createRow(0), text, entryColumns);
        r = 1;
        for (MileageEntryView e : payout.entries()) {
            Row row = entries.createRow(r++);
            Workbooks.text(row, 0, e.id().toString(), null);
            Workbooks.text(row, 1, e.payeeCode(), null);
            Workbooks.text(row, 2, e.pollId().toString(), null);
            Workbooks.text(row, 3, e.pollTitle(), null);
            Workbooks.text(row, 4, text.get("mileage.kind." + e.kind().name()), null);
            Workbooks.text(row, 5, e.day().toString(), null);
            Workbooks.number(row, 6, e.amountWon(), null);
            Workbooks.text(row, 7, e.reverses() == null ? null : e.reverses().toString(), null);
        }
        entries.createFreezePane(0, 1);
        entries.setAutoFilter(new CellRangeAddress(0, Math.max(0, r - 1), 0, entryColumns.length - 1));
        book.writeTo(out);
    }

    private static void header(Workbooks book, Row row, ReportText text, String[] columns) {
        for (int c = 0; c < columns.length; c++) {
            Workbooks.text(row, c, text.get(columns[c]), book.header);
        }
    }
}
