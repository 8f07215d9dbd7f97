package org.mvoting.web.reports;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import com.lowagie.text.BadElementException;
import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.Image;
import com.lowagie.text.ImgRaw;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.Rectangle;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.ColumnText;
import com.lowagie.text.pdf.PdfContentByte;
import com.lowagie.text.pdf.PdfDictionary;
import com.lowagie.text.pdf.PdfName;
import com.lowagie.text.pdf.PdfObject;
import com.lowagie.text.pdf.PdfString;
import com.lowagie.text.pdf.PdfTemplate;
import com.lowagie.text.pdf.PdfTextArray;
import com.lowagie.text.pdf.PdfWriter;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Printable A4 sheets of cut-out cards, each with one secret token for an on-site event: for the people at a
 * town hall who cannot (or will not) get their code by SMS. Each card shows the event title, its date and
 * venue, the code in large fixed-pitch letters, a QR code that opens the event's join page with the code
 * filled in, and a one-line instruction; dashed lines show where to cut. Always in Korean, the city's language:
 * the sheet is printed once, at the venue.
 *
 * <p>The parts every card shares (title, date and venue, label, instruction) are drawn once into a form
 * XObject that every card reuses, and the QR codes are embedded at one pixel per module (1 bit deep) and scaled
 * up by the PDF without smoothing; so 1,000 cards are a small file, written in about a second, and the codes
 * stay sharp on any printer.
 */
public final class TokenSheetPdf {

    /** One card: the secret code as printed (e.g. "K7P3-9XQ2") and the URL its QR code opens. */
    public record Card(String code, String joinUrl) { }

    static final int COLUMNS = 2;
    static final int ROWS = 5;
    static final int CARDS_PER_PAGE = COLUMNS * ROWS;

    private static final float MM = 72f / 25.4f;
    /** The sheet's margin: most office printers cannot print within about 5 mm of the edge. */
    private static final float PAGE_MARGIN = 10 * MM;
    /** What the cards keep clear inside their cut lines, so a slightly crooked cut loses nothing. */
    private static final float PADDING = 4.5f * MM;
    /** The QR code's printed size, its quiet zone included: big enough for an older phone's camera at arm's length. */
    static final float QR_SIZE = 26 * MM;
    /** The quiet zone in modules: the four the QR standard asks for, since text and cut lines are near. */
    private static final int QR_QUIET_ZONE = 4;

    static final float CODE_SIZE = 22;

    private static final Color GRAY = new Color(0x55, 0x55, 0x55);
    private static final Color CUT_LINE = new Color(0x90, 0x90, 0x90);

    private TokenSheetPdf() {
    }

    /**
     * A4 pages of cut-out cards (2 columns x 5 rows = 10 per page, dashed cut lines), each with the event title,
     * date/venue line, the code in large monospace-like letters, its QR code, and a one-line instruction
     * (Korean: "휴대폰 카메라로 QR을 찍거나 입장 코드와 이 비밀 코드를 입력하세요. 한 사람만, 한 번만 쓸 수 있습니다.").
     * Always Korean (the city's language; printed once).
     *
     * <p>No cards give a single page that says so (with the title), rather than an exception: the sheet is a
     * download, and a page that says "nothing to print" explains itself to whoever opens it.
     *
     * @param eventTitle   the event's name; null prints none
     * @param dateAndVenue e.g. "2026년 4월 18일(토) 14:00 · 시청 대강당"; null prints none
     * @param cards        the cards in print order; a code or URL may not be null or blank
     * @throws IllegalArgumentException if a card has a blank code or URL
     */
    public static byte[] render(String eventTitle, String dateAndVenue, List<Card> cards) throws IOException {
        Objects.requireNonNull(cards, "cards");
        for (Card card : cards) {
            if (card == null || isBlank(card.code()) || isBlank(card.joinUrl())) {
                throw new IllegalArgumentException("A card needs a code and a join URL: " + card);
            }
        }
        String title = eventTitle == null ? "" : eventTitle.strip();
        String when = dateAndVenue == null ? "" : dateAndVenue.strip();
        ReportText text = ReportText.of(Locale.KOREAN);
        BaseFont base = ReportFonts.hangul(); // one font for the whole document: one embedded subset

        ByteArrayOutputStream out = new ByteArrayOutputStream(Math.max(16_384, cards.size() * 1_024));
        // the cards are placed by hand on the whole page; only the "no cards" page flows text between margins
        float margin = cards.isEmpty() ? 48 : 0;
        Document document = new Document(PageSize.A4, margin, margin, margin, margin);
        try {
            PdfWriter writer = PdfWriter.getInstance(document, out);
            writer.setCloseStream(false);
            writer.setFullCompression();
            document.addTitle(title.isEmpty() ? text.get("report.tokens") : title);
            document.addSubject(text.get("report.tokens"));
            document.addCreator("mVoting");
            document.setDocumentLanguage(text.language());
            document.open();

            if (cards.isEmpty()) {
                noCards(document, title, text, base);
            } else {
                Grid grid = Grid.of(document.getPageSize());
                PdfContentByte canvas = writer.getDirectContent();
                PdfTemplate face = face(canvas, grid, title, when, text, base);
                for (int i = 0; i < cards.size(); i++) {
                    int onPage = i % CARDS_PER_PAGE;
                    if (onPage == 0 && i > 0) {
                        document.newPage();
                    }
                    if (onPage == 0) {
                        cutLines(canvas, grid, Math.min(CARDS_PER_PAGE, cards.size() - i));
                    }
                    Rectangle box = grid.card(onPage);
                    canvas.addTemplate(face, box.getLeft(), box.getBottom());
                    code(canvas, grid, box, cards.get(i).code(), base);
                    Image qr = qrPdfImage(cards.get(i).joinUrl());
                    qr.setAbsolutePosition(box.getRight() - PADDING - QR_SIZE, grid.qrBottom(box));
                    qr.scaleAbsolute(QR_SIZE, QR_SIZE);
                    canvas.addImage(qr);
                }
            }
            document.close();
        } catch (DocumentException e) {
            throw new IOException("Cannot write the token sheet PDF", e);
        } finally {
            if (document.isOpen()) {
                document.close();
            }
        }
        return out.toByteArray();
    }

    /** Where the cards go: the page's printable area split into equal cells, row by row from the top left. */
    private record Grid(float left, float top, float cardWidth, float cardHeight) {

        static Grid of(Rectangle page) {
            return new Grid(PAGE_MARGIN, page.getHeight() - PAGE_MARGIN, (page.getWidth() - 2 * PAGE_MARGIN) / COLUMNS,
                    (page.getHeight() - 2 * PAGE_MARGIN) / ROWS);
        }

        Rectangle card(int onPage) {
            float x = left + (onPage % COLUMNS) * cardWidth;
            float y = top - (onPage / COLUMNS + 1) * cardHeight;
            return new Rectangle(x, y, x + cardWidth, y + cardHeight);
        }

        /** The instruction's two lines at the bottom, under the code and the QR code. */
        float instructionHeight() {
            return 22;
        }

        /** The QR code sits at the right, centred in the space above the instruction. */
        float qrBottom(Rectangle card) {
            float above = card.getBottom() + PADDING + instructionHeight();
            return above + (card.getTop() - PADDING - above - QR_SIZE) / 2;
        }

        /** The text column left of the QR code. */
        float textWidth() {
            return cardWidth - 2 * PADDING - QR_SIZE - 3 * MM;
        }
    }

    /** The parts all cards share, drawn once: title, date and venue, the code's label and the instruction. */
    private static PdfTemplate face(PdfContentByte canvas, Grid grid, String title, String when, ReportText text,
                                    BaseFont base) throws DocumentException {
        PdfTemplate face = canvas.createTemplate(grid.cardWidth(), grid.cardHeight());
        float left = PADDING;
        float right = PADDING + grid.textWidth();
        float top = grid.cardHeight() - PADDING;

        // A long title shrinks a little and then wraps to two lines; what still does not fit is cut, not spilled.
        ColumnText heading = new ColumnText(face);
        heading.setSimpleColumn(left, top - 34, right, top);
        heading.addText(new Phrase(title, new Font(base, title.length() > 24 ? 10 : 12, Font.BOLD)));
        heading.setLeading(0, 1.2f);
        heading.go();
        float y = title.isEmpty() ? top : heading.getYLine();

        if (!when.isEmpty()) {
            ColumnText line = new ColumnText(face);
            line.setSimpleColumn(left, y - 24, right, y - 1);
            line.addText(new Phrase(when, new Font(base, 8.5f, Font.NORMAL, GRAY)));
            line.setLeading(0, 1.2f);
            line.go();
        }

        ColumnText.showTextAligned(face, Element.ALIGN_LEFT, new Phrase(text.get("field.secretCode"),
                new Font(base, 8, Font.NORMAL, GRAY)), left, codeBaseline(grid) + CODE_SIZE * 0.95f, 0);

        ColumnText instruction = new ColumnText(face);
        instruction.setSimpleColumn(left, PADDING - 2, grid.cardWidth() - PADDING, PADDING + grid.instructionHeight());
        instruction.addText(new Phrase(text.get("field.tokenInstruction"), new Font(base, 8)));
        instruction.setLeading(0, 1.25f);
        instruction.go();
        return face;
    }

    /** The code's baseline, measured from the card's bottom: just above the instruction. */
    private static float codeBaseline(Grid grid) {
        return PADDING + grid.instructionHeight() + 8;
    }

    /**
     * The code in fixed-pitch letters: the embedded font is proportional, so each character is centred in a
     * cell of the same width, which keeps the groups lined up and makes each letter easy to tell apart. The
     * letters are one run marked with the code as its ActualText, so readers that honour it copy the code as it
     * is; simpler text extractors (OpenPDF's among them) see the gaps and put spaces between the letters.
     */
    private static void code(PdfContentByte canvas, Grid grid, Rectangle card, String code, BaseFont base) {
        float size = codeSize(code, base, grid.textWidth());
        float pitch = pitch(code, base, size);
        float x = card.getLeft() + PADDING;
        float y = card.getBottom() + codeBaseline(grid);
        canvas.saveState();
        PdfDictionary actualText = new PdfDictionary();
        actualText.put(PdfName.ACTUALTEXT, new PdfString(code, PdfObject.TEXT_UNICODE));
        canvas.beginMarkedContentSequence(PdfName.SPAN, actualText, true);
        canvas.beginText();
        canvas.setFontAndSize(base, size);
        canvas.setTextRenderingMode(PdfContentByte.TEXT_RENDER_MODE_FILL_STROKE); // a bold weight from the regular font
        canvas.setLineWidth(size / 30);
        canvas.setColorFill(Color.BLACK);
        canvas.setColorStroke(Color.BLACK);
        // one TJ array: the offsets in it (thousandths of the font size, negative moves right) centre each letter
        PdfTextArray letters = new PdfTextArray();
        for (int i = 0; i < code.length(); ) {
            int point = code.codePointAt(i);
            String character = new String(Character.toChars(point));
            float air = (pitch - base.getWidthPoint(character, size)) / 2 * 1000 / size;
            letters.add(-air);
            letters.add(character);
            letters.add(-air);
            i += Character.charCount(point);
        }
        canvas.setTextMatrix(x, y);
        canvas.showText(letters);
        canvas.endText();
        canvas.endMarkedContentSequence();
        canvas.restoreState();
    }

    /**
     * The largest size up to {@link #CODE_SIZE} that fits the column. Never larger: a code that ran on past the
     * column was drawn under the QR code, its last letters hidden by the finder pattern and the QR code's quiet zone
     * gone (a card of wide letters, "WWWWW-MMMMM", still prints at 13 pt, its letters over 4 mm tall).
     */
    static float codeSize(String code, BaseFont base, float width) {
        float pitchAtOne = pitch(code, base, 1);
        int characters = code.codePointCount(0, code.length());
        return Math.min(CODE_SIZE, width / (pitchAtOne * characters));
    }

    /** The cell width: the widest character of the code, plus a little air. */
    private static float pitch(String code, BaseFont base, float size) {
        float widest = base.getWidthPoint("W", size) * 0.8f;
        for (int i = 0; i < code.length(); ) {
            int point = code.codePointAt(i);
            widest = Math.max(widest, base.getWidthPoint(new String(Character.toChars(point)), size));
            i += Character.charCount(point);
        }
        return widest * 1.08f;
    }

    /**
     * The dashed cut lines of a page with {@code count} cards: every edge of every card, each drawn once (a
     * shared edge twice would show as a muddled dash pattern).
     */
    private static void cutLines(PdfContentByte canvas, Grid grid, int count) {
        canvas.saveState();
        canvas.setColorStroke(CUT_LINE);
        canvas.setLineWidth(0.5f);
        canvas.setLineDash(4, 3, 0);
        for (int i = 0; i < count; i++) {
            Rectangle box = grid.card(i);
            line(canvas, box.getLeft(), box.getTop(), box.getRight(), box.getTop());
            line(canvas, box.getLeft(), box.getBottom(), box.getLeft(), box.getTop());
            boolean cardRight = i % COLUMNS < COLUMNS - 1 && i + 1 < count;
            if (!cardRight) {
                line(canvas, box.getRight(), box.getBottom(), box.getRight(), box.getTop());
            }
            boolean cardBelow = i + COLUMNS < count;
            if (!cardBelow) {
                line(canvas, box.getLeft(), box.getBottom(), box.getRight(), box.getBottom());
            }
        }
        canvas.stroke();
        canvas.restoreState();
    }

    private static void line(PdfContentByte canvas, float x1, float y1, float x2, float y2) {
        canvas.moveTo(x1, y1);
        canvas.lineTo(x2, y2);
    }

    private static void noCards(Document document, String title, ReportText text, BaseFont base)
            throws DocumentException {
        if (!title.isEmpty()) {
            Paragraph name = new Paragraph(title, new Font(base, 18, Font.BOLD));
            name.setSpacingAfter(12);
            document.add(name);
        }
        document.add(new Paragraph(text.get("value.noTokens"), new Font(base, 12)));
    }

    /**
     * The QR code's modules, quiet zone included, one bit per module. Medium error correction survives a
     * smudge or a fold; the character set is named only for a URL that is not ASCII, since naming it adds an ECI
     * header some older scanner apps do not understand.
     */
    static BitMatrix qrModules(String joinUrl) throws IOException {
        Map<EncodeHintType, Object> hints = new EnumMap<>(EncodeHintType.class);
        hints.put(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M);
        hints.put(EncodeHintType.MARGIN, QR_QUIET_ZONE);
        if (!StandardCharsets.US_ASCII.newEncoder().canEncode(joinUrl)) {
            hints.put(EncodeHintType.CHARACTER_SET, "UTF-8");
        }
        try {
            // 0 x 0 asks for the smallest rendering: one pixel per module
            return new QRCodeWriter().encode(joinUrl, BarcodeFormat.QR_CODE, 0, 0, hints);
        } catch (WriterException e) {
            throw new IOException("Cannot encode a QR code for " + joinUrl, e);
        }
    }

    /** The QR code as the PDF holds it: 1-bit gray, a set bit white, so a card's image is a few hundred bytes. */
    static Image qrPdfImage(String joinUrl) throws IOException {
        BitMatrix modules = qrModules(joinUrl);
        int width = modules.getWidth();
        int height = modules.getHeight();
        int rowBytes = (width + 7) / 8;
        byte[] bits = new byte[rowBytes * height];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                if (!modules.get(x, y)) {
                    bits[y * rowBytes + x / 8] |= (byte) (0x80 >>> (x % 8));
                }
            }
        }
        try {
            // ImgRaw, not Image.getInstance: that turns 1-bit images into CCITT G4, which OpenPDF cannot read back
            Image image = new ImgRaw(width, height, 1, 1, bits);
            image.setInterpolation(false); // the printer must keep the modules square, not blur them
            return image;
        } catch (BadElementException e) {
            throw new IOException("Cannot make the QR image for " + joinUrl, e);
        }
    }

    /** The same QR code as an image, {@code scale} pixels per module: what a camera would see of the card. */
    static BufferedImage qrImage(String joinUrl, int scale) throws IOException {
        BitMatrix modules = qrModules(joinUrl);
        BufferedImage image = new BufferedImage(modules.getWidth() * scale, modules.getHeight() * scale,
                BufferedImage.TYPE_BYTE_BINARY);
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                image.setRGB(x, y, modules.get(x / scale, y / scale) ? 0x000000 : 0xFFFFFF);
            }
        }
        return image;
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
