package org.mvoting.web.imports;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * A phone list as a department uploads it: the first column of a CSV (UTF-8, with or without BOM; comma, semicolon
 * or tab) or of the first sheet of an Excel workbook. A first row without any digit is a header and is skipped.
 * Values are returned as typed; judging them is the service's job (so the report names every bad row).
 */
public record PhoneListFile(List<String> values, int firstRow) {

    public static final int MAX_ROWS = 3_000;
    public static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /** Too many rows, or a file that is not what it claims to be. */
    public static final class UnreadableFileException extends Exception {
        private static final long serialVersionUID = 1L;

        public UnreadableFileException(String message) {
            super(message, null, false, false);
        }
    }

    public static PhoneListFile read(byte[] content, String mediaType) throws UnreadableFileException {
        List<String> cells = mediaType != null && mediaType.startsWith(XLSX) ? excel(content) : csv(content);
        int firstRow = 1;
        if (!cells.isEmpty() && cells.get(0).chars().noneMatch(Character::isDigit)) {
            cells = cells.subList(1, cells.size());
            firstRow = 2;
        }
        if (cells.size() > MAX_ROWS) {
            throw new UnreadableFileException("more than " + MAX_ROWS + " rows");
        }
        return new PhoneListFile(List.copyOf(cells), firstRow);
    }

    private static List<String> csv(byte[] content) {
        String text = new String(content, StandardCharsets.UTF_8);
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        List<String> values = new ArrayList<>();
        for (String line : text.split("\r\n|\r|\n", -1)) {
            String first = line.split("[,;\t]", 2)[0].strip();
            if (first.length() >= 2 && first.startsWith("\"") && first.endsWith("\"")) {
                first = first.substring(1, first.length() - 1).replace("\"\"", "\"");
            }
            values.add(first);
        }
        while (!values.isEmpty() && values.get(values.size() - 1).isEmpty()) {
            values.remove(values.size() - 1); // the file's last newline, not a row
        }
        return values;
    }

    private static List<String> excel(byte[] content) throws UnreadableFileException {
        try (Workbook workbook = new XSSFWorkbook(new ByteArrayInputStream(content))) {
            Sheet sheet = workbook.getSheetAt(0);
            DataFormatter format = new DataFormatter();
            List<String> values = new ArrayList<>();
            for (int r = sheet.getFirstRowNum(); r <= sheet.getLastRowNum() && values.size() <= MAX_ROWS + 1; r++) {
                Row row = sheet.getRow(r);
                Cell cell = row == null ? null : row.getCell(0);
                if (cell != null && cell.getCellType() == CellType.NUMERIC) {
                    // 1012345678 typed as a number loses its leading zero: put it back for a Korean mobile number
                    String digits = format.formatCellValue(cell).replaceAll("[^0-9]", "");
                    values.add(digits.startsWith("1") && digits.length() >= 9 ? "0" + digits : digits);
                } else {
                    values.add(cell == null ? "" : format.formatCellValue(cell).strip());
                }
            }
            while (!values.isEmpty() && values.get(values.size() - 1).isEmpty()) {
                values.remove(values.size() - 1);
            }
            return values;
        } catch (IOException | RuntimeException e) {
            throw new UnreadableFileException("not a readable .xlsx workbook");
        }
    }
}
