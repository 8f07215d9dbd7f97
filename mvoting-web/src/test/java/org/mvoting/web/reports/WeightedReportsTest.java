package org.mvoting.web.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mvoting.web.reports.Fixtures.bytes;
import static org.mvoting.web.reports.Fixtures.parseCsv;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.mvoting.api.samples.WeightedCategory;
import org.mvoting.api.samples.WeightedOption;
import org.mvoting.api.samples.WeightedQuestion;
import org.mvoting.api.samples.WeightedResultsView;
import org.mvoting.api.samples.WeightedStratum;
import org.mvoting.api.samples.WeightingCensus;
import org.mvoting.api.samples.WeightingMethod;

/** The weighted-results files carry the method written out and the same rounded figures in every format. */
class WeightedReportsTest {

    private static WeightedReport report() {
        WeightingMethod method = new WeightingMethod("RAKING", List.of("DISTRICT", "AGE_BAND"),
                List.of(new WeightingMethod.NotRaked("GENDER", "single-category")), true, 7, 100, 3.2e-7, 1e-6, 5.0,
                1, 1, true, 1.96, 5);
        WeightedQuestion question = new WeightedQuestion(11, 1, "어느 쪽이 좋습니까?", 13, 11.363636363636363,
                1.144, List.of(new WeightedOption(21, "가", 7, 7 / 13.0, 0.64, 0.27905),
                        new WeightedOption(22, "나", 6, 6 / 13.0, 0.36, 0.27905)),
                List.of(new WeightedStratum("JONGNO", "FEMALE", 70, "SHOWN", 6L, 1.3, Map.of(21L, 4L, 22L, 2L)),
                        new WeightedStratum("GANGDONG", "FEMALE", 70, "SUPPRESSED_SMALL", null, null, null),
                        new WeightedStratum("SEODAEMUN", "FEMALE", 70, "SUPPRESSED_COMPLEMENT", null, null, null)),
                List.of(new WeightedCategory("GENDER", "FEMALE", "SHOWN", 13L, Map.of(21L, 0.64, 22L, 0.36)),
                        new WeightedCategory("DISTRICT", "JONGNO", "SHOWN", 6L, Map.of(21L, 2 / 3.0, 22L, 1 / 3.0)),
                        new WeightedCategory("DISTRICT", "GANGDONG", "SUPPRESSED_SMALL", null, null),
                        new WeightedCategory("DISTRICT", "SEODAEMUN", "SUPPRESSED_COMPLEMENT", null, null)));
        WeightedResultsView view = new WeightedResultsView("p", "패널 표본", true,
                new WeightingCensus(3, "2025 주민등록 인구", "행정안전부", true, 5000), method, List.of(question));
        return new WeightedReport(view, "시민소통과", Instant.parse("2026-03-10T01:30:00Z"), "it.operator");
    }

    @Test
    void theCsvWritesTheMethodOutAndTheRoundedFigures() throws Exception {
        List<List<String>> rows = parseCsv(bytes(out -> WeightedCsv.write(report(), out, Locale.ENGLISH)));
        String all = rows.toString();
        assertTrue(all.contains("version 3 2025 주민등록 인구 (source: 행정안전부; N = 5000 people within the design's filters)"
                + " — illustrative table (not real figures)"), all);
        assertTrue(all.contains("Raking (iterative proportional fitting, Deming and Stephan 1940) to the census margins:"
                + " DISTRICT, AGE_BAND"), all);
        assertTrue(all.contains("GENDER (the design filters it to one value)"), all);
        assertTrue(all.contains("7 cycles; largest relative margin deviation left 3.2e-07 (tolerance 1.0e-06, at most 100"
                + " cycles)"), all);
        assertTrue(all.contains("Capped at 5 × the mean weight: 1 strata held at the cap over 1 rounds; cap held: yes"), all);
        assertTrue(all.contains("95 % margin of error = 1.96 · √(deff · p(1 − p) / n)"), all);
        assertTrue(rows.contains(List.of("가", "7", "53.85", "64.00", "27.91")), all);
        assertTrue(rows.contains(List.of("Effective sample size (n_eff)", "11.36")), all);
        assertTrue(rows.contains(List.of("Design effect (deff)", "1.144")), all);
        assertTrue(rows.contains(List.of("JONGNO / FEMALE / 70", "6", "1.3000")), all);
        assertTrue(rows.contains(List.of("GANGDONG / FEMALE / 70", "<5", "<5")), all);
        assertTrue(rows.contains(List.of("SEODAEMUN / FEMALE / 70", "hidden", "hidden")), all);
    }

    @Test
    void everyFormatCarriesTheWeightedSharesPerCategoryWithSmallCategoriesHidden() throws Exception {
        List<List<String>> rows = parseCsv(bytes(out -> WeightedCsv.write(report(), out, Locale.ENGLISH)));
        int header = rows.indexOf(List.of("Dimension", "Category", "Ballots", "가: weighted share (%)",
                "나: weighted share (%)"));
        assertTrue(header > 0, rows.toString());
        assertEquals(List.of(List.of("GENDER", "FEMALE", "13", "64.00", "36.00"),
                List.of("DISTRICT", "JONGNO", "6", "66.67", "33.33"),
                List.of("DISTRICT", "GANGDONG", "<5", "<5", "<5"),
                List.of("DISTRICT", "SEODAEMUN", "hidden", "hidden", "hidden")), rows.subList(header + 1, header + 5));

        byte[] xlsx = bytes(out -> WeightedExcel.write(report(), out, Locale.ENGLISH));
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            Map<String, List<String>> categories = new java.util.LinkedHashMap<>();
            for (var row : book.getSheetAt(0)) {
                if (row.getCell(1) != null && row.getCell(0) != null
                        && List.of("GENDER", "DISTRICT").contains(row.getCell(0).toString())) {
                    List<String> cells = new java.util.ArrayList<>();
                    for (int c = 2; c < 5; c++) {
                        var cell = row.getCell(c);
                        cells.add(cell.getCellType() == org.apache.poi.ss.usermodel.CellType.NUMERIC
                                ? Double.toString(cell.getNumericCellValue()) : cell.getStringCellValue());
                    }
                    categories.put(row.getCell(1).getStringCellValue(), cells);
                }
            }
            assertEquals(List.of("13.0", "64.0", "36.0"), categories.get("FEMALE"));
            assertEquals(List.of("6.0", "66.67", "33.33"), categories.get("JONGNO"), "figures are number cells");
            assertEquals(List.of("<5", "<5", "<5"), categories.get("GANGDONG"));
            assertEquals(List.of("hidden", "hidden", "hidden"), categories.get("SEODAEMUN"));
        }

        byte[] pdf = bytes(out -> WeightedPdf.write(report(), out, Locale.ENGLISH));
        String text;
        try (org.apache.pdfbox.pdmodel.PDDocument document = org.apache.pdfbox.Loader.loadPDF(pdf)) {
            text = new org.apache.pdfbox.text.PDFTextStripper().getText(document);
        }
        String flat = text.replaceAll("\\s+", " ");
        assertTrue(flat.contains("JONGNO 6 66.67 33.33"), text);
        assertTrue(flat.contains("FEMALE 13 64.00 36.00"), text);
        assertTrue(flat.contains("GANGDONG <5 <5 <5"), text);
        assertTrue(flat.contains("SEODAEMUN hidden hidden hidden"), text);
        assertFalse(flat.contains("null"), text);
    }

    @Test
    void koreanIsTheDefaultAndTheWorkbookAndPdfCarryTheSameFigures() throws Exception {
        String csv = new String(bytes(out -> WeightedCsv.write(report(), out, Locale.KOREAN)), StandardCharsets.UTF_8);
        assertTrue(csv.contains("레이킹") && csv.contains("5표 미만 (<5)") && csv.contains("예시용 통계표"), csv);
        assertTrue(csv.contains("구분,범주,응답 수,가 가중 비율 (%),나 가중 비율 (%)"), csv);
        byte[] xlsx = bytes(out -> WeightedExcel.write(report(), out, Locale.KOREAN));
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            var sheet = book.getSheetAt(0);
            boolean found = false;
            for (var row : sheet) {
                if (row.getCell(0) != null && "가".equals(row.getCell(0).toString())) {
                    assertEquals(64.0, row.getCell(3).getNumericCellValue());
                    assertEquals(27.91, row.getCell(4).getNumericCellValue());
                    found = true;
                }
            }
            assertTrue(found);
        }
        byte[] pdf = bytes(out -> WeightedPdf.write(report(), out, Locale.KOREAN));
        assertEquals("%PDF", new String(pdf, 0, 4, StandardCharsets.US_ASCII));
        assertFalse(csv.contains("null"), csv);
    }
}
