package org.mvoting.web.errors;

import jakarta.json.JsonObjectBuilder;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.mvoting.web.rest.problem.ProblemResponses;

/**
 * The error page for everything the container answers itself (a header RESTEasy cannot parse, Undertow's
 * own size limit, an exception outside JAX-RS): an RFC 9457 problem under /api, a short page elsewhere.
 * Never a stack trace.
 */
@WebServlet(urlPatterns = ContainerErrorServlet.PATH)
public class ContainerErrorServlet extends HttpServlet {

    static final String PATH = "/error";
    private static final long serialVersionUID = 1L;
    private static final Logger LOG = Logger.getLogger(ContainerErrorServlet.class.getName());

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Object statusAttribute = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        int status = statusAttribute instanceof Integer i ? i : 404;
        String uri = String.valueOf(request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI));
        Throwable cause = (Throwable) request.getAttribute(RequestDispatcher.ERROR_EXCEPTION);
        if (status == 500 && DatabaseUnavailable.causedBy(cause)) {
            LOG.warning(() -> "Database unavailable, answered 503 on " + uri + ": " + cause);
            status = 503;
            response.setHeader("Retry-After", String.valueOf(DatabaseUnavailable.RETRY_AFTER_SECONDS));
        }
        respond(request, response, status, uri, cause);
    }

    /** Writes the answer for a bare status: a problem under /api, a short page elsewhere (also used by filters). */
    public static void respond(HttpServletRequest request, HttpServletResponse response, int status, String uri,
                               Throwable cause) throws IOException {
        String code = ProblemResponses.codeForStatus(status);
        Object[] arguments = new Object[0];
        String incident = null;
        if (status >= 500 && status != 503) {
            incident = UUID.randomUUID().toString();
            arguments = new Object[] {incident};
            LOG.log(Level.SEVERE, "Container error " + status + " on " + uri + ", incident " + incident, cause);
        }
        Locale locale = ProblemResponses.preferred(request.getHeader("Accept-Language"));
        response.setStatus(status);
        response.setCharacterEncoding("UTF-8");
        response.setHeader("Content-Language", locale.getLanguage());
        if (uri.startsWith(request.getContextPath() + "/api/")) {
            JsonObjectBuilder body = ProblemResponses.body(status, code, arguments, locale, uri);
            if (incident != null) {
                body.add("incident", incident);
            }
            response.setContentType(ProblemResponses.MEDIA_TYPE);
            response.getWriter().write(body.build().toString());
        } else {
            String title = ProblemResponses.body(status, code, arguments, locale, null).build().getString("title");
            response.setContentType("text/html");
            response.getWriter().write("<!DOCTYPE html><html lang=\"" + locale.getLanguage() + "\"><head><meta charset=\"UTF-8\">"
                    + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>" + title
                    + "</title></head><body><h1>" + title + "</h1><p><a href=\"" + request.getContextPath()
                    + "/\">mVoting</a></p></body></html>");
        }
    }
}
