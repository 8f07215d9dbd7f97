package org.mvoting.benchmark;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What the simulations share: their parameters (system properties), the admin API calls that open and
 * close the benchmark poll, the voters' tokens, and the final check of the tally against the accepted casts.
 * The event simulation ({@link EventBench}) uses its staff calls, properties and outcome file, not its poll.
 *
 * <p>System properties: {@code base} (default http://localhost:8180/api/v1), {@code operator} / {@code approver}
 * / {@code staffPassword} (it.operator / it.head / mvoting-demo, the demo directory's), {@code department}
 * (DEPT-IT), {@code voterTokens} (required: a
 * file of citizens' tokens, one per line in its first tab-separated field, written by {@code LightClient mint}).
 *
 * <p>Why a file: since V19 the server looks every citizen token's {@code sub} up in the citizen table (with its
 * {@code jti} and generation), so a token minted here for a made-up citizen is refused. run-benchmark.sh mints the
 * tokens and COPYs their citizens into the app's database before Gatling starts; every run opens its own poll, so
 * the same tokens serve every run (one vote per poll each).
 */
final class VotingBench {

    static final String BASE = System.getProperty("base", "http://localhost:8180/api/v1").replaceAll("/+$", "");
    private static final String OPERATOR = System.getProperty("operator", "it.operator");
    private static final String APPROVER = System.getProperty("approver", "it.head");
    private static final String STAFF_PASSWORD = System.getProperty("staffPassword", "mvoting-demo");
    private static final String DEPARTMENT = System.getProperty("department", "DEPT-IT");

    static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient ADMIN = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    private final String name;
    private final ConcurrentLinkedQueue<Map<String, Object>> preMinted = new ConcurrentLinkedQueue<>();
    /** The citizens' tokens of the voterTokens file, each used once in this run. */
    private final ConcurrentLinkedQueue<String> tokens = new ConcurrentLinkedQueue<>();
    /** Casts answered 201 (each voter is fresh, so there is no replay). */
    final AtomicLong accepted = new AtomicLong();
    /** Casts that failed in any way (status, timeout, connection). */
    final AtomicLong refused = new AtomicLong();

    private volatile String pollId;
    private volatile long questionId;
    private volatile long[] optionIds;

    VotingBench(String name) {
        this.name = name;
        String file = System.getProperty("voterTokens");
        if (file == null || file.isBlank()) {
            throw new IllegalStateException("Set -DvoterTokens to a file of citizens' tokens (LightClient mint; their"
                    + " citizens must be in the app's database): the server refuses tokens of unknown citizens.");
        }
        try {
            Files.readAllLines(Path.of(file), StandardCharsets.UTF_8).forEach(line -> tokens.add(line.split("\t", 2)[0]));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    /** Creates a one-question poll open from now on (the operator drafts and submits, the head approves). */
    void openPoll(int preMint) {
        String code = DEPARTMENT;
        Instant now = Instant.now();
        String draft = "{\"departmentCode\":\"" + code + "\",\"title\":\"Benchmark " + name + " " + now + "\","
                + "\"description\":\"Created by mvoting-benchmark; closed when the run ends.\","
                + "\"opensAt\":\"" + now.minusSeconds(60) + "\",\"closesAt\":\"" + now.plus(Duration.ofHours(2)) + "\","
                + "\"resultsVisibility\":\"AFTER_CLOSE\","
                + "\"questions\":[{\"type\":\"SINGLE_CHOICE\",\"text\":\"Which benchmark option?\","
                + "\"options\":[\"Alpha\",\"Beta\",\"Gamma\"]}]}";
        JsonNode created = send("POST", "/admin/polls", draft, 201);
        String id = created.get("id").asText();
        send("POST", "/admin/polls/" + id + "/submit", null, 200);
        JsonNode approved = send("POST", "/admin/polls/" + id + "/approve", null, 200, APPROVER);
        if (!"OPEN".equals(approved.path("status").asText())) {
            throw new IllegalStateException("benchmark poll " + id + " is " + approved.path("status") + " after approval");
        }
        JsonNode question = created.get("questions").get(0);
        List<Long> options = new ArrayList<>();
        question.get("options").forEach(o -> options.add(o.get("id").asLong()));
        this.questionId = question.get("id").asLong();
        this.optionIds = options.stream().mapToLong(Long::longValue).toArray();
        this.pollId = id;
        for (int i = 0; i < preMint; i++) {
            preMinted.add(newVoter());
        }
        System.out.printf("[mvoting-benchmark] %s: poll %s open (question %d, options %s), %d voter tokens minted%n",
                name, id, questionId, options, preMint);
    }

    /** Voters for the feeder: the pre-minted ones first, then minted on demand (never runs dry). */
    Iterator<Map<String, Object>> voters() {
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return true;
            }

            @Override
            public Map<String, Object> next() {
                Map<String, Object> voter = preMinted.poll();
                return voter != null ? voter : newVoter();
            }
        };
    }

    /** One fresh voter: the next citizen's token (own voter key), an idempotency key and a ballot. */
    private Map<String, Object> newVoter() {
        String token = tokens.poll();
        if (token == null) { // never reuse one: a second cast of the same voter is not what the runs measure
            throw new IllegalStateException("out of voter tokens: mint more (run-benchmark.sh sizes the file per run)");
        }
        long option = optionIds[ThreadLocalRandom.current().nextInt(optionIds.length)];
        Map<String, Object> voter = new HashMap<>();
        voter.put("pollId", pollId);
        voter.put("token", token);
        voter.put("idempotencyKey", UUID.randomUUID().toString());
        voter.put("ballot", "{\"answers\":[{\"questionId\":" + questionId + ",\"optionIds\":[" + option + "]}]}");
        return voter;
    }

    /**
     * Closes the poll and checks the final result against what the load generator saw. Throws (failing the
     * run loudly) unless the final ballot count equals the accepted casts and the tally is verified; also
     * writes the outcome to target/gatling/&lt;name&gt;-verification.txt for run-benchmark.sh.
     */
    void closeAndVerify() {
        if (pollId == null) {
            throw new IllegalStateException(name + ": no benchmark poll was opened");
        }
        JsonNode results = send("POST", "/admin/polls/" + pollId + "/close", null, 200);
        long ballots = results.path("ballots").asLong(-1);
        boolean verified = results.path("tallyVerified").asBoolean(false);
        long ok = accepted.get();
        boolean pass = ballots == ok && verified;
        String line = String.format("%s %s poll=%s acceptedCasts=%d failedCasts=%d finalBallots=%d tallyVerified=%s",
                pass ? "VERIFIED" : "MISMATCH", name, pollId, ok, refused.get(), ballots, verified);
        System.out.println("[mvoting-benchmark] " + line);
        writeVerification(name, line);
        if (!pass) {
            throw new IllegalStateException("TALLY CHECK FAILED: " + line);
        }
    }

    /**
     * Writes a run's outcome to target/gatling/&lt;name&gt;-verification.txt (first line VERIFIED or MISMATCH), where
     * run-benchmark.sh reads it: the forked Gatling JVM's working directory is not this module's, hence the property.
     */
    static void writeVerification(String name, String text) {
        try {
            Path out = Path.of(System.getProperty("verificationDir", "target/gatling"));
            Files.createDirectories(out);
            Files.writeString(out.resolve(name + "-verification.txt"), text + System.lineSeparator());
        } catch (IOException e) {
            System.err.println("[mvoting-benchmark] could not write the verification file: " + e);
        }
    }

    private static JsonNode send(String method, String path, String body, int expected) {
        return send(method, path, body, expected, OPERATOR);
    }

    private static JsonNode send(String method, String path, String body, int expected, String staffId) {
        return send(method, path, body, expected, staffId, STAFF_PASSWORD);
    }

    /** A staff API call (HTTP Basic) outside the measured load; anything but the expected status throws. */
    static JsonNode send(String method, String path, String body, int expected, String staffId, String password) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(BASE + path))
                .timeout(Duration.ofSeconds(120))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        (staffId + ":" + password).getBytes(StandardCharsets.UTF_8)))
                .header("Accept", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        try {
            HttpResponse<String> response = ADMIN.send(request.build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != expected) {
                throw new IllegalStateException(method + " " + path + " answered " + response.statusCode()
                        + " (expected " + expected + "): " + response.body());
            }
            return response.body().isBlank() ? JSON.createObjectNode() : JSON.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(method + " " + path + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(method + " " + path + " interrupted", e);
        }
    }

    static int intProperty(String key, int fallback) {
        return Integer.parseInt(System.getProperty(key, Integer.toString(fallback)).trim());
    }

    static String property(String key, String fallback) {
        return System.getProperty(key, fallback).trim();
    }

    static boolean booleanProperty(String key, boolean fallback) {
        return Boolean.parseBoolean(System.getProperty(key, Boolean.toString(fallback)).trim());
    }
}
