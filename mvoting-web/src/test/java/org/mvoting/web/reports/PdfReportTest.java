package org.mvoting.web.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mvoting.web.reports.Fixtures.bytes;

import com.lowagie.text.pdf.PdfDictionary;
import com.lowagie.text.pdf.PdfName;
import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class PdfReportTest {

    @Test
    void koreanResultsPdfShowsThePollTheCountsAndEmbedsItsFont() throws Exception {
        byte[] pdf = bytes(out -> ResultsPdf.write(Fixtures.report(), out, Locale.KOREAN));
        PdfReader reader = new PdfReader(pdf);
        String text = text(reader);
        for (String expected : new String[] {Fixtures.TITLE, "투표 결과 보고서", Fixtures.DEPARTMENT,
                "2026-03-02 09:00 ~ 2026-03-09 18:00", "총 투표 수", "240", "최종 결과", "일치(실시간 집계와 재집계가 같음)",
                "2026-03-10 10:30", Fixtures.AUTHOR, "1. " + Fixtures.QUESTION_1, "2. " + Fixtures.QUESTION_2,
                Fixtures.HANBIT, "150", "62.5%", "어린이 놀이터", "140", "58.3%", "순위 점수", "610", "득표 수", "득표율(%)"}) {
            assertTrue(text.contains(expected), "missing '" + expected + "' in:\n" + text);
        }
        assertEquals(Fixtures.TITLE, reader.getInfo().get("Title"));
        assertEquals(Set.of("NanumGothic"), embeddedFonts(reader));
        assertTrue(pdf.length < 200_000, "the font is embedded as a subset, not whole: " + pdf.length + " bytes");
        reader.close();
    }

    @Test
    void englishLiveResultsGetEnglishLabelsAndSpanPages() throws Exception {
        byte[] pdf = bytes(out -> ResultsPdf.write(Fixtures.longLiveReport(), out, Locale.ENGLISH));
        PdfReader reader = new PdfReader(pdf);
        String text = text(reader);
        for (String expected : new String[] {"Poll results report", "Department", "Not set", "Ballots cast", "3,240",
                "Live tally (voting still open)", "Not yet (checked when voting closes)", "Votes", "Share (%)",
                "선택지 80번 — 동네 이름 후보"}) {
            assertTrue(text.contains(expected), "missing '" + expected + "' in:\n" + text);
        }
        assertFalse(text.contains("Ranking points"), "points are shown for ranking questions only");
        assertTrue(reader.getNumberOfPages() > 1);
        assertEquals(Set.of("NanumGothic"), embeddedFonts(reader));
        reader.close();
    }

    private static String text(PdfReader reader) throws Exception {
        PdfTextExtractor extractor = new PdfTextExtractor(reader);
        StringBuilder text = new StringBuilder();
        for (int page = 1; page <= reader.getNumberOfPages(); page++) {
            text.append(extractor.getTextFromPage(page)).append('\n');
        }
        return text.toString();
    }

    /** The fonts used on every page, each checked to be a subset embedded as a TrueType font program. */
    private static Set<String> embeddedFonts(PdfReader reader) {
        Set<String> names = new TreeSet<>();
        for (int page = 1; page <= reader.getNumberOfPages(); page++) {
            PdfDictionary fonts = reader.getPageN(page).getAsDict(PdfName.RESOURCES).getAsDict(PdfName.FONT);
            assertNotNull(fonts, "page " + page + " uses no font");
            for (PdfName key : fonts.getKeys()) {
                PdfDictionary font = fonts.getAsDict(key);
                assertEquals(PdfName.TYPE0, font.getAsName(PdfName.SUBTYPE));
                PdfDictionary descendant = font.getAsArray(PdfName.DESCENDANTFONTS).getAsDict(0);
                PdfDictionary descriptor = descendant.getAsDict(PdfName.FONTDESCRIPTOR);
                assertNotNull(descriptor.get(PdfName.FONTFILE2), "font " + key + " is not embedded");
                String name = PdfName.decodeName(font.getAsName(PdfName.BASEFONT).toString());
                assertTrue(name.matches("[A-Z]{6}\\+.*"), "not a subset: " + name);
                names.add(name.substring(7).replaceAll("-Identity-H$", ""));
            }
        }
        return names;
    }
}
