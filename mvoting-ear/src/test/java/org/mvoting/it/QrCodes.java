package org.mvoting.it;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.ReaderException;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import javax.imageio.ImageIO;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;

/**
 * Reads back the QR codes the pages draw (m/qr.js, as SVG): a screenshot of the element, decoded with ZXing as a
 * phone's camera app would, so a test sees the link a phone would open, not the text the page meant to encode.
 */
final class QrCodes {

    private QrCodes() {
    }

    /** What the QR code drawn in this element (an svg, or what holds one) says; fails the test if none is readable. */
    static String read(WebElement element) {
        return decode(element.getScreenshotAs(OutputType.BYTES), "the QR code in <" + element.getTagName() + ">");
    }

    /** What the QR code in this PNG says. */
    static String decode(byte[] png, String what) {
        BufferedImage image;
        try {
            image = ImageIO.read(new ByteArrayInputStream(png));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (image == null) {
            throw new AssertionError(what + ": not an image");
        }
        int[] pixels = image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
        BinaryBitmap bitmap = new BinaryBitmap(new HybridBinarizer(
                new RGBLuminanceSource(image.getWidth(), image.getHeight(), pixels)));
        try {
            // the general detector first (a screenshot scales modules to uneven pixel widths, as a camera would);
            // a clean, upright picture of the symbol alone is also read as one, as a phone's reader manages
            return new QRCodeReader().decode(bitmap, Map.of(DecodeHintType.TRY_HARDER, Boolean.TRUE)).getText();
        } catch (ReaderException first) {
            try {
                return new QRCodeReader().decode(bitmap, Map.of(DecodeHintType.PURE_BARCODE, Boolean.TRUE)).getText();
            } catch (ReaderException second) {
                second.addSuppressed(first);
                throw new AssertionError(what + ": no readable QR code in a " + image.getWidth() + "x"
                        + image.getHeight() + " picture", second);
            }
        }
    }
}
