package org.mvoting.web.security;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What browsers are told about every response, in one place: the Content-Security-Policy of each part of the site,
 * framing, referrers, MIME sniffing and HTTPS. No part allows an inline script: the mobile web and the static pages
 * are ES modules from the site itself; the portal's pages run PrimeFaces in its CSP mode, which moves every
 * component's inline handler into one script carrying the page's nonce. Styles: the portal allows inline styles,
 * because PrimeFaces' widgets position themselves with style attributes; everything else allows the site's own
 * style sheets only.
 */
public final class BrowserPolicy {

    /** The parts of the site, each with its policy. */
    public enum Area {
        /** The staff portal: Faces pages (PrimeFaces) under /admin/, the login page, their resources. */
        PORTAL,
        /** The citizens' mobile web under /m/ (the app, the presenter, the check and opt-out pages). */
        MOBILE,
        /** The REST API under /api/: data, never a page. */
        API,
        /** Everything else (the welcome page, short links, error pages): the strictest page policy. */
        OTHER
    }

    public static final String CSP = "Content-Security-Policy";
    /** A year: browsers keep to HTTPS for that long after one HTTPS visit. No includeSubDomains: the city's other hosts are not ours. */
    static final String HSTS = "max-age=31536000";
    static final String REFERRER_POLICY = "strict-origin-when-cross-origin";

    /** Nobody frames any of our pages (the presenter opens in its own tab). */
    private static final String NEVER_FRAMED = "frame-ancestors 'none'";
    private static final String PAGE_BASE = "default-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; "
            + NEVER_FRAMED + "; connect-src 'self'; img-src 'self' data: blob:; font-src 'self' data:";
    /** PrimeFaces' CSP mode says which nonce it gave the page's scripts in a header of this form. */
    private static final Pattern NONCE = Pattern.compile("'nonce-([A-Za-z0-9+/=_-]{16,128})'");

    private BrowserPolicy() {
    }

    /** Which part of the site a path (after the context path) belongs to. */
    public static Area areaOf(String path) {
        if (path.startsWith("/api/")) {
            return Area.API;
        }
        if (path.equals("/m") || path.startsWith("/m/")) {
            return Area.MOBILE;
        }
        if (path.equals("/admin") || path.startsWith("/admin/") || path.endsWith(".xhtml")
                || path.startsWith("/jakarta.faces.resource/")) {
            return Area.PORTAL;
        }
        return Area.OTHER;
    }

    /**
     * The Content-Security-Policy of a part of the site; for the portal with the nonce PrimeFaces gave this page's
     * scripts (none yet: only the site's own script files run).
     */
    public static String contentSecurityPolicy(Area area, Optional<String> nonce) {
        return switch (area) {
            case PORTAL -> PAGE_BASE + "; style-src 'self' 'unsafe-inline'; script-src 'self'"
                    + nonce.map(n -> " 'nonce-" + n + "'").orElse("");
            case MOBILE, OTHER -> PAGE_BASE + "; style-src 'self'; script-src 'self'";
            case API -> "default-src 'none'; base-uri 'none'; form-action 'none'; " + NEVER_FRAMED;
        };
    }

    /** The nonce in a Content-Security-Policy header PrimeFaces wrote; empty if it has none. */
    public static Optional<String> nonceIn(String policy) {
        if (policy == null) {
            return Optional.empty();
        }
        Matcher m = NONCE.matcher(policy);
        return m.find() ? Optional.of(m.group(1)) : Optional.empty();
    }
}
