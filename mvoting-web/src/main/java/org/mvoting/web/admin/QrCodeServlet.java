package org.mvoting.web.admin;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import jakarta.ejb.EJB;
import jakarta.ejb.EJBAccessException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.mvoting.api.errors.BusinessException;
import org.mvoting.api.errors.ErrorKind;
import org.mvoting.api.polls.PollAdministration;
import org.mvoting.api.polls.PollRecord;
import org.mvoting.web.shortlink.ShortLinkServlet;

/**
 * {@code /admin/qr/{pollId}.png}: the QR code of a published poll's short link, big enough for a meeting
 * room's screen. Only staff who may read the poll get it (the service checks).
 */
@WebServlet(urlPatterns = "/admin/qr/*")
public class QrCodeServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final Pattern PATH = Pattern.compile("/([0-9a-fA-F-]{36})\\.png");
    static final int SIZE = 480;

    @EJB
    private PollAdministration administration;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if ("/city-hall.png".equals(request.getPathInfo())) {
            // the printable code for city hall: a fixed address that follows the featured poll
            write(response, png(org.mvoting.web.shortlink.ShortLinkServlet.publicBase(request)
                    + org.mvoting.web.entry.CityHallQrServlet.PATH, SIZE));
            return;
        }
        Matcher path = PATH.matcher(request.getPathInfo() == null ? "" : request.getPathInfo());
        UUID pollId;
        try {
            pollId = path.matches() ? UUID.fromString(path.group(1)) : null;
        } catch (IllegalArgumentException e) {
            pollId = null;
        }
        if (pollId == null) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        PollRecord poll;
        try {
            poll = administration.record(pollId);
        } catch (EJBAccessException e) {
            response.sendError(HttpServletResponse.SC_FORBIDDEN);
            return;
        } catch (BusinessException e) {
            response.sendError(e.kind() == ErrorKind.FORBIDDEN ? HttpServletResponse.SC_FORBIDDEN
                    : HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        if (poll.shortCode() == null) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND); // a draft has no link yet
            return;
        }
        write(response, png(ShortLinkServlet.absoluteLink(request, poll.shortCode()), SIZE));
    }

    private static void write(HttpServletResponse response, byte[] png) throws IOException {
        response.setContentType("image/png");
        response.setHeader("Cache-Control", "private, max-age=300");
        response.setContentLength(png.length);
        response.getOutputStream().write(png);
    }

    /**
     * A black-on-white PNG of the text as a QR code (medium error correction survives a projector's glare), with
     * the quiet zone of four modules the QR standard asks for: a page or a screen's frame may be dark right around it.
     */
    public static byte[] png(String text, int size) throws IOException {
        BitMatrix matrix;
        try {
            matrix = new QRCodeWriter().encode(text, BarcodeFormat.QR_CODE, size, size,
                    Map.of(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M, EncodeHintType.MARGIN, 4,
                            EncodeHintType.CHARACTER_SET, "UTF-8"));
        } catch (WriterException e) {
            throw new IOException("cannot encode a QR code for " + text, e);
        }
        BufferedImage image = new BufferedImage(matrix.getWidth(), matrix.getHeight(), BufferedImage.TYPE_BYTE_BINARY);
        for (int y = 0; y < matrix.getHeight(); y++) {
            for (int x = 0; x < matrix.getWidth(); x++) {
                image.setRGB(x, y, matrix.get(x, y) ? 0x000000 : 0xFFFFFF);
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }
}
