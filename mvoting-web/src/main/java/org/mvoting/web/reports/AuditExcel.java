package org.mvoting.web.reports;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.Locale;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.mvoting.api.audit.AuditEntryView;

/**
 * The audit trail as an Excel workbook (xlsx): one sheet with a frozen, filterable header row and one row
 * per entry in the order given; the id is a number and the time a date cell on the city's clock.
 */
public final class AuditExcel {

    private AuditExcel() {
    }

    public static void write(List<AuditEntryView> entries, OutputStream out, Locale locale) throws IOException {
        ReportText text = ReportText.of(locale);
        Workbooks book = new Workbooks();
        XSSFSheet sheet = book.sheet(text.get("sheet.audit"), "Audit");
        Workbooks.widths(sheet, 10, 18, 20, 24, 24, 60, 20);
        String[] columns = {"audit.column.id", "audit.column.occurredAt", "audit.column.actor", "audit.column.action",
                "audit.column.target", "audit.column.detail", "audit.column.source"};
        Row header = sheet.createRow(0);
        for (int c = 0; c < columns.length; c++) {
            Workbooks.text(header, c, text.get(columns[c]), book.header);
        }
        int r = 1;
        for (AuditEntryView entry : entries) {
            Row row = sheet.createRow(r++);
            Workbooks.number(row, 0, entry.id(), null);
            book.time(row, 1, ReportText.local(entry.occurredAt()));
            Workbooks.text(row, 2, entry.actor(), null);
            Workbooks.text(row, 3, entry.action(), null);
            Workbooks.text(row, 4, entry.target(), null);
            Workbooks.text(row, 5, entry.detail(), book.wrap);
            Workbooks.text(row, 6, entry.source(), null);
        }
        sheet.createFreezePane(0, 1);
        sheet.setAutoFilter(new CellRangeAddress(0, Math.max(0, r - 1), 0, columns.length - 1));
        book.writeTo(out);
    }
}
