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
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.contentstream.PDFGraphicsStreamEngine;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.graphics.image.PDImage;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;
import org.apache.pdfbox.util.Matrix;
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

    /** Codes as {@code SecretToken} makes them (ten letters in two groups of five) and links as the resource builds them. */
    private static List<TokenSheetPdf.Card> realCards(int count) {
        String alphabet = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ";
        List<TokenSheetPdf.Card> cards = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            StringBuilder code = new StringBuilder();
            long n = 0x9E3779B97F4A7C15L * (i + 7);
            for (int c = 0; c < 10; c++) {
                if (c == 5) {
                    code.append('-');
                }
                // the widest letters first on some cards ("WWWWW-MMMMM"): the code must fit whatever it is made of
                code.append(i % 5 == 0 ? (c < 5 ? 'W' : 'M') : alphabet.charAt((int) ((n >>> (c * 5)) & 31)));
            }
            cards.add(new TokenSheetPdf.Card(code.toString(),
                    "https://vote.hanbit.go.kr/m/#/events/482913?token=" + code));
        }
        return cards;
    }

    @Test
    void everyCardKeepsItsTextOffItsQrCodeAndItsQuietZone() throws Exception {
        List<TokenSheetPdf.Card> cards = realCards(12);
        try (PDDocument pdf = Loader.loadPDF(TokenSheetPdf.render(TITLE, WHEN, cards))) {
            assertEquals(2, pdf.getNumberOfPages());
            for (int page = 0; page < pdf.getNumberOfPages(); page++) {
                List<Rectangle2D> qrs = qrBoxes(pdf.getPage(page));
                List<TextPosition> glyphs = glyphs(pdf, page);
                int onPage = Math.min(TokenSheetPdf.CARDS_PER_PAGE, cards.size() - page * TokenSheetPdf.CARDS_PER_PAGE);
                assertEquals(onPage, qrs.size(), "one QR code a card on page " + (page + 1));
                for (Rectangle2D qr : qrs) {
                    // the image is the whole symbol with its 4-module quiet zone: nothing written may enter it
                    for (TextPosition glyph : glyphs) {
                        Rectangle2D box = glyphBox(glyph);
                        assertTrue(!box.intersects(qr), "'" + glyph.getUnicode() + "' at " + box + " is drawn over the QR"
                                + " code (quiet zone included) at " + qr + " on page " + (page + 1));
                    }
                    for (Rectangle2D other : qrs) {
                        assertTrue(other == qr || !other.intersects(qr), "two QR codes overlap on page " + (page + 1));
                    }
                }
                // the codes were found, every letter of each, left of their card's QR code: the check above saw them
                String text = glyphs.stream().map(TextPosition::getUnicode).reduce("", String::concat);
                for (TokenSheetPdf.Card card : cards.subList(page * TokenSheetPdf.CARDS_PER_PAGE,
                        page * TokenSheetPdf.CARDS_PER_PAGE + onPage)) {
                    assertTrue(text.contains(card.code()), card.code() + " is printed on page " + (page + 1));
                }
            }
        }
    }

    @Test
    void theQrImagesHaveTheirFourModuleQuietZone() throws Exception {
        try (PDDocument pdf = Loader.loadPDF(TokenSheetPdf.render(TITLE, WHEN, realCards(1)))) {
            PDPage page = pdf.getPage(0);
            for (COSName name : page.getResources().getXObjectNames()) {
                if (page.getResources().getXObject(name) instanceof PDImageXObject image) {
                    BufferedImage pixels = image.getImage();
                    int size = pixels.getWidth();
                    int dark = 0;
                    for (int y = 0; y < size; y++) {
                        for (int x = 0; x < size; x++) {
                            boolean margin = x < 4 || y < 4 || x >= size - 4 || y >= size - 4;
                            boolean black = (pixels.getRGB(x, y) & 0xFF) < 128;
                            assertTrue(!(margin && black), "a dark module at " + x + "," + y + " in the quiet zone");
                            dark += black ? 1 : 0;
                        }
                    }
                    assertTrue(dark > size, "the symbol itself is there");
                }
            }
        }
    }

    @Test
    void eachCardsQrCodeOnThePrintedPageOpensItsOwnJoinLink() throws Exception {
        List<TokenSheetPdf.Card> cards = realCards(12);
        float dpi = 200; // an office printer prints at 300 to 600; a phone's camera sees less than this
        try (PDDocument pdf = Loader.loadPDF(TokenSheetPdf.render(TITLE, WHEN, cards))) {
            PDFRenderer renderer = new PDFRenderer(pdf);
            List<String> read = new ArrayList<>();
            for (int page = 0; page < pdf.getNumberOfPages(); page++) {
                BufferedImage printed = renderer.renderImageWithDPI(page, dpi, ImageType.RGB);
                float pageHeight = pdf.getPage(page).getMediaBox().getHeight();
                float scale = dpi / 72;
                // the cards in print order: rows from the top, left to right
                List<Rectangle2D> qrs = new ArrayList<>(qrBoxes(pdf.getPage(page)));
                qrs.sort(java.util.Comparator.comparingDouble((Rectangle2D r) -> -r.getMaxY()).thenComparingDouble(Rectangle2D::getMinX));
                for (Rectangle2D qr : qrs) {
                    // the QR code's own box, quiet zone included, cut out of the printed page as a camera frames it
                    int x = (int) Math.floor(qr.getMinX() * scale);
                    int y = (int) Math.floor((pageHeight - qr.getMaxY()) * scale);
                    int size = (int) Math.ceil(qr.getWidth() * scale);
                    read.add(decode(printed.getSubimage(x, y, Math.min(size, printed.getWidth() - x),
                            Math.min(size, printed.getHeight() - y))));
                }
            }
            assertEquals(cards.stream().map(TokenSheetPdf.Card::joinUrl).toList(), read);
        }
    }

    /** Where each image is drawn on the page, in PDF units (the unit square through the transformation in force). */
    private static List<Rectangle2D> qrBoxes(PDPage page) throws IOException {
        List<Rectangle2D> boxes = new ArrayList<>();
        new PDFGraphicsStreamEngine(page) {
            @Override
            public void drawImage(PDImage image) {
                Matrix ctm = getGraphicsState().getCurrentTransformationMatrix();
                boxes.add(new Rectangle2D.Float(ctm.getTranslateX(), ctm.getTranslateY(), ctm.getScalingFactorX(),
                        ctm.getScalingFactorY()));
            }

            @Override public void appendRectangle(java.awt.geom.Point2D p0, java.awt.geom.Point2D p1,
                    java.awt.geom.Point2D p2, java.awt.geom.Point2D p3) { }
            @Override public void clip(int windingRule) { }
            @Override public void moveTo(float x, float y) { }
            @Override public void lineTo(float x, float y) { }
            @Override public void curveTo(float x1, float y1, float x2, float y2, float x3, float y3) { }
            @Override public java.awt.geom.Point2D getCurrentPoint() { return new java.awt.geom.Point2D.Float(); }
            @Override public void closePath() { }
            @Override public void endPath() { }
            @Override public void strokePath() { }
            @Override public void fillPath(int windingRule) { }
            @Override public void fillAndStrokePath(int windingRule) { }
            @Override public void shadingFill(COSName shadingName) { }

            void run() throws IOException {
                processPage(page);
            }
        }.run();
        return boxes;
    }

    /** Every glyph written on a page (the shared face's text too), with where it is. */
    private static List<TextPosition> glyphs(PDDocument pdf, int page) throws IOException {
        List<TextPosition> glyphs = new ArrayList<>();
        PDFTextStripper stripper = new PDFTextStripper() {
            @Override
            protected void processTextPosition(TextPosition text) {
                glyphs.add(text);
            }
        };
        stripper.setStartPage(page + 1);
        stripper.setEndPage(page + 1);
        stripper.getText(pdf);
        return glyphs;
    }

    /**
     * A glyph's box in PDF units: its advance across, and from the font's descent to its ascent up (the letters'
     * ink lies within; a bold stroke adds a hair, which the quiet zone's 4 modules do not miss).
     */
    private static Rectangle2D glyphBox(TextPosition glyph) {
        Matrix m = glyph.getTextMatrix();
        float size = m.getScalingFactorY();
        var descriptor = glyph.getFont().getFontDescriptor();
        float ascent = descriptor != null && descriptor.getAscent() > 0 ? descriptor.getAscent() / 1000 : 0.9f;
        float descent = descriptor != null && descriptor.getDescent() < 0 ? -descriptor.getDescent() / 1000 : 0.25f;
        return new Rectangle2D.Float(m.getTranslateX(), m.getTranslateY() - descent * size, glyph.getWidth(),
                (ascent + descent) * size);
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
        // a real code (ten letters, SecretToken) of the widest letters, in the column a card has (about 160 pt)
        float widest = TokenSheetPdf.codeSize("WWWWW-MMMMM", font, 160);
        assertTrue(widest >= 13, "size " + widest);
        // a longer code shrinks to fit its column rather than run on under the QR code
        float longer = TokenSheetPdf.codeSize("K7P3-9XQ2-K7P3-9XQ2-K7P3", font, 150);
        assertTrue(longer < 16, "size " + longer);
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
