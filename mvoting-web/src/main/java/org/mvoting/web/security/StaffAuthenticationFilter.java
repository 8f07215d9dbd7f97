package org.mvoting.web.security;

import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.util.Base64;
import java.util.Locale;
import java.util.Optional;
import org.mvoting.api.errors.BusinessException;
import org.mvoting.api.errors.ErrorKind;
import org.mvoting.api.errors.TooManyRequestsException;
import org.mvoting.api.staff.StaffCaller;
import org.mvoting.api.staff.StaffDirectory;
import org.mvoting.api.staff.StaffIdentity;
import org.mvoting.api.staff.StaffSignIn;
import org.mvoting.web.operations.HealthServlet;
import org.mvoting.web.operations.MetricsServlet;
import org.mvoting.web.rest.problem.ProblemResponses;

/**
 * How staff prove who they are, in one place:
 * <ul>
 *   <li>the portal's login page, then the HTTP session (checked against the synced directory on every request,
 *       so someone who left is out at once);</li>
 *   <li>HTTP Basic with the same directory password, for the REST administration API and scripts (no session);</li>
 *   <li>a bearer JWT from the mobile office's identity provider (no session). Other bearer tokens (citizens')
 *       pass through untouched: the REST layer checks those.</li>
 * </ul>
 * The verified member of staff goes to {@link StaffCaller} (what the services' role checks read) and is what
 * the request's {@code getUserPrincipal()} and {@code isUserInRole()} answer. Portal pages without a login
 * redirect to the login page.
 */
@WebFilter(filterName = "staff-authentication", urlPatterns = "/*", asyncSupported = true) // the hall's live stream is async
public class StaffAuthenticationFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;
    public static final String LOGIN_PAGE = "/login.xhtml";

    @Inject
    private StaffIdentityStore identities;

    @Inject
    private StaffCaller caller;

    @EJB
    private StaffDirectory directory;

    @EJB
    private StaffSignIn signIn;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (isOperations(request)) {
            // the balancer's health checks and the monitoring's scrapes: no staff login, and a scraper's bearer
            // secret is not a mobile-office token to verify (web.operations checks its own)
            chain.doFilter(request, response);
            return;
        }
        Optional<StaffIdentity> staff;
        try {
            staff = identify(request);
        } catch (Refusal refusal) {
            refuse(request, response, refusal.code, refusal.status, refusal.retryAfterSeconds);
            return;
        }
        if (staff.isEmpty()) {
            if (isPortalPage(request) && "partial/ajax".equals(request.getHeader("Faces-Request"))) {
                // an ajax call from a page whose session ended: Faces follows a partial-response redirect, not a 302
                response.setContentType("text/xml;charset=UTF-8");
                response.getWriter().write("<?xml version=\"1.0\" encoding=\"UTF-8\"?><partial-response><redirect url=\""
                        + request.getContextPath() + LOGIN_PAGE + "\"/></partial-response>");
                return;
            }
            if (isPortalPage(request)) {
                String target = request.getRequestURI().substring(request.getContextPath().length())
                        + (request.getQueryString() == null ? "" : "?" + request.getQueryString());
                response.sendRedirect(request.getContextPath() + LOGIN_PAGE + "?next="
                        + URLEncoder.encode(target, StandardCharsets.UTF_8));
                return;
            }
            chain.doFilter(request, response);
            return;
        }
        caller.authenticatedAs(staff.get());
        chain.doFilter(new AuthenticatedRequest(request, staff.get()), response);
    }

    private Optional<StaffIdentity> identify(HttpServletRequest request) throws Refusal {
        String authorization = request.getHeader("Authorization");
        if (authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            if (crossSiteChange(request)) {
                // a browser that cached Basic credentials would send them on another site's form post
                throw new Refusal("forbidden", 403);
            }
            return Optional.of(basic(authorization.substring(6).strip(), request.getRemoteAddr()));
        }
        if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            try {
                // one login in the audit trail per token, not per request
                Optional<StaffIdentity> staff = signIn.mobileOfficeLogIn(authorization.substring(7).strip(),
                        request.getRemoteAddr());
                if (staff.isPresent()) {
                    return staff;
                }
            } catch (BusinessException e) {
                throw new Refusal(e.code(), switch (e.kind()) {
                    case FORBIDDEN -> 403;
                    case UNAVAILABLE -> 503; // the identity provider's key set cannot be fetched: not the caller's fault
                    default -> 401;
                });
            }
            return Optional.empty(); // a citizen's token: the REST layer judges it
        }
        // The portal's session cookie counts for the portal only: the REST API takes explicit credentials, so a
        // page elsewhere cannot make a logged-in browser call it. One read is the exception (sessionReadable).
        HttpSession session = isApi(request) && !sessionReadable(request) ? null : request.getSession(false);
        if (session != null && session.getAttribute(PortalLogin.SESSION_ATTRIBUTE) instanceof PortalLogin login) {
            Optional<StaffIdentity> current = directory.activeStaff(login.staffId());
            if (current.isEmpty()) {
                session.invalidate(); // left since logging in
                return Optional.empty();
            }
            return Optional.of(new StaffIdentity(login.staffId(), current.get().name(), login.roles()));
        }
        return Optional.empty();
    }

    private StaffIdentity basic(String encoded, String clientAddress) throws Refusal {
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new Refusal("staff-login-failed", 401);
        }
        int colon = decoded.indexOf(':');
        if (colon <= 0) {
            throw new Refusal("staff-login-failed", 401);
        }
        CredentialValidationResult result;
        try {
            result = identities.validate(new UsernamePasswordCredential(decoded.substring(0, colon),
                    decoded.substring(colon + 1)), clientAddress, StaffSignIn.Channel.BASIC);
        } catch (TooManyRequestsException locked) {
            throw new Refusal(locked.code(), 429, locked.retryAfterSeconds());
        }
        if (result.getStatus() != CredentialValidationResult.Status.VALID) {
            throw new Refusal("staff-login-failed", 401);
        }
        return new StaffIdentity(result.getCallerPrincipal().getName(), result.getCallerPrincipal().getName(),
                result.getCallerGroups());
    }

    /** A state-changing request a browser sends on behalf of another site (scripts send no such headers). */
    static boolean crossSiteChange(HttpServletRequest request) {
        String method = request.getMethod();
        if ("GET".equals(method) || "HEAD".equals(method) || "OPTIONS".equals(method)) {
            return false;
        }
        String fetchSite = request.getHeader("Sec-Fetch-Site");
        if (fetchSite != null && !"same-origin".equals(fetchSite) && !"none".equals(fetchSite)) {
            return true;
        }
        String origin = request.getHeader("Origin");
        if (origin == null || "null".equals(origin) && fetchSite == null) {
            return "null".equals(origin);
        }
        String expected = request.getScheme() + "://" + request.getServerName()
                + (request.getServerPort() == 80 || request.getServerPort() == 443 ? "" : ":" + request.getServerPort());
        return !origin.equalsIgnoreCase(expected) && !"same-origin".equals(fetchSite);
    }

    /**
     * The one API call a portal session may make: reading the caller's own polls (GET /api/v1/staff/my-polls), so a
     * portal page's script can use it. A read changes nothing, and a browser asked by another site (Sec-Fetch-Site
     * cross-site or same-site) does not get it answered with the session; no CORS header lets another site read it.
     */
    static boolean sessionReadable(HttpServletRequest request) {
        String fetchSite = request.getHeader("Sec-Fetch-Site");
        return ("GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod()))
                && request.getRequestURI().substring(request.getContextPath().length())
                        .equals("/api/v1" + org.mvoting.web.rest.MyPollsResource.PATH)
                && (fetchSite == null || "same-origin".equals(fetchSite) || "none".equals(fetchSite));
    }

    private static boolean isApi(HttpServletRequest request) {
        return request.getRequestURI().substring(request.getContextPath().length()).startsWith("/api/");
    }

    private static boolean isOperations(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return path.equals(MetricsServlet.PATH) || path.startsWith(HealthServlet.PATH + "/");
    }

    private static boolean isPortalPage(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return path.equals("/admin") || path.startsWith("/admin/");
    }

    /**
     * 401/403 with a problem document in the caller's language (and the Basic challenge for API clients); 429 with
     * Retry-After while a login is locked.
     */
    private static void refuse(HttpServletRequest request, HttpServletResponse response, String code, int status,
                               long retryAfterSeconds) throws IOException {
        // the header itself: without one the servlet API offers the JVM's locale, and mVoting answers in Korean
        Locale locale = ProblemResponses.preferred(request.getHeader("Accept-Language"));
        jakarta.json.JsonObjectBuilder problem = ProblemResponses.body(status, code,
                status == 429 ? new Object[] {retryAfterSeconds} : new Object[0], locale, request.getRequestURI());
        if (status == 429) {
            problem.add("retryAfterSeconds", retryAfterSeconds);
            response.setHeader("Retry-After", Long.toString(retryAfterSeconds));
        }
        String body = problem.build().toString();
        response.setStatus(status);
        if (status == 503) {
            response.setHeader("Retry-After", "30"); // the key set is fetched again after a short pause at the earliest
        }
        if (status == 401) {
            response.setHeader("WWW-Authenticate", "Basic realm=\"mVoting staff\", charset=\"UTF-8\"");
        }
        response.setContentType(ProblemResponses.MEDIA_TYPE + ";charset=UTF-8");
        response.setHeader("Content-Language", locale.getLanguage());
        response.getOutputStream().write(body.getBytes(StandardCharsets.UTF_8));
    }

    /** A refused credential: which problem to answer. */
    private static final class Refusal extends Exception {
        private static final long serialVersionUID = 1L;
        private final String code;
        private final int status;
        private final long retryAfterSeconds;

        Refusal(String code, int status) {
            this(code, status, 0);
        }

        Refusal(String code, int status, long retryAfterSeconds) {
            super(code, null, false, false);
            this.code = code;
            this.status = status;
            this.retryAfterSeconds = retryAfterSeconds;
        }
    }

    /** The request as the application sees it once staff are verified. */
    private static final class AuthenticatedRequest extends HttpServletRequestWrapper {
        private final StaffIdentity staff;
        private final Principal principal;

        AuthenticatedRequest(HttpServletRequest request, StaffIdentity staff) {
            super(request);
            this.staff = staff;
            this.principal = staff::staffId;
        }

        @Override
        public Principal getUserPrincipal() {
            return principal;
        }

        @Override
        public String getRemoteUser() {
            return staff.staffId();
        }

        @Override
        public boolean isUserInRole(String role) {
            return staff.roles().contains(role);
        }

        @Override
        public String getAuthType() {
            return "MVOTING_STAFF";
        }
    }
}
