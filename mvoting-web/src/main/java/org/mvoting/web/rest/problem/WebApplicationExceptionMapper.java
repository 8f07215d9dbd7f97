package org.mvoting.web.rest.problem;

import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Protocol-level refusals from the JAX-RS runtime (unknown path, wrong method, wrong content type, ...)
 * become problems too, keeping headers such as Allow and WWW-Authenticate.
 */
@Provider
public class WebApplicationExceptionMapper implements ExceptionMapper<WebApplicationException> {

    private static final Logger LOG = Logger.getLogger(WebApplicationExceptionMapper.class.getName());

    @Context
    private HttpHeaders headers;

    @Context
    private UriInfo uri;

    @Override
    public Response toResponse(WebApplicationException e) {
        Response original = e.getResponse();
        int status = original == null ? 500 : original.getStatus();
        String code = ProblemResponses.codeForStatus(status);
        Object[] arguments = new Object[0];
        Consumer<JsonObjectBuilder> extensions = body -> { };
        if (status >= 500) {
            String incident = UUID.randomUUID().toString();
            LOG.log(Level.SEVERE, "Server error answered as a problem, incident " + incident, e);
            arguments = new Object[] {incident};
            extensions = body -> body.add("incident", incident);
        }
        Response.ResponseBuilder answer = Response.fromResponse(
                ProblemResponses.build(status, code, arguments, headers, uri, extensions));
        if (original != null) {
            for (String header : new String[] {HttpHeaders.ALLOW, HttpHeaders.WWW_AUTHENTICATE, "Retry-After"}) {
                if (original.getHeaderString(header) != null) {
                    answer.header(header, original.getHeaderString(header));
                }
            }
        }
        return answer.build();
    }
}
