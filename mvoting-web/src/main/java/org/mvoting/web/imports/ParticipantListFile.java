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
import org.mvoting.api.events.ParticipantRow;
import org.mvoting.web.imports.PhoneListFile.UnreadableFileException;

/**
 * An event's participant list as operators upload it: columns name, phone, group/table (optional) of a CSV (UTF-8,
 * with or without BOM; comma, semicolon or tab) or of the first sheet of an Excel workbook. A first row whose phone
 * cell has no digit is a header and is skipped. Values are returned as typed; the service judges them and reports
 * every bad row by its number.
 */
public record ParticipantListFile(List<ParticipantRow> rows, int firstRow) {

    public static ParticipantListFile read(byte[] content, String mediaType) throws UnreadableFileException {
        List<List<String>> cells = mediaType != null && mediaType.startsWith(PhoneListFile.XLSX) ? excel(content) : csv(content);
        int firstRow = 1;
        if (!cells.isEmpty() && column(cells.get(0), 1).chars().noneMatch(Character::isDigit)) {
            cells = cells.subList(1, cells.size());
            firstRow = 2;
        }
        if (cells.size() > PhoneListFile.MAX_ROWS) {
            throw new UnreadableFileException("more than " + PhoneListFile.MAX_ROWS + " rows");
        }
        List<ParticipantRow> rows = cells.stream()
                .map(c -> new ParticipantRow(column(c, 0), column(c, 1), column(c, 2))).toList();
        return new ParticipantListFile(rows, firstRow);
    }

    private static String column(List<String> row, int index) {
        return index < row.size() ? row.get(index) : "";
    }

    private static List<List<String>> csv(byte[] content) {
        String text = new String(content, StandardCharsets.UTF_8);
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        List<List<String>> rows = new ArrayList<>();
        for (String line : text.split("\r\n|\r|\n", -1)) {
            rows.add(cells(line));
        }
        while (!rows.isEmpty() && String.join("", rows.get(rows.size() - 1)).isBlank()) {
            rows.remove(rows.size() - 1); // the file's last newline, not a row
        }
        return rows;
    }

    /** One CSV line's cells: a quoted cell may hold the separators (comma, semicolon, tab) and doubled quotes. */
    static List<String> cells(String line) {
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    cell.append(c);
                }
            } else if (c == '"' && cell.toString().isBlank()) {
                quoted = true;
                cell.setLength(0);
            } else if (c == ',' || c == ';' || c == '\t') {
                cells.add(cell.toString().strip());
                cell.setLength(0);
            } else {
                cell.append(c);
            }
        }
        cells.add(cell.toString().strip());
        return cells;
    }

    private static List<List<String>> excel(byte[] content) throws UnreadableFileException {
        try (Workbook workbook = new XSSFWorkbook(new ByteArrayInputStream(content))) {
            Sheet sheet = workbook.getSheetAt(0);
            DataFormatter format = new DataFormatter();
            List<List<String>> rows = new ArrayList<>();
            for (int r = sheet.getFirstRowNum(); r <= sheet.getLastRowNum() && rows.size() <= PhoneListFile.MAX_ROWS + 1; r++) {
                Row row = sheet.getRow(r);
                List<String> values = new ArrayList<>();
                for (int c = 0; c < 3; c++) {
                    Cell cell = row == null ? null : row.getCell(c);
                    if (c == 1 && cell != null && cell.getCellType() == CellType.NUMERIC) {
                        // 1012345678 typed as a number loses its leading zero: put it back for a Korean mobile number
                        String digits = format.formatCellValue(cell).replaceAll("[^0-9]", "");
                        values.add(digits.startsWith("1") && digits.length() >= 9 ? "0" + digits : digits);
                    } else {
                        values.add(cell == null ? "" : format.formatCellValue(cell).strip());
                    }
                }
                rows.add(values);
            }
            while (!rows.isEmpty() && String.join("", rows.get(rows.size() - 1)).isBlank()) {
                rows.remove(rows.size() - 1);
            }
            return rows;
        } catch (IOException | RuntimeException e) {
            throw new UnreadableFileException("not a readable .xlsx workbook");
        }
    }
}
