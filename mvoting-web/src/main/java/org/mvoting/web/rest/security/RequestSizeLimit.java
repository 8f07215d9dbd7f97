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
 * summary PDF uploaded to be checked (up to 1 MiB). Bigger bodies are refused with 413 before they are parsed,
 * whether or not they announce their length. Undertow's max-post-size (wildfly-config/http.cli) is the outer backstop.
 */
@Provider
@Priority(Priorities.AUTHENTICATION - 100)
public class RequestSizeLimit implements ContainerRequestFilter {

    public static final int MAX_BYTES = 64 * 1024;
    public static final int MAX_PDF_BYTES = 1024 * 1024;

    @Override
    public void filter(ContainerRequestContext request) {
        long limit = request.getUriInfo().getPath().endsWith("summaries/verify") ? MAX_PDF_BYTES : MAX_BYTES;
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
