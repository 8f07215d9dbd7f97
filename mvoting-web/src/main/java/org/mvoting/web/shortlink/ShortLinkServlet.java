package org.mvoting.web.shortlink;

import jakarta.ejb.EJB;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.mvoting.api.errors.PollNotFoundException;
import org.mvoting.api.polls.PollCatalog;
import org.mvoting.api.polls.PollKind;
import org.mvoting.api.settings.CitySettings;

/**
 * {@code /p/{code}}: staff polls go to the portal's voting page (which asks for a login first when
 * needed); every other poll to its REST representation until the citizens' mobile web exists.
 */
@WebServlet(urlPatterns = ShortLinkServlet.PATH + "/*")
public class ShortLinkServlet extends HttpServlet {

    public static final String PATH = "/p";
    private static final long serialVersionUID = 1L;
    private static final Pattern CODE = Pattern.compile("[a-z0-9]{4,16}");

    @EJB
    private PollCatalog catalog;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = request.getPathInfo();
        String code = path == null ? "" : path.substring(1);
        if (!CODE.matcher(code).matches()) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        Optional<UUID> poll = catalog.pollIdForShortCode(code);
        if (poll.isEmpty()) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        response.setHeader("Cache-Control", "no-store");
        response.sendRedirect(request.getContextPath() + target(poll.get()));
    }

    private String target(UUID pollId) {
        boolean staffPoll;
        try {
            staffPoll = catalog.poll(pollId).kind() == PollKind.CITY_TO_STAFF;
        } catch (PollNotFoundException e) {
            // Published but hidden from this caller: only staff polls are, and their page asks for a login.
            staffPoll = true;
        }
        return staffPoll ? "/admin/vote.xhtml?id=" + pollId : "/m/#/polls/" + pollId; // citizens: the mobile web
    }

    /** The short link as a phone must open it, on the public address (see {@link #publicBase}). */
    public static String absoluteLink(HttpServletRequest request, String code) {
        return publicBase(request) + PATH + "/" + code;
    }

    /**
     * Where citizens reach the site: MVOTING_PUBLIC_URL (system property mvoting.public.url first) when set, for
     * staff on the intranet reach the portal by another host name than citizens do; else scheme://host[:port]/context
     * as this request reached us (configure the proxy to forward the host).
     */
    public static String publicBase(HttpServletRequest request) {
        Optional<String> configured = CitySettings.publicUrl();
        if (configured.isPresent()) {
            String base = configured.get();
            return base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
        }
        String scheme = request.getScheme();
        int port = request.getServerPort();
        boolean defaultPort = port <= 0 || ("http".equals(scheme) && port == 80) || ("https".equals(scheme) && port == 443);
        return scheme + "://" + request.getServerName() + (defaultPort ? "" : ":" + port) + request.getContextPath();
    }

    /**
     * The public address for what leaves the building or is kept for good (SMS links, the summary PDF): the
     * request's Host header is chosen by the client, so without MVOTING_PUBLIC_URL it is trusted only when it names
     * this machine (development, tests). Elsewhere MVOTING_PUBLIC_URL must be set: refused otherwise.
     */
    public static String trustedPublicBase(HttpServletRequest request) {
        if (CitySettings.publicUrl().isPresent()) {
            return publicBase(request);
        }
        String host = request.getServerName();
        if ("localhost".equals(host) || "127.0.0.1".equals(host) || "[::1]".equals(host) || "::1".equals(host)) {
            return publicBase(request);
        }
        throw new org.mvoting.api.errors.PublicAddressMissingException();
    }
}
