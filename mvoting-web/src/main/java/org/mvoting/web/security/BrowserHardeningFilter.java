package org.mvoting.web.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import java.util.Optional;
import org.mvoting.web.security.BrowserPolicy.Area;

/**
 * Puts {@link BrowserPolicy}'s headers on every response, before anything else answers (it is the first filter in
 * web.xml, so a redirect to the login page or a refusal carries them too). HSTS only on HTTPS: a request that came
 * in over TLS, or that a trusted proxy forwarded as https (MVOTING_PROXY_ADDRESS_FORWARDING makes WildFly believe
 * X-Forwarded-Proto); over plain HTTP the header would mean nothing and could lock a test system out.
 *
 * <p>On portal pages PrimeFaces (primefaces.CSP) sets its own Content-Security-Policy naming the page's nonce; the
 * filter keeps our policy and adds only that nonce, so the policy stays here.
 */
public class BrowserHardeningFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        Area area = BrowserPolicy.areaOf(request.getRequestURI().substring(request.getContextPath().length()));
        response.setHeader(BrowserPolicy.CSP, BrowserPolicy.contentSecurityPolicy(area, Optional.empty()));
        response.setHeader("X-Frame-Options", "DENY");
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Referrer-Policy", BrowserPolicy.REFERRER_POLICY);
        if (request.isSecure()) {
            response.setHeader("Strict-Transport-Security", BrowserPolicy.HSTS);
        }
        chain.doFilter(request, area == Area.PORTAL ? new PortalResponse(response) : response);
    }

    /** Turns PrimeFaces' Content-Security-Policy into ours with its nonce. */
    private static final class PortalResponse extends HttpServletResponseWrapper {

        PortalResponse(HttpServletResponse response) {
            super(response);
        }

        @Override
        public void setHeader(String name, String value) {
            super.setHeader(name, ours(name, value));
        }

        @Override
        public void addHeader(String name, String value) {
            if (BrowserPolicy.CSP.equalsIgnoreCase(name)) {
                super.setHeader(name, ours(name, value)); // one policy, not ours and PrimeFaces' both enforced
            } else {
                super.addHeader(name, value);
            }
        }

        private static String ours(String name, String value) {
            return BrowserPolicy.CSP.equalsIgnoreCase(name)
                    ? BrowserPolicy.contentSecurityPolicy(Area.PORTAL, BrowserPolicy.nonceIn(value))
                    : value;
        }
    }
}
