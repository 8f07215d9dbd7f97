package org.mvoting.web.rest.security;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.Provider;
import org.mvoting.web.rest.problem.ProblemResponses;

/**
 * Staff resources need an authenticated member of staff (Basic with the directory password, a mobile-office
 * token, or a portal session: see {@code StaffAuthenticationFilter}). Which roles may do what is checked
 * by the services themselves, so a resource cannot forget it.
 */
@Provider
@StaffOnly
@Priority(Priorities.AUTHENTICATION)
public class StaffOnlyFilter implements ContainerRequestFilter {

    @Context
    private HttpHeaders headers;

    @Context
    private UriInfo uri;

    @Override
    public void filter(ContainerRequestContext request) {
        if (request.getSecurityContext().getUserPrincipal() == null) {
            request.abortWith(Response.fromResponse(ProblemResponses.build(401, "staff-login-required",
                            new Object[0], headers, uri, body -> { }))
                    .header(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"mVoting staff\", charset=\"UTF-8\"")
                    .build());
        }
    }
}
