package org.mvoting.web.rest.problem;

import jakarta.ejb.EJB;
import jakarta.ejb.EJBAccessException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import org.mvoting.api.staff.StaffSignIn;

/** A service refused the caller's roles (@RolesAllowed): 403, with which rule in words, nothing more. */
@Provider
public class AccessDeniedMapper implements ExceptionMapper<EJBAccessException> {

    @Context
    private HttpHeaders headers;

    @Context
    private UriInfo uri;

    @Context
    private HttpServletRequest request;

    @EJB
    private StaffSignIn signIn;

    @Override
    public Response toResponse(EJBAccessException e) {
        RefusedActions.record(signIn, "role-required", request);
        return ProblemResponses.build(403, "role-required", new Object[0], headers, uri, body -> { });
    }
}
