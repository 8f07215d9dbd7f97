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

    /**
     * A GET sent from another local address (127.0.0.2, 127.0.0.3, ...: the whole of 127/8 is this machine), so the
     * server sees another client address without trusting X-Forwarded-For. Plain HTTP/1.0 over a socket, since
     * HttpClient cannot choose its local address on Java 17.
     */
    static Reply getFrom(String localAddress, String path, String... headers) {
        URI uri = URI.create(BASE + path);
        try (java.net.Socket socket = new java.net.Socket(java.net.InetAddress.getByName(uri.getHost()), uri.getPort(),
                java.net.InetAddress.getByName(localAddress), 0)) {
            socket.setSoTimeout(60_000);
            StringBuilder request = new StringBuilder("GET ").append(uri.getRawPath())
                    .append(uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery()).append(" HTTP/1.0\r\n")
                    .append("Host: ").append(uri.getHost()).append(':').append(uri.getPort()).append("\r\n");
            for (int i = 0; i < headers.length; i += 2) {
                request.append(headers[i]).append(": ").append(headers[i + 1]).append("\r\n");
            }
            socket.getOutputStream().write(request.append("\r\n").toString().getBytes(StandardCharsets.UTF_8));
            String raw = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            int end = raw.indexOf("\r\n\r\n");
            String[] head = raw.substring(0, end).split("\r\n");
            Map<String, java.util.List<String>> answerHeaders = new java.util.TreeMap<>(String.CASE_INSENSITIVE_ORDER);
            for (int i = 1; i < head.length; i++) {
                int colon = head[i].indexOf(':');
                answerHeaders.computeIfAbsent(head[i].substring(0, colon).strip(), k -> new java.util.ArrayList<>())
                        .add(head[i].substring(colon + 1).strip());
            }
            return new Reply(Integer.parseInt(head[0].split(" ")[1]), HttpHeaders.of(answerHeaders, (a, b) -> true),
                    raw.substring(end + 4));
        } catch (IOException e) {
            throw new IllegalStateException("GET " + uri + " from " + localAddress + " failed", e);
        }
    }
}
