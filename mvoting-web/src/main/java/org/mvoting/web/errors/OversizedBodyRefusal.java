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
import org.mvoting.web.security.RequestBodyLimit;

/**
 * Undertow refuses a body that announces more than its max-post-size (or, for an upload, than the servlet's
 * multipart limit) itself, before any filter runs: a bare 400 with the connection closed. This handler, in front of
 * Undertow's servlet layer, answers those requests first with the 413 mVoting gives every body too big for its path
 * (a problem under /api, a short page elsewhere) and closes the connection, without reading the body. Smaller
 * refusals are {@link RequestBodyLimit}'s, which lets Undertow drain the rest and keep the connection.
 */
public class OversizedBodyRefusal implements ServletExtension {

    private static final int PAYLOAD_TOO_LARGE = 413;

    @Override
    public void handleDeployment(DeploymentInfo deployment, ServletContext context) {
        deployment.addInitialHandlerChainWrapper(next -> exchange -> {
            if (refusedByUndertow(exchange)) {
                refuse(exchange);
            } else {
                next.handleRequest(exchange);
            }
        });
    }

    private static boolean refusedByUndertow(HttpServerExchange exchange) {
        long length = exchange.getRequestContentLength();
        if (length <= 0) {
            return false;
        }
        long undertow = exchange.getMaxEntitySize();
        String type = exchange.getRequestHeaders().getFirst(Headers.CONTENT_TYPE);
        boolean upload = type != null && type.toLowerCase(Locale.ROOT).startsWith("multipart/");
        return (undertow > 0 && length > undertow) || (upload && length > RequestBodyLimit.MAX_PORTAL_BYTES);
    }

    private static void refuse(HttpServerExchange exchange) {
        String languages = exchange.getRequestHeaders().getFirst(Headers.ACCEPT_LANGUAGE);
        Locale locale = languages != null && languages.strip().toLowerCase(Locale.ROOT).startsWith("en")
                ? Locale.ENGLISH : Locale.KOREAN;
        String path = exchange.getRequestURI();
        exchange.setStatusCode(PAYLOAD_TOO_LARGE);
        exchange.setPersistent(false); // the body stays unread: the connection closes after the answer
        exchange.getResponseHeaders().put(Headers.CONTENT_LANGUAGE, locale.getLanguage());
        String body;
        if (path.startsWith("/api/")) {
            exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, ProblemResponses.MEDIA_TYPE + ";charset=UTF-8");
            body = ProblemResponses.body(PAYLOAD_TOO_LARGE, "payload-too-large", new Object[0], locale, path).build().toString();
        } else {
            String title = ProblemResponses.body(PAYLOAD_TOO_LARGE, "payload-too-large", new Object[0], locale, null)
                    .build().getString("title");
            exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, "text/html;charset=UTF-8");
            body = "<!DOCTYPE html><html lang=\"" + locale.getLanguage() + "\"><head><meta charset=\"UTF-8\"><title>"
                    + title + "</title></head><body><h1>" + title + "</h1><p><a href=\"/\">mVoting</a></p></body></html>";
        }
        exchange.getResponseSender().send(body, StandardCharsets.UTF_8);
    }
}
