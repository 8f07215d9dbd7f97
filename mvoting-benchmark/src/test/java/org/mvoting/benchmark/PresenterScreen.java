package org.mvoting.benchmark;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The hall's big screen, as the presenter's browser sees it: one Server-Sent Events connection to
 * {@code /events/{joinCode}/live}, every state it sends parsed and timestamped on arrival. The presenter delay is
 * measured here rather than by polling {@code /events/{joinCode}/state}: the stream is what the screen actually
 * shows, and a poll every 50 ms would add twenty state reads (each mixing the open question's ballots) per second
 * to the server under test.
 *
 * <p>It runs on its own daemon thread with the JDK's HTTP client, not on Gatling's event loop, so a blocking read
 * never stalls the virtual users, and it is not one of the measured requests. A dropped stream is reopened after a
 * second (the server's {@code retry}); the state sent on reconnecting is timestamped when it arrives, so a drop can
 * only make the measured delay longer, never shorter. {@link #connections()} tells whether that happened.
 */
final class PresenterScreen implements AutoCloseable {

    /** One state the screen received: when, which question, its turnout and the total of the shown results. */
    record State(long receivedAtMillis, String pollId, String questionState, long ballots, boolean resultsShown,
                 long resultsTotal) {
    }

    private static final long RECONNECT_MILLIS = 1_000;

    private final URI live;
    // HTTP/1.1 as a browser's EventSource over plain http uses; no h2c upgrade attempt on a long-lived GET.
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();
    /** In arrival order; a few hundred states per run at most (the server sends only changes, every 250 ms). */
    private final List<State> states = new CopyOnWriteArrayList<>();
    private final AtomicInteger connections = new AtomicInteger();
    private final Thread reader;
    private volatile boolean closed;
    private volatile InputStream stream;

    PresenterScreen(String joinCode) {
        this.live = URI.create(VotingBench.BASE + "/events/" + joinCode + "/live");
        this.reader = new Thread(this::readUntilClosed, "mvoting-benchmark-presenter-screen");
        this.reader.setDaemon(true); // never keeps the Gatling JVM alive
    }

    /** Connects and waits for the first state (the server sends the whole state on connecting). */
    void start(Duration firstStateWithin) {
        reader.start();
        long until = System.currentTimeMillis() + firstStateWithin.toMillis();
        while (states.isEmpty() && System.currentTimeMillis() < until) {
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        if (states.isEmpty()) {
            close();
            throw new IllegalStateException("the presenter's live stream " + live + " sent no state within "
                    + firstStateWithin.toSeconds() + " s: the presenter delay cannot be measured");
        }
    }

    /** The first state (in arrival order) of that question with turnout and shown results both equal to count. */
    Optional<State> firstShowing(String pollId, long count) {
        return states.stream().filter(s -> pollId.equals(s.pollId()) && s.resultsShown()
                && s.ballots() == count && s.resultsTotal() == count).findFirst();
    }

    /** The last state received for that question, if any. */
    Optional<State> lastOf(String pollId) {
        State last = null;
        for (State s : states) {
            if (pollId.equals(s.pollId())) {
                last = s;
            }
        }
        return Optional.ofNullable(last);
    }

    /** How many states of that question the screen received. */
    long updatesOf(String pollId) {
        return states.stream().filter(s -> pollId.equals(s.pollId())).count();
    }

    /** How many times the stream was opened (1 unless it dropped). */
    int connections() {
        return connections.get();
    }

    @Override
    public void close() {
        closed = true;
        InputStream open = stream;
        if (open != null) {
            try {
                open.close(); // ends the connection: the server drops the screen at its next tick
            } catch (IOException ignored) {
                // closing anyway
            }
        }
        reader.interrupt();
    }

    private void readUntilClosed() {
        while (!closed) {
            try {
                readOnce();
            } catch (InterruptedException e) {
                return;
            } catch (IOException | RuntimeException e) {
                if (!closed) {
                    System.err.println("[mvoting-benchmark] presenter screen: stream dropped (" + e + "), reconnecting");
                }
            }
            if (!closed) {
                try {
                    Thread.sleep(RECONNECT_MILLIS);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }
    }

    /** One connection: reads events until the stream ends. */
    private void readOnce() throws IOException, InterruptedException {
        HttpResponse<InputStream> response = client.send(HttpRequest.newBuilder(live)
                .header("Accept", "text/event-stream").header("Cache-Control", "no-cache").GET().build(),
                HttpResponse.BodyHandlers.ofInputStream());
        if (response.statusCode() != 200) {
            response.body().close();
            throw new IOException("GET " + live + " answered " + response.statusCode());
        }
        connections.incrementAndGet();
        stream = response.body();
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
            StringBuilder data = new StringBuilder();
            long firstDataAt = 0;
            for (String line; (line = lines.readLine()) != null; ) {
                if (line.isEmpty()) { // an event ends at a blank line (the SSE format)
                    if (data.length() > 0) {
                        record(firstDataAt, data.toString());
                    }
                    data.setLength(0);
                } else if (line.startsWith("data:")) {
                    // timestamped when its first data line is read: that is when the screen could show it
                    if (data.length() == 0) {
                        firstDataAt = System.currentTimeMillis();
                    } else {
                        data.append('\n');
                    }
                    data.append(line.startsWith("data: ") ? line.substring(6) : line.substring(5));
                }
                // "event:", "retry:", "id:" and ":" comments (the server's heartbeat) carry nothing to measure
            }
        }
    }

    private void record(long receivedAt, String json) {
        JsonNode state;
        try {
            state = VotingBench.JSON.readTree(json);
        } catch (IOException e) {
            System.err.println("[mvoting-benchmark] presenter screen: unreadable state " + json);
            return;
        }
        JsonNode question = state.path("question");
        if (question.isMissingNode() || question.isNull()) {
            states.add(new State(receivedAt, null, null, 0, false, 0));
            return;
        }
        long total = 0;
        for (JsonNode result : question.path("results")) {
            total += result.path("combined").asLong();
        }
        states.add(new State(receivedAt, question.path("pollId").asText(null), question.path("state").asText(null),
                question.path("ballots").asLong(-1), question.path("resultsShown").asBoolean(false), total));
    }
}
