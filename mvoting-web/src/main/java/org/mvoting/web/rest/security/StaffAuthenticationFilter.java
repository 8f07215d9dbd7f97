package org.mvoting.web.rest.security;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.Provider;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.Principal;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.logging.Logger;
import org.mvoting.web.rest.problem.ProblemResponses;

/**
 * INTERIM staff login for the administration API: HTTP Basic against one operator account from
 * MVOTING_ADMIN_USER / MVOTING_ADMIN_PASSWORD. The staff directory (LDAP) with roles replaces it.
 * Without a configured password a random one is generated and logged once at startup, so a
 * forgotten setting never leaves a guessable default.
 */
@Provider
@StaffOnly
@Priority(Priorities.AUTHENTICATION)
public class StaffAuthenticationFilter implements ContainerRequestFilter {

    private static final Logger LOG = Logger.getLogger(StaffAuthenticationFilter.class.getName());
    private static final String USER = setting("MVOTING_ADMIN_USER", "operator");
    private static final String PASSWORD = configuredOrRandomPassword();

    @Context
    private HttpHeaders headers;

    @Context
    private UriInfo uri;

    @Override
    public void filter(ContainerRequestContext request) {
        String authorization = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        String user = authenticatedUser(authorization);
        if (user == null) {
            request.abortWith(Response.fromResponse(ProblemResponses.build(401, "staff-login-required",
                            new Object[0], headers, uri, body -> { }))
                    .header(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"mVoting staff\", charset=\"UTF-8\"")
                    .build());
            return;
        }
        boolean secure = request.getSecurityContext().isSecure();
        request.setSecurityContext(new SecurityContext() {
            @Override
            public Principal getUserPrincipal() {
                return () -> user;
            }

            @Override
            public boolean isUserInRole(String role) {
                return "OPERATOR".equals(role);
            }

            @Override
            public boolean isSecure() {
                return secure;
            }

            @Override
            public String getAuthenticationScheme() {
                return SecurityContext.BASIC_AUTH;
            }
        });
    }

    static String authenticatedUser(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            return null;
        }
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(authorization.substring(6).strip()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return null;
        }
        int colon = decoded.indexOf(':');
        if (colon < 0) {
            return null;
        }
        boolean userOk = MessageDigest.isEqual(USER.getBytes(StandardCharsets.UTF_8),
                decoded.substring(0, colon).getBytes(StandardCharsets.UTF_8));
        boolean passwordOk = MessageDigest.isEqual(PASSWORD.getBytes(StandardCharsets.UTF_8),
                decoded.substring(colon + 1).getBytes(StandardCharsets.UTF_8));
        return userOk && passwordOk ? USER : null;
    }

    private static String configuredOrRandomPassword() {
        String configured = setting("MVOTING_ADMIN_PASSWORD", null);
        if (configured != null) {
            return configured;
        }
        byte[] random = new byte[12];
        new SecureRandom().nextBytes(random);
        String generated = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        LOG.warning("MVOTING_ADMIN_PASSWORD is not set; the interim operator password for this run is: " + generated);
        return generated;
    }

    private static String setting(String name, String defaultValue) {
        String property = System.getProperty(name.toLowerCase(java.util.Locale.ROOT).replace('_', '.'));
        if (property != null && !property.isBlank()) {
            return property.strip();
        }
        String env = System.getenv(name);
        return env == null || env.isBlank() ? defaultValue : env.strip();
    }
}
