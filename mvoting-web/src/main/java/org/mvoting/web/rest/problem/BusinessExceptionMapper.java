package org.mvoting.web.rest.problem;

import jakarta.ejb.EJB;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import org.mvoting.api.errors.BusinessException;
import org.mvoting.api.errors.CensusInvalidException;
import org.mvoting.api.errors.JsonTypeException;
import org.mvoting.api.errors.TooManyRequestsException;
import org.mvoting.api.errors.VerificationFailedException;
import org.mvoting.api.staff.StaffSignIn;

/** A business rule's refusal becomes a problem with the rule's own type and a fitting status. */
@Provider
public class BusinessExceptionMapper implements ExceptionMapper<BusinessException> {

    @Context
    private HttpHeaders headers;

    @Context
    private UriInfo uri;

    @Context
    private HttpServletRequest request;

    @EJB
    private StaffSignIn signIn;

    @Override
    public Response toResponse(BusinessException e) {
        int status = switch (e.kind()) {
            case BAD_REQUEST -> 400;
            case UNAUTHENTICATED -> 401;
            case FORBIDDEN -> 403;
            case NOT_FOUND -> 404;
            case CONFLICT -> 409;
            case INVALID -> 422;
            case RATE_LIMITED -> 429;
            case UNAVAILABLE -> 503;
        };
        if (status == 403) {
            RefusedActions.record(signIn, e.code(), request);
        }
        Response problem = ProblemResponses.build(status, e.code(), e.arguments(), headers, uri, body -> {
            if (e instanceof TooManyRequestsException limited) {
                body.add("retryAfterSeconds", limited.retryAfterSeconds());
            }
            if (e instanceof JsonTypeException wrongType) {
                body.add("field", wrongType.field());
            }
            if (e instanceof CensusInvalidException census) {
                body.add("errors", censusProblems(census, ProblemResponses.locale(headers)));
            }
            if (e instanceof VerificationFailedException failed) {
                body.add("attemptsLeft", ((Number) failed.arguments()[0]).intValue());
            }
        });
        Response.ResponseBuilder answer = Response.fromResponse(problem);
        if (e instanceof TooManyRequestsException limited) {
            answer.header("Retry-After", limited.retryAfterSeconds());
        }
        if (status == 401) {
            answer.header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"mvoting\", error=\"invalid_token\"");
        }
        return answer.build();
    }

    /** Each problem of a census file with its row, reason, value and a sentence in the caller's language. */
    static jakarta.json.JsonArrayBuilder censusProblems(CensusInvalidException e, java.util.Locale locale) {
        jakarta.json.JsonArrayBuilder errors = jakarta.json.Json.createArrayBuilder();
        e.problems().forEach(p -> errors.add(jakarta.json.Json.createObjectBuilder()
                .add("row", p.row()).add("reason", p.reason()).add("value", p.value())
                .add("message", ProblemResponses.text(locale, "census-" + p.reason() + ".row",
                        new Object[] {String.valueOf(p.row()), p.value()}))));
        return errors;
    }
}
