package org.mvoting.web.rest.problem;

import jakarta.ejb.EJBException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.Providers;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.mvoting.api.errors.BusinessException;
import org.mvoting.web.errors.DatabaseUnavailable;

/**
 * Anything else: logged in full with an incident id; the client gets the id and a 500 problem, never a
 * stack trace. A business exception that arrives wrapped (EJBException) is unwrapped and answered properly, and a
 * database that cannot be reached is a 503 problem with Retry-After (one log line, no incident).
 */
@Provider
public class UnexpectedErrorMapper implements ExceptionMapper<Throwable> {

    private static final Logger LOG = Logger.getLogger(UnexpectedErrorMapper.class.getName());

    @Context
    private HttpHeaders headers;

    @Context
    private UriInfo uri;

    @Context
    private Providers providers;

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public Response toResponse(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof BusinessException || (t instanceof WebApplicationException && t != e)) {
                ExceptionMapper mapper = providers.getExceptionMapper(t.getClass());
                if (mapper != null && mapper != this) {
                    return mapper.toResponse(t);
                }
            }
            if (!(t instanceof EJBException) && t.getCause() == null) {
                break;
            }
        }
        if (DatabaseUnavailable.causedBy(e)) {
            return serviceUnavailable(e, headers, uri);
        }
        String incident = UUID.randomUUID().toString();
        LOG.log(Level.SEVERE, "Unexpected error, incident " + incident, e);
        return ProblemResponses.build(500, "internal-error", new Object[] {incident}, headers, uri,
                body -> body.add("incident", incident));
    }

    /** 503 service-unavailable with Retry-After: the database cannot be reached; the client tries again. */
    static Response serviceUnavailable(Throwable e, HttpHeaders headers, UriInfo uri) {
        LOG.warning(() -> "Database unavailable, answered 503: " + e);
        return Response.fromResponse(ProblemResponses.build(503, DatabaseUnavailable.CODE, new Object[0], headers, uri,
                        body -> body.add("retryAfterSeconds", DatabaseUnavailable.RETRY_AFTER_SECONDS)))
                .header("Retry-After", DatabaseUnavailable.RETRY_AFTER_SECONDS).build();
    }
}
