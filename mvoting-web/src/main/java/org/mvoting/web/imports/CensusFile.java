package org.mvoting.web.imports;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.mvoting.api.panel.CensusRow;
import org.mvoting.web.imports.PhoneListFile.UnreadableFileException;

/**
 * A census table as the city uploads it: columns district, gender, age band, population of a CSV (UTF-8, with or
 * without BOM; comma, semicolon or tab; cells as {@link ParticipantListFile} reads them) or of the first sheet of an
 * Excel workbook. A first row whose population cell has no digit is a header and is skipped. Values are returned as
 * typed; the service judges them and reports every bad row by its number.
 */
public record CensusFile(List<CensusRow> rows, int firstRow) {

    /** 25 districts x 2 genders x 7 bands = 350 rows; room for a few notes, not for a wrong file of any size. */
    public static final int MAX_ROWS = 1_000;
    private static final int COLUMNS = 4;

    public static CensusFile read(byte[] content, String mediaType) throws UnreadableFileException {
        List<List<String>> cells = mediaType != null && mediaType.startsWith(PhoneListFile.XLSX) ? excel(content) : csv(content);
        int firstRow = 1;
        if (!cells.isEmpty() && column(cells.get(0), 3).chars().noneMatch(Character::isDigit)) {
            cells = cells.subList(1, cells.size());
            firstRow = 2;
        }
        if (cells.size() > MAX_ROWS) {
            throw new UnreadableFileException("more than " + MAX_ROWS + " rows");
        }
        List<CensusRow> rows = cells.stream()
                .map(c -> new CensusRow(column(c, 0), column(c, 1), column(c, 2), column(c, 3))).toList();
        return new CensusFile(rows, firstRow);
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
            rows.add(ParticipantListFile.cells(line));
        }
        trimBlankTail(rows);
        return rows;
    }

    private static List<List<String>> excel(byte[] content) throws UnreadableFileException {
        try (Workbook workbook = new XSSFWorkbook(new ByteArrayInputStream(content))) {
            Sheet sheet = workbook.getSheetAt(0);
            DataFormatter format = new DataFormatter();
            List<List<String>> rows = new ArrayList<>();
            for (int r = sheet.getFirstRowNum(); r <= sheet.getLastRowNum() && rows.size() <= MAX_ROWS + 1; r++) {
                Row row = sheet.getRow(r);
                List<String> values = new ArrayList<>();
                for (int c = 0; c < COLUMNS; c++) {
                    Cell cell = row == null ? null : row.getCell(c);
                    values.add(cell == null ? "" : format.formatCellValue(cell).strip());
                }
                rows.add(values);
            }
            trimBlankTail(rows);
            return rows;
        } catch (IOException | RuntimeException e) {
            throw new UnreadableFileException("not a readable .xlsx workbook");
        }
    }

    /** The file's last newline (or a sheet's empty last rows) are not rows. */
    private static void trimBlankTail(List<List<String>> rows) {
        while (!rows.isEmpty() && String.join("", rows.get(rows.size() - 1)).isBlank()) {
            rows.remove(rows.size() - 1);
        }
    }
}
