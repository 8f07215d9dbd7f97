package org.mvoting.web.rest;

import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.TreeMap;
import org.mvoting.api.settings.CitySettings;
import org.mvoting.web.rest.problem.ProblemResponses;

/**
 * The citizen mobile web's texts (/m/) in the caller's language, as one flat JSON object: the page has no
 * server-side templates, so it asks for its words first. Korean unless English comes first in Accept-Language,
 * the same rule the problem details follow, so a page and its error messages never disagree on language. With them
 * comes the city's time zone, so the pages show every time on the city's clock.
 */
@Path("/texts")
public class TextsResource {

    static final String MOBILE_BUNDLE = "org.mvoting.web.i18n.mobile";
    private static final ResourceBundle.Control NO_FALLBACK =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);
    private static final int MAX_AGE_SECONDS = 300;
    /** The city's time zone (MVOTING_TIME_ZONE) among the texts; no bundle has this key. */
    static final String TIME_ZONE_KEY = "city.timeZone";

    @GET
    @Path("mobile")
    @Produces(MediaType.APPLICATION_JSON)
    public Response mobile(@Context HttpHeaders headers) {
        Locale locale = ProblemResponses.preferred(languages(headers));
        JsonObjectBuilder body = Json.createObjectBuilder();
        mobile(locale).forEach(body::add);
        // not a text but read with them by every page: dates on the phone are on the city's clock, not the phone's
        body.add(TIME_ZONE_KEY, CitySettings.timeZone().getId());
        CacheControl cache = new CacheControl();
        cache.setMaxAge(MAX_AGE_SECONDS);
        return Response.ok(body.build().toString(), MediaType.APPLICATION_JSON + ";charset=UTF-8")
                .cacheControl(cache)
                .header(HttpHeaders.VARY, HttpHeaders.ACCEPT_LANGUAGE) // one URL, two languages: caches must key on it
                .header(HttpHeaders.CONTENT_LANGUAGE, locale.getLanguage())
                .build();
    }

    /** Every mobile text in the given language (Korean for anything but English), sorted by key. */
    static Map<String, String> mobile(Locale locale) {
        Locale supported = "en".equals(locale.getLanguage()) ? Locale.ENGLISH : Locale.KOREAN;
        ResourceBundle bundle = ResourceBundle.getBundle(MOBILE_BUNDLE, supported, TextsResource.class.getClassLoader(),
                NO_FALLBACK);
        Map<String, String> texts = new TreeMap<>();
        for (String key : bundle.keySet()) {
            texts.put(key, bundle.getString(key));
        }
        return texts;
    }

    private static List<Locale> languages(HttpHeaders headers) {
        try {
            return headers.getAcceptableLanguages();
        } catch (RuntimeException malformedHeader) {
            return List.of(); // an unreadable Accept-Language gets Korean, not a 500
        }
    }
}
