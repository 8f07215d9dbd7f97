package org.mvoting.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/** The REST API as a phone app sees it: plain HTTP and JSON. */
final class Api {

    static final String BASE = System.getProperty("mvoting.test.base", "http://127.0.0.1:8080/api/v1");
    /** Every demo directory account's password (directory/demo-organisation.ldif). */
    static final String DEMO_PASSWORD = "mvoting-demo";
    /** Operator of DEPT-IT (정보통신과): drafts and submits. */
    static final String OPERATOR = basic("it.operator");
    /** Head of DEPT-IT: approves. */
    static final String HEAD = basic("it.head");
    /** 김민준 비서실장 of the mayor's office (role MAYOR_OFFICE): chooses the city-hall poll. */
    static final String MAYOR_OFFICE = basic("kim.minjun");
    /** System administrator: directory sync. */
    static final String SYSADMIN = basic("sys.admin");

    static String basic(String staffId) {
        return basic(staffId, DEMO_PASSWORD);
    }

    static String basic(String staffId, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((staffId + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    private static final HttpClient CLIENT = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .build();

    /** An answer from the API. */
    record Reply(int status, HttpHeaders headers, String body) {

        JsonObject json() {
            try (JsonReader reader = Json.createReader(new StringReader(body))) {
                return reader.readObject();
            }
        }

        JsonArray jsonArray() {
            try (JsonReader reader = Json.createReader(new StringReader(body))) {
                return reader.readArray();
            }
        }

        String header(String name) {
            return headers.firstValue(name).orElse(null);
        }

        /** Asserts an RFC 9457 problem with this status and code, and no server internals in it. */
        JsonObject assertProblem(int expectedStatus, String code) {
            assertEquals(expectedStatus, status, () -> "status of " + body);
            assertTrue(header("Content-Type").startsWith("application/problem+json"), header("Content-Type"));
            JsonObject problem = json();
            assertEquals("urn:mvoting:problem:" + code, problem.getString("type"), body);
            assertEquals(code, problem.getString("code"));
            assertEquals(expectedStatus, problem.getInt("status"));
            assertFalse(problem.getString("title").isBlank());
            assertFalse(problem.getString("detail").isBlank());
            assertNoInternals();
            return problem;
        }

        void assertNoInternals() {
            for (String leak : new String[] {"Exception", "\tat ", "at org.", "at java.", "jakarta.", "hibernate", "SQL"}) {
                assertFalse(body.contains(leak), () -> "the answer leaks '" + leak + "': " + body);
            }
        }
    }

    private Api() {
    }

    static Reply get(String path, String... headers) {
        return send("GET", path, null, headers);
    }

    static Reply post(String path, Object json, String... headers) {
        return send("POST", path, json == null ? null : json.toString(), headers);
    }

    static Reply put(String path, Object json, String... headers) {
        return send("PUT", path, json.toString(), headers);
    }

    /** headers: name, value, name, value... ; JSON content type unless given. */
    static Reply send(String method, String path, String body, String... headers) {
        Map<String, String> all = new LinkedHashMap<>();
        if (body != null) {
            all.put("Content-Type", "application/json");
        }
        for (int i = 0; i < headers.length; i += 2) {
            all.put(headers[i], headers[i + 1]);
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(BASE + path))
                .timeout(Duration.ofSeconds(60))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        all.forEach(request::header);
        return send(request.build());
    }

    static Reply send(HttpRequest request) {
        try {
            HttpResponse<String> response = CLIENT.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Reply(response.statusCode(), response.headers(), response.body());
        } catch (IOException e) {
            throw new IllegalStateException(request.method() + " " + request.uri() + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static HttpClient client() {
        return CLIENT;
    }
}
