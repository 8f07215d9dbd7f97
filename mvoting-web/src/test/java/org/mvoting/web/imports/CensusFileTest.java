package org.mvoting.web.imports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.mvoting.api.panel.CensusRow;

class CensusFileTest {

    @Test
    void aCsvWithAHeaderGivesItsFourColumnsWithFileRowNumbers() throws Exception {
        String csv = "\uFEFF자치구,성별,연령대,인구\n마포구,여,40-49,\"12,345\"\nMAPO;MALE;70+;9\n\n";
        CensusFile file = CensusFile.read(csv.getBytes(StandardCharsets.UTF_8), "text/csv");
        assertEquals(2, file.firstRow());
        assertEquals(List.of(new CensusRow("마포구", "여", "40-49", "12,345"), new CensusRow("MAPO", "MALE", "70+", "9")),
                file.rows());
    }

    @Test
    void aCsvWithoutHeaderStartsAtRowOne() throws Exception {
        CensusFile file = CensusFile.read("JUNG,FEMALE,10,100".getBytes(StandardCharsets.UTF_8), "text/csv");
        assertEquals(1, file.firstRow());
        assertEquals(List.of(new CensusRow("JUNG", "FEMALE", "10", "100")), file.rows());
    }

    @Test
    void anExcelSheetGivesNumbersAsTyped() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            XSSFSheet sheet = workbook.createSheet();
            sheet.createRow(0).createCell(0).setCellValue("district");
            sheet.getRow(0).createCell(3).setCellValue("population");
            sheet.createRow(1).createCell(0).setCellValue("강남구");
            sheet.getRow(1).createCell(1).setCellValue("남");
            sheet.getRow(1).createCell(2).setCellValue(30d);
            sheet.getRow(1).createCell(3).setCellValue(45210d);
            workbook.write(out);
        }
        CensusFile file = CensusFile.read(out.toByteArray(), PhoneListFile.XLSX);
        assertEquals(List.of(new CensusRow("강남구", "남", "30", "45210")), file.rows());
        assertEquals(2, file.firstRow());
    }

    @Test
    void tooManyRowsOrNoWorkbookIsRefused() {
        String many = "JUNG,FEMALE,10,1\n".repeat(CensusFile.MAX_ROWS + 1);
        assertThrows(PhoneListFile.UnreadableFileException.class,
                () -> CensusFile.read(many.getBytes(StandardCharsets.UTF_8), "text/csv"));
        assertThrows(PhoneListFile.UnreadableFileException.class,
                () -> CensusFile.read("garbage".getBytes(StandardCharsets.UTF_8), PhoneListFile.XLSX));
    }
}
