package org.mvoting.web.rest.problem;

import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import java.util.function.Consumer;

/**
 * Builds RFC 9457 problem responses. The {@code type} is a stable URN per problem code; title and detail
 * come from the problems bundle in the caller's language (Korean unless the caller prefers English).
 */
public final class ProblemResponses {

    public static final String MEDIA_TYPE = "application/problem+json";
    public static final String TYPE_PREFIX = "urn:mvoting:problem:";
    private static final String BUNDLE = "org.mvoting.web.i18n.problems";
    private static final ResourceBundle.Control NO_FALLBACK =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

    private ProblemResponses() {
    }

    public static Response build(int status, String code, Object[] arguments, HttpHeaders headers, UriInfo uri,
                                 Consumer<JsonObjectBuilder> extensions) {
        Locale locale = locale(headers);
        JsonObjectBuilder body = body(status, code, arguments, locale, uri == null ? null : uri.getRequestUri().getRawPath());
        extensions.accept(body);
        return Response.status(status)
                .type(MEDIA_TYPE + ";charset=UTF-8")
                .header(HttpHeaders.CONTENT_LANGUAGE, locale.getLanguage())
                .entity(body.build().toString())
                .build();
    }

    /** The problem object: type, title, status, detail, code and (when known) instance. */
    public static JsonObjectBuilder body(int status, String code, Object[] arguments, Locale locale, String instance) {
        JsonObjectBuilder body = Json.createObjectBuilder()
                .add("type", TYPE_PREFIX + code)
                .add("title", text(locale, code + ".title", arguments))
                .add("status", status)
                .add("detail", text(locale, code + ".detail", arguments))
                .add("code", code);
        if (instance != null) {
            body.add("instance", instance);
        }
        return body;
    }

    /** The problem code for a bare HTTP status (protocol-level refusals). */
    public static String codeForStatus(int status) {
        return switch (status) {
            case 400 -> "bad-request";
            case 401 -> "unauthenticated";
            case 403 -> "forbidden";
            case 404 -> "not-found";
            case 405 -> "method-not-allowed";
            case 406 -> "not-acceptable";
            case 413 -> "payload-too-large";
            case 415 -> "unsupported-media-type";
            case 503 -> "service-unavailable";
            default -> status >= 500 ? "internal-error" : "bad-request";
        };
    }

    /** English when the first language in the list is English; Korean otherwise (also for none). */
    public static Locale preferred(Iterable<Locale> wanted) {
        for (Locale l : wanted) {
            if ("ko".equals(l.getLanguage())) {
                return Locale.KOREAN;
            }
            if ("en".equals(l.getLanguage())) {
                return Locale.ENGLISH;
            }
        }
        return Locale.KOREAN;
    }

    /**
     * The language of an answer from the raw Accept-Language header: Korean without one (or with one that cannot be
     * read), English when English comes before Korean. Servlet code must use this, not {@code request.getLocales()},
     * which answers with the JVM's locale (English on most servers) when the client sent no header.
     */
    public static Locale preferred(String acceptLanguage) {
        if (acceptLanguage == null || acceptLanguage.isBlank()) {
            return Locale.KOREAN;
        }
        List<Locale.LanguageRange> ranges;
        try {
            ranges = Locale.LanguageRange.parse(acceptLanguage); // highest weight first
        } catch (IllegalArgumentException malformed) {
            return Locale.KOREAN;
        }
        List<Locale> wanted = new ArrayList<>();
        for (Locale.LanguageRange range : ranges) {
            if (range.getWeight() == 0) {
                continue; // q=0: "not this language"
            }
            wanted.add(Locale.forLanguageTag(range.getRange()));
        }
        return preferred(wanted);
    }

    /** English when the caller's first preference is English; Korean otherwise. */
    static Locale locale(HttpHeaders headers) {
        if (headers == null) {
            return Locale.KOREAN;
        }
        List<Locale> wanted;
        try {
            wanted = headers.getAcceptableLanguages();
        } catch (RuntimeException malformedHeader) {
            return Locale.KOREAN; // an unreadable Accept-Language must not turn an answer into a 500
        }
        return preferred(wanted);
    }

    static String text(Locale locale, String key, Object[] arguments) {
        ResourceBundle bundle = ResourceBundle.getBundle(BUNDLE, locale, ProblemResponses.class.getClassLoader(),
                NO_FALLBACK);
        String pattern;
        try {
            pattern = bundle.getString(key);
        } catch (MissingResourceException e) {
            pattern = bundle.getString(key.endsWith(".title") ? "fallback.title" : "fallback.detail");
        }
        return new MessageFormat(pattern, locale).format(arguments == null ? new Object[0] : arguments);
    }
}
