package org.mvoting.web.rest.problem;

import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.Providers;
import org.mvoting.api.errors.BusinessException;

/**
 * A body that could not be read (broken JSON, wrong field types) is the client's mistake: 400, with no
 * parser internals in the answer. A body cut off by the size limit stays a 413, and a field of the wrong JSON type
 * (StrictJsonTypes) is answered as such.
 */
@Provider
public class MalformedRequestMapper implements ExceptionMapper<ProcessingException> {

    @Context
    private HttpHeaders headers;

    @Context
    private UriInfo uri;

    @Context
    private Providers providers;

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public Response toResponse(ProcessingException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof BusinessException refusal) {
                ExceptionMapper mapper = providers.getExceptionMapper(refusal.getClass());
                if (mapper != null) {
                    return mapper.toResponse(refusal);
                }
            }
            if (t instanceof WebApplicationException w && w.getResponse() != null
                    && w.getResponse().getStatus() == 413) {
                return ProblemResponses.build(413, "payload-too-large", new Object[0], headers, uri, b -> { });
            }
        }
        return ProblemResponses.build(400, "malformed-json", new Object[0], headers, uri, b -> { });
    }
}
