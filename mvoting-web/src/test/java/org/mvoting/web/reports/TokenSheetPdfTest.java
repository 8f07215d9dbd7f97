package org.mvoting.web.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.LuminanceSource;
import com.google.zxing.MultiFormatReader;
import com.google.zxing.NotFoundException;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.lowagie.text.pdf.PRStream;
import com.lowagie.text.pdf.PdfDictionary;
import com.lowagie.text.pdf.PdfName;
import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TokenSheetPdfTest {

    private static final String TITLE = "2026 시민 타운홀 미팅";
    private static final String WHEN = "2026년 4월 18일(토) 14:00 · 시청 대강당";

    /** Codes like the real ones (no 0/O, 1/I) and join URLs that differ per card. */
    private static List<TokenSheetPdf.Card> cards(int count) {
        String alphabet = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ";
        List<TokenSheetPdf.Card> cards = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            StringBuilder code = new StringBuilder();
            long n = 0x9E3779B97F4A7C15L * (i + 1);
            for (int c = 0; c < 8; c++) {
                if (c == 4) {
                    code.append('-');
                }
                code.append(alphabet.charAt((int) ((n >>> (c * 5)) & 31)));
            }
            cards.add(new TokenSheetPdf.Card(code.toString(),
                    "https://vote.example.go.kr/e/TH2026?t=" + code));
        }
        return cards;
    }

    @Test
    void twentyThreeCardsFillThreePagesAndEachCodeCanBeRead() throws Exception {
        List<TokenSheetPdf.Card> cards = cards(23);
        PdfReader reader = new PdfReader(TokenSheetPdf.render(TITLE, WHEN, cards));
        assertEquals(3, reader.getNumberOfPages(), "10 cards a page");
        PdfTextExtractor extractor = new PdfTextExtractor(reader);
        StringBuilder text = new StringBuilder();
        for (int page = 1; page <= reader.getNumberOfPages(); page++) {
            text.append(extractor.getTextFromPage(page)).append('\n');
        }
        // the code's letters sit in cells of one width, and OpenPDF's extractor reads the gaps as spaces
        String unspaced = text.toString().replace(" ", "");
        for (TokenSheetPdf.Card card : cards) {
            assertTrue(unspaced.contains(card.code()), "missing " + card.code() + " in:\n" + text);
        }
        assertTrue(text.toString().contains(TITLE) && text.toString().contains(WHEN), "the shared face is text too");
        assertTrue(text.toString().contains("한 사람만, 한 번만 쓸 수 있습니다."), text.toString());
        assertEquals(TITLE, reader.getInfo().get("Title"));
        reader.close();
    }

    @Test
    void theQrImagesOnAPageOpenThatPagesJoinUrls() throws Exception {
        List<TokenSheetPdf.Card> cards = cards(23);
        PdfReader reader = new PdfReader(TokenSheetPdf.render(TITLE, WHEN, cards));
        // the last page holds cards 21 to 23: its images, read back from the PDF, are those cards' QR codes
        Set<String> decoded = new LinkedHashSet<>();
        PdfDictionary images = reader.getPageN(3).getAsDict(PdfName.RESOURCES).getAsDict(PdfName.XOBJECT);
        for (PdfName name : images.getKeys()) {
            PdfDictionary object = (PdfDictionary) PdfReader.getPdfObject(images.get(name));
            if (PdfName.IMAGE.equals(object.getAsName(PdfName.SUBTYPE))) {
                decoded.add(decode(pixels((PRStream) object)));
            }
        }
        Set<String> expected = new LinkedHashSet<>();
        cards.subList(20, 23).forEach(card -> expected.add(card.joinUrl()));
        assertEquals(expected, decoded);
        reader.close();
    }

    @Test
    void theQrHelperDrawsACodeThatDecodesToTheJoinUrl() throws Exception {
        String url = cards(1).get(0).joinUrl();
        assertEquals(url, decode(TokenSheetPdf.qrImage(url, 4)));
        assertEquals("https://vote.example.go.kr/행사/TH2026?t=K7P3-9XQ2",
                decode(TokenSheetPdf.qrImage("https://vote.example.go.kr/행사/TH2026?t=K7P3-9XQ2", 4)));
    }

    @Test
    void theCodeIsPrintedLargeEnoughToRead() {
        var font = ReportFonts.hangul();
        float size = TokenSheetPdf.codeSize("K7P3-9XQ2", font, 150);
        assertTrue(size >= 18 && size <= TokenSheetPdf.CODE_SIZE, "size " + size);
        assertTrue(TokenSheetPdf.codeSize("K7P3-9XQ2-K7P3-9XQ2-K7P3", font, 150) >= 16);
    }

    @Test
    void aThousandCardsAreQuickAndSmall() throws Exception {
        List<TokenSheetPdf.Card> cards = cards(1000);
        TokenSheetPdf.render(TITLE, WHEN, cards(20)); // load the font and classes first
        long start = System.nanoTime();
        byte[] pdf = TokenSheetPdf.render(TITLE, WHEN, cards);
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertTrue(millis < 10_000, "took " + millis + " ms");
        assertTrue(pdf.length < 2_000_000, pdf.length + " bytes");
        PdfReader reader = new PdfReader(pdf);
        assertEquals(100, reader.getNumberOfPages());
        reader.close();
    }

    @Test
    void noCardsGiveOnePageThatSaysSo() throws Exception {
        PdfReader reader = new PdfReader(TokenSheetPdf.render(TITLE, WHEN, List.of()));
        assertEquals(1, reader.getNumberOfPages());
        String text = new PdfTextExtractor(reader).getTextFromPage(1);
        assertTrue(text.contains("인쇄할 비밀 코드 카드가 없습니다."), text);
        assertTrue(text.contains(TITLE), text);
        reader.close();
    }

    @Test
    void aCardWithoutACodeOrUrlIsRefused() {
        assertThrows(IllegalArgumentException.class,
                () -> TokenSheetPdf.render(TITLE, WHEN, List.of(new TokenSheetPdf.Card(" ", "https://x.example/"))));
        assertThrows(IllegalArgumentException.class,
                () -> TokenSheetPdf.render(TITLE, WHEN, List.of(new TokenSheetPdf.Card("K7P3-9XQ2", null))));
    }

    /** A 1-bit gray image XObject as pixels, scaled up as a printer would (a set bit is white). */
    private static BufferedImage pixels(PRStream image) throws Exception {
        int width = image.getAsNumber(PdfName.WIDTH).intValue();
        int height = image.getAsNumber(PdfName.HEIGHT).intValue();
        assertEquals(1, image.getAsNumber(PdfName.BITSPERCOMPONENT).intValue());
        byte[] bits = PdfReader.getStreamBytes(image);
        int rowBytes = (width + 7) / 8;
        int scale = 4;
        BufferedImage pixels = new BufferedImage(width * scale, height * scale, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < pixels.getHeight(); y++) {
            for (int x = 0; x < pixels.getWidth(); x++) {
                int px = x / scale;
                boolean white = (bits[(y / scale) * rowBytes + px / 8] & (0x80 >>> (px % 8))) != 0;
                pixels.setRGB(x, y, white ? 0xFFFFFF : 0x000000);
            }
        }
        return pixels;
    }

    private static String decode(BufferedImage image) throws NotFoundException {
        int[] argb = image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
        LuminanceSource source = new RGBLuminanceSource(image.getWidth(), image.getHeight(), argb);
        return new MultiFormatReader().decode(new BinaryBitmap(new HybridBinarizer(source))).getText();
    }
}
