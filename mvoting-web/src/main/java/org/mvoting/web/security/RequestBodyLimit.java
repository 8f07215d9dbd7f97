package org.mvoting.web.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.mvoting.web.errors.ContainerErrorServlet;
import org.mvoting.web.rest.security.RequestSizeLimit;

/**
 * Refuses a body too big for its path before anything reads it: 413, a problem under /api, a short page
 * elsewhere. The API's limits are {@link RequestSizeLimit}'s (which also stops a chunked body at its limit); the
 * portal's are its uploads' (the Faces servlet's multipart-config, {@link #MAX_PORTAL_BYTES}).
 *
 * <p>Undertow drains the unread rest of a body before it sends the answer, and closes the connection without one
 * when the rest passes its max-post-size (wildfly-config/04-http.cli): the refusal is therefore flushed first, so a
 * client that sends 100 MiB still reads its 413.
 */
@WebFilter(filterName = "request-body-limit", urlPatterns = "/*", asyncSupported = true)
public class RequestBodyLimit extends HttpFilter {

    /** The portal's largest upload: a phone or participant list (web.xml's multipart max-request-size). */
    public static final long MAX_PORTAL_BYTES = 1_200_000;
    private static final int PAYLOAD_TOO_LARGE = 413;
    private static final long serialVersionUID = 1L;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        long limit = path.startsWith("/api/") ? RequestSizeLimit.limitFor(path) : MAX_PORTAL_BYTES;
        if (request.getContentLengthLong() > limit) {
            ContainerErrorServlet.respond(request, response, PAYLOAD_TOO_LARGE, request.getRequestURI(), null);
            response.flushBuffer();
            return;
        }
        chain.doFilter(request, response);
        if (response.getStatus() == PAYLOAD_TOO_LARGE && !response.isCommitted() && !request.isAsyncStarted()) {
            response.flushBuffer(); // a chunked body stopped at its limit: answer before the rest is drained
        }
    }
}
