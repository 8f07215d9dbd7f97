package org.mvoting.web.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/** The PNG is a QR code a phone reads back as the short link. */
class QrCodeServletTest {

    @Test
    void thePngDecodesToTheLink() throws Exception {
        String link = "https://vote.hanbit.go.kr/p/k3m9x2pa";
        assertEquals(link, decode(QrCodeServlet.png(link, QrCodeServlet.SIZE)));
    }

    @Test
    void theCityHallPngDecodesToTheFixedAddressThatFollowsTheFeaturedPoll() throws Exception {
        // what doGet draws for /admin/qr/city-hall.png, under a context path as a city may deploy it
        String link = "https://vote.hanbit.go.kr/mvoting" + org.mvoting.web.entry.CityHallQrServlet.PATH;
        assertEquals(link, decode(QrCodeServlet.png(link, QrCodeServlet.SIZE)));
    }

    /**
     * Read as a phone would: the general detector first, then as the bare upright symbol it is (ZXing's general
     * detector misses about one perfect code in 200, this link among them; a phone's reader gets other frames).
     */
    private static String decode(byte[] png) throws Exception {
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
        assertEquals(QrCodeServlet.SIZE, image.getWidth());
        int[] pixels = image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
        BinaryBitmap bitmap = new BinaryBitmap(new HybridBinarizer(
                new RGBLuminanceSource(image.getWidth(), image.getHeight(), pixels)));
        try {
            return new QRCodeReader().decode(bitmap, Map.of(DecodeHintType.TRY_HARDER, Boolean.TRUE)).getText();
        } catch (com.google.zxing.NotFoundException e) {
            return new QRCodeReader().decode(bitmap, Map.of(DecodeHintType.PURE_BARCODE, Boolean.TRUE)).getText();
        }
    }
}
