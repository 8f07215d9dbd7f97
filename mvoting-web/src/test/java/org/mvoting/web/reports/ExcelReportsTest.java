package org.mvoting.web.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mvoting.web.reports.Fixtures.bytes;

import java.io.ByteArrayInputStream;
import java.time.LocalDateTime;
import java.util.Locale;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.mvoting.api.ballots.ResultsView;

class ExcelReportsTest {

    @Test
    void resultsWorkbookHasTheSummaryAndNumericVoteAndShareCells() throws Exception {
        try (XSSFWorkbook book = open(bytes(out -> ResultsExcel.write(Fixtures.report(), out, Locale.KOREAN)))) {
            assertEquals(1, book.getNumberOfSheets());
            Sheet sheet = book.getSheetAt(0);
            assertEquals(Fixtures.TITLE, sheet.getSheetName());
            assertEquals("투표 제목", text(sheet, 0, 0));
            assertEquals(Fixtures.TITLE, text(sheet, 0, 1));
            assertEquals(Fixtures.DEPARTMENT, text(sheet, 1, 1));
            assertEquals("2026-03-02 09:00 ~ 2026-03-09 18:00", text(sheet, 2, 1));
            assertEquals("총 투표 수", text(sheet, 3, 0));
            assertEquals(CellType.NUMERIC, sheet.getRow(3).getCell(1).getCellType());
            assertEquals(240, sheet.getRow(3).getCell(1).getNumericCellValue());
            assertEquals("최종 결과", text(sheet, 4, 1));
            Cell generated = sheet.getRow(6).getCell(1);
            assertTrue(DateUtil.isCellDateFormatted(generated));
            assertEquals(LocalDateTime.of(2026, 3, 10, 10, 30), generated.getLocalDateTimeCellValue());

            assertNotNull(rowStartingWith(sheet, "1. " + Fixtures.QUESTION_1));
            assertNotNull(rowStartingWith(sheet, "2. " + Fixtures.QUESTION_2));
            Row hanbit = rowStartingWith(sheet, Fixtures.HANBIT);
            assertEquals(CellType.NUMERIC, hanbit.getCell(1).getCellType());
            assertEquals(150, hanbit.getCell(1).getNumericCellValue());
            assertEquals(CellType.NUMERIC, hanbit.getCell(2).getCellType());
            assertEquals(0.625, hanbit.getCell(2).getNumericCellValue(), 1e-9);
            assertEquals("0.0%", hanbit.getCell(2).getCellStyle().getDataFormatString());
            Row header = sheet.getRow(hanbit.getRowNum() - 1);
            assertEquals("득표 수", header.getCell(1).getStringCellValue());

            // A label that looks like a formula is stored as plain text, never as a formula.
            Row formula = rowStartingWith(sheet, Fixtures.FORMULA);
            assertEquals(CellType.STRING, formula.getCell(0).getCellType());
            assertEquals(60, formula.getCell(1).getNumericCellValue());
            Row ranking = rowStartingWith(sheet, "+산책로");
            assertEquals(530, ranking.getCell(3).getNumericCellValue());
        }
    }

    @Test
    void englishLabelsAndSafeSheetNames() throws Exception {
        ResultsView hostile = new ResultsView(null, "[임시] 2026/27 예산: 어디에 쓸까요? *긴 제목이 서른한 자를 넘어갑니다*",
                Fixtures.results().status(), 0, false, null, Fixtures.results().questions());
        ResultsReport report = new ResultsReport(hostile, null, null, null, null, null);
        try (XSSFWorkbook book = open(bytes(out -> ResultsExcel.write(report, out, Locale.ENGLISH)))) {
            Sheet sheet = book.getSheetAt(0);
            String name = sheet.getSheetName();
            assertTrue(name.length() <= 31, name);
            assertFalse(name.matches(".*[\\[\\]*?/\\\\:].*"), name);
            assertEquals("Poll", text(sheet, 0, 0));
            assertEquals("Not set", text(sheet, 1, 1));
            assertEquals("Not set to Not set", text(sheet, 2, 1));
            assertEquals("Live tally (voting still open)", text(sheet, 4, 1));
            assertEquals("Not yet (checked when voting closes)", text(sheet, 5, 1));
            assertEquals("Votes", rowStartingWith(sheet, "Option").getCell(1).getStringCellValue());
        }
        for (String title : new String[] {" ", "???", "History", null}) {
            ResultsView untitled = new ResultsView(null, title, Fixtures.results().status(), 0, true, true, null);
            try (XSSFWorkbook book = open(bytes(out -> ResultsExcel.write(
                    new ResultsReport(untitled, null, null, null, null, null), out, Locale.KOREAN)))) {
                assertEquals("요약", book.getSheetAt(0).getSheetName(), "title " + title);
            }
        }
    }

    @Test
    void auditWorkbookHasTypedCellsAndAFrozenHeader() throws Exception {
        try (XSSFWorkbook book = open(bytes(out -> AuditExcel.write(Fixtures.audit(), out, Locale.KOREAN)))) {
            Sheet sheet = book.getSheetAt(0);
            assertEquals("감사 기록", sheet.getSheetName());
            assertEquals("번호", text(sheet, 0, 0));
            assertEquals("내용", text(sheet, 0, 5));
            assertEquals(3, sheet.getLastRowNum());
            assertEquals(CellType.NUMERIC, sheet.getRow(2).getCell(0).getCellType());
            assertEquals(2, sheet.getRow(2).getCell(0).getNumericCellValue());
            assertTrue(DateUtil.isCellDateFormatted(sheet.getRow(2).getCell(1)));
            assertEquals(LocalDateTime.of(2026, 3, 9, 18, 12), sheet.getRow(2).getCell(1).getLocalDateTimeCellValue());
            assertEquals("-admin", text(sheet, 2, 2));
            assertEquals("=cmd|' /C calc'!A0\n두 번째 줄", text(sheet, 2, 5));
            assertEquals(CellType.STRING, sheet.getRow(2).getCell(5).getCellType());
            assertEquals(1, sheet.getPaneInformation().getHorizontalSplitPosition());
        }
        try (XSSFWorkbook book = open(bytes(out -> AuditExcel.write(java.util.List.of(), out, Locale.ENGLISH)))) {
            assertEquals("Audit trail", book.getSheetAt(0).getSheetName());
            assertEquals("Time (Asia/Seoul)", text(book.getSheetAt(0), 0, 1));
        }
    }

    private static XSSFWorkbook open(byte[] xlsx) throws Exception {
        return new XSSFWorkbook(new ByteArrayInputStream(xlsx));
    }

    private static String text(Sheet sheet, int row, int column) {
        return sheet.getRow(row).getCell(column).getStringCellValue();
    }

    private static Row rowStartingWith(Sheet sheet, String first) {
        for (Row row : sheet) {
            Cell cell = row.getCell(0);
            if (cell != null && cell.getCellType() == CellType.STRING && first.equals(cell.getStringCellValue())) {
                return row;
            }
        }
        throw new AssertionError("no row starts with " + first);
    }
}
