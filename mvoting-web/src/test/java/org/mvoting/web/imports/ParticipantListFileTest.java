package org.mvoting.web.imports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.mvoting.api.events.ParticipantRow;

class ParticipantListFileTest {

    @Test
    void aCsvWithAHeaderGivesNamePhoneAndGroupWithFileRowNumbers() throws Exception {
        String csv = "\uFEFF이름,전화번호,조\n김하나,010-2345-6789,1조\n\"이, 둘\";01098765432\n\n";
        ParticipantListFile file = ParticipantListFile.read(csv.getBytes(StandardCharsets.UTF_8), "text/csv");
        assertEquals(2, file.firstRow());
        assertEquals(new ParticipantRow("김하나", "010-2345-6789", "1조"), file.rows().get(0));
        assertEquals(new ParticipantRow("이, 둘", "01098765432", ""), file.rows().get(1), "quoted separators; no group");
        assertEquals(2, file.rows().size(), "the last newline is no row");
    }

    @Test
    void anExcelSheetKeepsTheLeadingZeroOfANumberTypedAsANumber() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            XSSFSheet sheet = workbook.createSheet();
            sheet.createRow(0).createCell(0).setCellValue("이름");
            sheet.getRow(0).createCell(1).setCellValue("전화");
            sheet.createRow(1).createCell(0).setCellValue("박셋");
            sheet.getRow(1).createCell(1).setCellValue(1023456789d);
            sheet.getRow(1).createCell(2).setCellValue("3조");
            workbook.write(out);
        }
        ParticipantListFile file = ParticipantListFile.read(out.toByteArray(), PhoneListFile.XLSX);
        assertEquals(List.of(new ParticipantRow("박셋", "01023456789", "3조")), file.rows());
        assertEquals(2, file.firstRow());
    }

    @Test
    void somethingThatIsNotAWorkbookIsRefused() {
        assertThrows(PhoneListFile.UnreadableFileException.class,
                () -> ParticipantListFile.read("garbage".getBytes(StandardCharsets.UTF_8), PhoneListFile.XLSX));
    }
}
