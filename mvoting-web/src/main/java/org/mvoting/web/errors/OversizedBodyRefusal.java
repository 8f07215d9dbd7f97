package org.mvoting.web.errors;

import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.servlet.ServletExtension;
import io.undertow.servlet.api.DeploymentInfo;
import io.undertow.util.Headers;
import jakarta.servlet.ServletContext;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.mvoting.web.rest.problem.ProblemResponses;
import org.mvoting.web.rest.security.RequestSizeLimit;
import org.mvoting.web.security.RequestBodyLimit;

/**
 * Every request's body limit, set in front of Undertow's servlet layer. Undertow's own max-post-size cannot give a
 * 413: a body announced beyond it is answered with a bare 400 and the connection closed before any handler runs. So
 * the listener has no limit (wildfly-config/04-http.cli) and this handler sets one per request, from its path:
 * <ul>
 * <li>a body announced beyond {@link #DRAIN_LIMIT}, or an upload announced beyond the portal's limit (Undertow's
 * servlet layer would answer that with a bare 400 too), is answered here with mVoting's 413 (a problem under /api, a
 * short page elsewhere) and the connection closed, unread;</li>
 * <li>a body announced beyond its path's limit but within {@link #DRAIN_LIMIT} is refused by {@link RequestBodyLimit},
 * and Undertow drains the rest, keeping the connection;</li>
 * <li>a body without a length (chunked) may be read up to its path's limit (the API stops it there with a 413);
 * Undertow closes the connection when more than {@link #DRAIN_LIMIT} arrives (the portal's limit outside the API).</li>
 * </ul>
 */
public class OversizedBodyRefusal implements ServletExtension {

    /** The most of a refused body Undertow reads and throws away to keep the connection: 16 MiB. */
    public static final long DRAIN_LIMIT = 16L * 1024 * 1024;
    private static final int PAYLOAD_TOO_LARGE = 413;

    @Override
    public void handleDeployment(DeploymentInfo deployment, ServletContext context) {
        deployment.addInitialHandlerChainWrapper(next -> exchange -> {
            String path = exchange.getRequestPath();
            boolean api = path.startsWith("/api/");
            long limit = api ? RequestSizeLimit.limitFor(path) : RequestBodyLimit.MAX_PORTAL_BYTES;
            long length = exchange.getRequestContentLength();
            String type = exchange.getRequestHeaders().getFirst(Headers.CONTENT_TYPE);
            boolean upload = type != null && type.toLowerCase(Locale.ROOT).startsWith("multipart/");
            if (length > DRAIN_LIMIT || (upload && length > limit)) {
                refuse(exchange);
                return;
            }
            exchange.setMaxEntitySize(length > limit ? length : length >= 0 ? limit : api ? DRAIN_LIMIT : limit);
            next.handleRequest(exchange);
        });
    }

    private static void refuse(HttpServerExchange exchange) {
        String languages = exchange.getRequestHeaders().getFirst(Headers.ACCEPT_LANGUAGE);
        Locale locale = ProblemResponses.preferred(languages); // the rule every answer follows: Korean first
        String path = exchange.getRequestURI();
        exchange.setStatusCode(PAYLOAD_TOO_LARGE);
        exchange.setPersistent(false); // the body stays unread: the connection closes after the answer
        exchange.getResponseHeaders().put(Headers.CONTENT_LANGUAGE, locale.getLanguage());
        boolean api = path.startsWith("/api/");
        exchange.getResponseHeaders().put(Headers.CONTENT_TYPE,
                api ? ProblemResponses.MEDIA_TYPE + ";charset=UTF-8" : "text/html;charset=UTF-8");
        // Undertow's I/O thread does not carry the deployment's class loader, where JSON-P finds its provider
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(OversizedBodyRefusal.class.getClassLoader());
        String body;
        try {
            body = api ? problem(locale, path) : page(locale);
        } finally {
            thread.setContextClassLoader(previous);
        }
        exchange.getResponseSender().send(body, StandardCharsets.UTF_8);
    }

    private static String problem(Locale locale, String path) {
        return ProblemResponses.body(PAYLOAD_TOO_LARGE, "payload-too-large", new Object[0], locale, path).build().toString();
    }

    private static String page(Locale locale) {
        String title = ProblemResponses.body(PAYLOAD_TOO_LARGE, "payload-too-large", new Object[0], locale, null)
                .build().getString("title");
        return "<!DOCTYPE html><html lang=\"" + locale.getLanguage() + "\"><head><meta charset=\"UTF-8\"><title>"
                + title + "</title></head><body><h1>" + title + "</h1><p><a href=\"/\">mVoting</a></p></body></html>";
    }
}
