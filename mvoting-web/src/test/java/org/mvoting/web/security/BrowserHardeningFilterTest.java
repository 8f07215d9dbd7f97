package org.mvoting.web.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.servlet.FilterChain;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.mvoting.web.security.BrowserPolicy.Area;

/** The filter on fake requests: which headers each part of the site gets, HSTS only on HTTPS, the portal's nonce. */
class BrowserHardeningFilterTest {

    private static final String NONCE = "YTQyM2ZiNTktNjFhZS00ZjI1LWEzMWItZGYzOTE0ZWQ1NDU1";

    /** Headers as the container would keep them: name → values. */
    private final Map<String, List<String>> headers = new LinkedHashMap<>();

    private HttpServletResponse response() {
        return (HttpServletResponse) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {HttpServletResponse.class}, (proxy, method, args) -> {
                    switch (method.getName()) {
                        case "setHeader" -> headers.put((String) args[0], new ArrayList<>(List.of((String) args[1])));
                        case "addHeader" -> headers.computeIfAbsent((String) args[0], n -> new ArrayList<>()).add((String) args[1]);
                        default -> {
                        }
                    }
                    return null;
                });
    }

    private static HttpServletRequest request(String path, boolean secure) {
        return (HttpServletRequest) Proxy.newProxyInstance(BrowserHardeningFilterTest.class.getClassLoader(),
                new Class<?>[] {HttpServletRequest.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "getRequestURI" -> path;
                    case "getContextPath" -> "";
                    case "isSecure" -> secure;
                    default -> null;
                });
    }

    private void filter(String path, boolean secure, FilterChain chain) throws Exception {
        new BrowserHardeningFilter().doFilter(request(path, secure), response(), chain);
    }

    private String only(String name) {
        List<String> values = headers.get(name);
        assertEquals(1, values == null ? 0 : values.size(), () -> name + ": " + values);
        return values.get(0);
    }

    @Test
    void everyPartOfTheSiteIsNeverFramedNeverSniffedAndSendsNoFullReferrer() throws Exception {
        for (String path : List.of("/admin/index.xhtml", "/m/", "/m/present.html", "/api/v1/polls", "/", "/p/abc")) {
            headers.clear();
            filter(path, false, (req, res) -> { });

            assertEquals("DENY", only("X-Frame-Options"), path);
            assertEquals("nosniff", only("X-Content-Type-Options"), path);
            assertEquals("strict-origin-when-cross-origin", only("Referrer-Policy"), path);
            assertTrue(only("Content-Security-Policy").contains("frame-ancestors 'none'"), path);
            assertFalse(only("Content-Security-Policy").contains("script-src 'self' 'unsafe-inline'"), path);
        }
    }

    @Test
    void hstsOnlyWhenTheRequestIsHttps() throws Exception {
        filter("/m/", false, (req, res) -> { });
        assertNull(headers.get("Strict-Transport-Security"));

        filter("/m/", true, (req, res) -> { });
        assertEquals("max-age=31536000", only("Strict-Transport-Security"));
    }

    @Test
    void thePortalKeepsOurPolicyAndTakesOnlyTheNonceFromPrimeFaces() throws Exception {
        filter("/admin/polls/list.xhtml", false, (req, res) -> ((HttpServletResponse) res).addHeader(
                "Content-Security-Policy", "script-src 'self' 'nonce-" + NONCE + "';"));

        String policy = only("Content-Security-Policy");
        assertEquals(BrowserPolicy.contentSecurityPolicy(Area.PORTAL, Optional.of(NONCE)), policy);
        assertTrue(policy.contains("script-src 'self' 'nonce-" + NONCE + "'"), policy);
        assertTrue(policy.contains("style-src 'self' 'unsafe-inline'"), policy);
    }

    @Test
    void theMobileWebAndTheApiAreNotWrappedAndKeepTheirStrictPolicies() throws Exception {
        filter("/m/present.html", false, (req, res) -> assertFalse(res.getClass().getName().contains("PortalResponse")));
        assertEquals("default-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none';"
                + " connect-src 'self'; img-src 'self' data: blob:; font-src 'self' data:; style-src 'self'; script-src 'self'",
                only("Content-Security-Policy"));

        headers.clear();
        filter("/api/v1/polls", false, (req, res) -> { });
        assertEquals("default-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
                only("Content-Security-Policy"));
    }

    @Test
    void areasByPath() {
        assertEquals(Area.PORTAL, BrowserPolicy.areaOf("/admin/"));
        assertEquals(Area.PORTAL, BrowserPolicy.areaOf("/login.xhtml"));
        assertEquals(Area.PORTAL, BrowserPolicy.areaOf("/jakarta.faces.resource/core.js.xhtml"));
        assertEquals(Area.MOBILE, BrowserPolicy.areaOf("/m/present.html"));
        assertEquals(Area.API, BrowserPolicy.areaOf("/api/v1/events/x/live"));
        assertEquals(Area.OTHER, BrowserPolicy.areaOf("/"));
        assertEquals(Area.OTHER, BrowserPolicy.areaOf("/media/x"));
    }

    @Test
    void aNonceIsTakenOnlyInItsOwnShape() {
        assertEquals(Optional.of(NONCE), BrowserPolicy.nonceIn("script-src 'self' 'nonce-" + NONCE + "';"));
        assertEquals(Optional.empty(), BrowserPolicy.nonceIn("script-src 'self'"));
        assertEquals(Optional.empty(), BrowserPolicy.nonceIn("script-src 'nonce-abc'; x"), "too short to be PrimeFaces'");
        assertEquals(Optional.empty(), BrowserPolicy.nonceIn("script-src 'nonce-" + NONCE + "; script-src *'"),
                "nothing but the nonce's own characters between its quotes");
        assertEquals(Optional.empty(), BrowserPolicy.nonceIn(null));
    }
}
