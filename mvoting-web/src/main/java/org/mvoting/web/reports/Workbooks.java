package org.mvoting.web.reports;

import java.io.IOException;
import java.io.OutputStream;
import java.time.LocalDateTime;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.WorkbookUtil;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * What the two workbooks share: the styles, safe sheet names and typed cells. Text always goes into string
 * cells, which a spreadsheet never evaluates, so a label starting with {@code =} stays text; numbers go into
 * numeric cells and times into date cells on the city's clock. Column widths are set, not measured: measuring
 * needs the fonts of the server's desktop, which a server does not have.
 */
final class Workbooks {

    final XSSFWorkbook workbook = new XSSFWorkbook();
    final CellStyle heading;
    final CellStyle header;
    final CellStyle label;
    final CellStyle percent;
    final CellStyle time;
    final CellStyle wrap;

    Workbooks() {
        Font bold = workbook.createFont();
        bold.setBold(true);
        Font big = workbook.createFont();
        big.setBold(true);
        big.setFontHeightInPoints((short) 14);

        heading = workbook.createCellStyle();
        heading.setFont(big);
        header = workbook.createCellStyle();
        header.setFont(bold);
        header.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
        header.setFillPattern(FillPatternType.SOLID_FOREGROUND);
        label = workbook.createCellStyle();
        label.setFont(bold);
        percent = workbook.createCellStyle();
        percent.setDataFormat(workbook.createDataFormat().getFormat("0.0%"));
        time = workbook.createCellStyle();
        time.setDataFormat(workbook.createDataFormat().getFormat("yyyy-mm-dd hh:mm"));
        wrap = workbook.createCellStyle();
        wrap.setWrapText(true);
    }

    /**
     * A sheet named after {@code name} made safe for Excel (at most 31 characters, none of {@code []*?/\:},
     * no quote at either end); {@code fallback} when nothing usable is left or the name is Excel's reserved
     * "History".
     */
    XSSFSheet sheet(String name, String fallback) {
        String safe = name == null || name.isBlank() ? "" : WorkbookUtil.createSafeSheetName(name.strip()).strip();
        if (safe.isEmpty() || safe.equalsIgnoreCase("History")) {
            safe = WorkbookUtil.createSafeSheetName(fallback);
        }
        return workbook.createSheet(safe);
    }

    static Cell text(Row row, int column, String value, CellStyle style) {
        Cell cell = row.createCell(column);
        if (value != null) {
            cell.setCellValue(value);
        }
        if (style != null) {
            cell.setCellStyle(style);
        }
        return cell;
    }

    static Cell number(Row row, int column, double value, CellStyle style) {
        Cell cell = row.createCell(column);
        cell.setCellValue(value);
        if (style != null) {
            cell.setCellStyle(style);
        }
        return cell;
    }

    Cell time(Row row, int column, LocalDateTime value) {
        Cell cell = row.createCell(column);
        if (value != null) {
            cell.setCellValue(value);
            cell.setCellStyle(time);
        }
        return cell;
    }

    static void widths(XSSFSheet sheet, int... characters) {
        for (int i = 0; i < characters.length; i++) {
            sheet.setColumnWidth(i, Math.min(255, characters[i]) * 256);
        }
    }

    /** Writes the workbook to {@code out} without closing it. */
    void writeTo(OutputStream out) throws IOException {
        try (workbook) {
            workbook.write(out);
        }
        out.flush();
    }
}
