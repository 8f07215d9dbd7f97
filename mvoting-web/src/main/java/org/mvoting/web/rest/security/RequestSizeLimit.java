package org.mvoting.web.rest.security;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * No API request needs more than 64 KiB (a 5-question poll with 30 options each fits easily), except a results
 * summary PDF uploaded to be checked, a phone or participant list file a census table and a policy-cycle step's PDF (up to 1 MiB each). Bigger bodies are
 * refused with 413 before they are parsed, whether or not they announce their length. A body that announces more is
 * refused earlier still, before anything reads it, by the servlet filter {@code web.security.RequestBodyLimit};
 * Undertow's max-post-size (wildfly-config/04-http.cli) is the outer backstop.
 */
@Provider
@Priority(Priorities.AUTHENTICATION - 100)
public class RequestSizeLimit implements ContainerRequestFilter {

    public static final int MAX_BYTES = 64 * 1024;
    public static final int MAX_FILE_BYTES = 1024 * 1024;

    /** The limit for a path under the API (with or without its /api/v1 prefix). */
    public static long limitFor(String path) {
        return path.endsWith("summaries/verify") || path.endsWith("/import") || path.endsWith("admin/census")
                || path.endsWith("/document")
                ? MAX_FILE_BYTES : MAX_BYTES;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        long limit = limitFor(request.getUriInfo().getPath());
        if (request.getLength() > limit) {
            throw tooLarge();
        }
        if (request.hasEntity()) {
            request.setEntityStream(new Limited(request.getEntityStream(), limit));
        }
    }

    static WebApplicationException tooLarge() {
        return new WebApplicationException(Response.Status.REQUEST_ENTITY_TOO_LARGE);
    }

    /** Counts bytes as they are read and stops at the limit. */
    private static final class Limited extends FilterInputStream {

        private final long limit;
        private long read;

        Limited(InputStream in, long limit) {
            super(in);
            this.limit = limit;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            count(b < 0 ? 0 : 1);
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            count(Math.max(n, 0));
            return n;
        }

        private void count(int n) {
            read += n;
            if (read > limit) {
                throw tooLarge();
            }
        }
    }
}
