package org.mvoting.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/** The node's operations endpoints as the balancer and the city's monitoring call them: outside /api/v1. */
final class Operations {

    private Operations() {
    }

    /** GET /health/{which} without credentials. */
    static Api.Reply health(String which) {
        return Api.send(HttpRequest.newBuilder(URI.create(Browser.SITE + "/health/" + which))
                .timeout(Duration.ofSeconds(30)).build());
    }

    /** GET /metrics with this Authorization header (none for null). */
    static Api.Reply metrics(String authorization) {
        return metrics(Browser.SITE, authorization);
    }

    /** GET /metrics of the server at {@code site} (a node of the cluster test). */
    static Api.Reply metrics(String site, String authorization) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(site + "/metrics")).timeout(Duration.ofSeconds(30));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return Api.send(request.build());
    }

    /** A scrape with the token, as series ({@code name} or {@code name{label="value",...}}) → value. */
    static Map<String, Double> scrape(String token) {
        return scrape(Browser.SITE, token);
    }

    /** A scrape of the server at {@code site}. */
    static Map<String, Double> scrape(String site, String token) {
        Api.Reply reply = metrics(site, "Bearer " + token);
        assertEquals(200, reply.status(), reply.body());
        assertTrue(reply.header("Content-Type").startsWith("text/plain; version=0.0.4"), reply.header("Content-Type"));
        return parse(reply.body());
    }

    static Map<String, Double> parse(String text) {
        Map<String, Double> series = new LinkedHashMap<>();
        for (String line : text.split("\n")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            int space = line.lastIndexOf(' ');
            series.put(line.substring(0, space), Double.valueOf(line.substring(space + 1)));
        }
        return series;
    }

    /** The value of one series, failing with the whole scrape when it is missing. */
    static double value(Map<String, Double> scrape, String series) {
        Double value = scrape.get(series);
        if (value == null) {
            throw new AssertionError(series + " is not in the scrape: " + scrape.keySet());
        }
        return value;
    }
}
