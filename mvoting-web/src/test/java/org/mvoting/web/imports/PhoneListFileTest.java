package org.mvoting.web.imports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

class PhoneListFileTest {

    @Test
    void aCsvGivesItsFirstColumnSkippingTheHeaderAndTheBom() throws Exception {
        byte[] csv = "\uFEFF전화번호,이름\r\n010-1234-5678,김\r\n\"01098765432\",이\r\nnot a phone;x\r\n\r\n".getBytes(StandardCharsets.UTF_8);
        PhoneListFile list = PhoneListFile.read(csv, "text/csv");
        assertEquals(List.of("010-1234-5678", "01098765432", "not a phone"), list.values());
        assertEquals(2, list.firstRow(), "row numbers as in the file");
    }

    @Test
    void aListWithoutHeaderStartsAtRowOne() throws Exception {
        PhoneListFile list = PhoneListFile.read("01012345678\n01012345679\n".getBytes(StandardCharsets.UTF_8), "text/plain");
        assertEquals(2, list.values().size());
        assertEquals(1, list.firstRow());
    }

    @Test
    void anExcelNumberGetsItsLeadingZeroBack() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            XSSFSheet sheet = workbook.createSheet();
            sheet.createRow(0).createCell(0).setCellValue("phone");
            sheet.createRow(1).createCell(0).setCellValue(1012345678d);
            sheet.createRow(2).createCell(0).setCellValue("010-2222-3333");
            workbook.write(out);
        }
        PhoneListFile list = PhoneListFile.read(out.toByteArray(), PhoneListFile.XLSX);
        assertEquals(List.of("01012345678", "010-2222-3333"), list.values());
        assertEquals(2, list.firstRow());
    }

    @Test
    void tooManyRowsOrABrokenWorkbookAreRefused() {
        String many = "01012345678\n".repeat(PhoneListFile.MAX_ROWS + 1);
        assertThrows(PhoneListFile.UnreadableFileException.class,
                () -> PhoneListFile.read(many.getBytes(StandardCharsets.UTF_8), "text/csv"));
        assertThrows(PhoneListFile.UnreadableFileException.class,
                () -> PhoneListFile.read("not a zip".getBytes(StandardCharsets.UTF_8), PhoneListFile.XLSX));
    }
}
