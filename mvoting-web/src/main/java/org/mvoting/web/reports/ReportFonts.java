package org.mvoting.web.reports;

import com.lowagie.text.DocumentException;
import com.lowagie.text.pdf.BaseFont;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The font of the PDF reports: NanumGothic by NAVER (SIL Open Font License 1.1, see {@code fonts/OFL.txt}
 * beside it), which has all 11,172 modern Hangul syllables as well as Latin. The file is the unmodified
 * {@code NanumGothic.ttf} of Debian's {@code fonts-nanum} 20200506-1 (SHA-256 48a28e97…c8be733); as the OFL
 * reserves the name, a changed or cut-down file must not be shipped under it. Each report embeds a subset,
 * only the glyphs it uses, which the OFL allows. The file is read once; each document gets its own
 * {@link BaseFont}, so that no state is shared between reports written at the same time.
 */
final class ReportFonts {

    static final String RESOURCE = "fonts/NanumGothic.ttf";
    static final String NAME = "NanumGothic";

    private ReportFonts() {
    }

    private static final class Bytes {
        static final byte[] BYTES = read();

        private static byte[] read() {
            try (InputStream in = ReportFonts.class.getResourceAsStream(RESOURCE)) {
                if (in == null) {
                    throw new IllegalStateException("The report font " + RESOURCE + " is not on the class path");
                }
                return in.readAllBytes();
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read the report font " + RESOURCE, e);
            }
        }
    }

    /** A new embedded, subset Unicode (Identity-H) font for one document. */
    static BaseFont hangul() {
        try {
            BaseFont font = BaseFont.createFont(NAME + ".ttf", BaseFont.IDENTITY_H, BaseFont.EMBEDDED,
                    BaseFont.NOT_CACHED, Bytes.BYTES, null);
            font.setSubset(true);
            return font;
        } catch (DocumentException | IOException e) {
            throw new IllegalStateException("Cannot load the report font " + RESOURCE, e);
        }
    }
}
