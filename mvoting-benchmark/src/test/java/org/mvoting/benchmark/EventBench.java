package org.mvoting.benchmark;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The on-site event of {@link EventBurstSimulation}: the event and its printed tokens (set up over the staff API
 * before the load), the passes the participants got by joining, each round's question and what the load generator
 * and the presenter's screen saw of it, and the final check written for run-benchmark.sh.
 *
 * <p>System properties: {@code eventOperator} / {@code eventOperatorPassword} (event.lee / the {@code staffPassword}
 * property, else mvoting-demo: the demo directory's EVENT_OPERATOR), plus {@code base} ({@link VotingBench}). No
 * server secret is needed: participants get their passes from the server by joining, as in the hall.
 */
final class EventBench {

    static final String OPERATOR = VotingBench.property("eventOperator", "event.lee");
    static final String OPERATOR_PASSWORD = VotingBench.property("eventOperatorPassword",
            System.getProperty("staffPassword", "mvoting-demo"));
    /** The server's limit per token request (EventAdministrationService.MAX_TOKENS_PER_ISSUE). */
    private static final int MAX_TOKENS_PER_CALL = 2000;
    private static final String NAME = "event";
    private static final String NO_QUESTION = "00000000-0000-4000-8000-000000000000";

    private final int participants;
    private final int p99TargetMs;
    private final int presenterTargetMs;
    private final List<Round> rounds = new ArrayList<>();
    private final ConcurrentLinkedQueue<String> cards = new ConcurrentLinkedQueue<>();
    /** Passes of the participants who joined, in joining order; each round's voters take them by index. */
    private final List<String> passes = Collections.synchronizedList(new ArrayList<>());
    final AtomicLong joinFailures = new AtomicLong();

    private volatile String eventId;
    private volatile String joinCode;
    private volatile PresenterScreen screen;

    EventBench(int participants, int rounds, int p99TargetMs, int presenterTargetMs) {
        this.participants = participants;
        this.p99TargetMs = p99TargetMs;
        this.presenterTargetMs = presenterTargetMs;
        for (int n = 1; n <= rounds; n++) {
            this.rounds.add(new Round(n));
        }
    }

    Round round(int number) {
        return rounds.get(number - 1);
    }

    /** The event (a real one, not a rehearsal), one printed token per participant, and the presenter's screen. */
    void setUpEvent() {
        Instant now = Instant.now();
        String draft = "{\"title\":\"Benchmark event " + now + "\",\"startsAt\":\"" + now.plus(Duration.ofMinutes(5))
                + "\",\"venue\":\"mvoting-benchmark\",\"agenda\":\"Created by mvoting-benchmark (EventBurstSimulation).\","
                + "\"rehearsal\":false}";
        JsonNode event = staff("POST", "/admin/events", draft, 201);
        eventId = event.get("id").asText();
        joinCode = event.get("joinCode").asText();
        for (int issued = 0; issued < participants; ) {
            int count = Math.min(MAX_TOKENS_PER_CALL, participants - issued);
            JsonNode tokens = staff("POST", "/admin/events/" + eventId + "/tokens?count=" + count, null, 200);
            tokens.get("codes").forEach(code -> cards.add(code.asText()));
            issued += count;
        }
        // connected before anyone joins, as the big screen is when the doors open
        screen = new PresenterScreen(joinCode);
        screen.start(Duration.ofSeconds(10));
        System.out.printf("[mvoting-benchmark] event: %s (join code %s), %d tokens issued, presenter screen on %s/events/%s/live%n",
                eventId, joinCode, cards.size(), VotingBench.BASE, joinCode);
    }

    /** What every operator and presenter step puts in its session: the event's ids. */
    Map<String, Object> hall() {
        return Map.of("eventId", eventId, "joinCode", joinCode);
    }

    /** Printed tokens for the join scenario, one per participant (a run out of tokens sends one the server rejects). */
    Iterator<Map<String, Object>> tokenCards() {
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return true;
            }

            @Override
            public Map<String, Object> next() {
                String card = cards.poll();
                return Map.of("joinCode", joinCode, "card", card != null ? card : "NONE0-NONE0");
            }
        };
    }

    void joined(String pass) {
        passes.add(pass);
    }

    int joinedCount() {
        return passes.size();
    }

    /**
     * After the load: closes any question a broken round left open, stops the screen, prints and writes the outcome
     * (target/gatling/event-verification.txt: a VERIFIED or MISMATCH line, then one ROUND line per round). Throws,
     * failing the run loudly like VotingBench#closeAndVerify, unless every round was asked and closed and its final
     * tally, and the presenter's, equal the ballots accepted. The latency targets are Gatling assertions instead.
     */
    void finishAndVerify() {
        for (Round round : rounds) {
            if (round.pollId != null && !round.closed) {
                try {
                    staff("POST", "/admin/events/" + eventId + "/questions/" + round.pollId + "/close", null, 200);
                } catch (RuntimeException e) {
                    System.err.println("[mvoting-benchmark] event: could not close round " + round.number + ": " + e);
                }
            }
        }
        if (screen != null) {
            screen.close();
        }
        boolean pass = eventId != null && rounds.stream().allMatch(Round::correct);
        long accepted = rounds.stream().mapToLong(r -> r.accepted.get()).sum();
        long failed = rounds.stream().mapToLong(r -> r.refused.get()).sum();
        StringBuilder text = new StringBuilder(String.format(
                "%s %s event=%s joinCode=%s participants=%d joined=%d joinFailures=%d rounds=%d acceptedBallots=%d"
                        + " failedBallots=%d screenConnections=%d",
                pass ? "VERIFIED" : "MISMATCH", NAME, eventId, joinCode, participants, passes.size(), joinFailures.get(),
                rounds.size(), accepted, failed, screen == null ? 0 : screen.connections()));
        for (Round round : rounds) {
            text.append(System.lineSeparator()).append(round.summary());
        }
        System.out.println("[mvoting-benchmark] " + text.toString().replace(System.lineSeparator(),
                System.lineSeparator() + "[mvoting-benchmark] "));
        VotingBench.writeVerification(NAME, text.toString());
        if (!pass) {
            throw new IllegalStateException("TALLY CHECK FAILED: " + text);
        }
    }

    private static JsonNode staff(String method, String path, String body, int expected) {
        return VotingBench.send(method, path, body, expected, OPERATOR, OPERATOR_PASSWORD);
    }

    /**
     * One round: the operator's question, the participants' ballots on it, and the check of the presenter's tally.
     * Updated from Gatling's threads (atomics and volatiles); read by the steps that follow in sequence.
     */
    final class Round {
        final int number;
        private final AtomicInteger nextVoter = new AtomicInteger();
        /** Ballots answered 201 (each participant votes once per round, so there is no replay). */
        final AtomicLong accepted = new AtomicLong();
        /** Ballots that failed in any way (status, timeout, connection). */
        final AtomicLong refused = new AtomicLong();
        private final AtomicLong firstSentAt = new AtomicLong(Long.MAX_VALUE);
        private final AtomicLong lastAcceptedAt = new AtomicLong();
        private final ConcurrentLinkedQueue<Integer> responseTimes = new ConcurrentLinkedQueue<>();

        private volatile String pollId;
        private volatile long[] optionIds;
        private volatile boolean opened;
        private volatile boolean closed;
        /** The presenter's screen: the first state showing exactly the accepted ballots, if it came. */
        private volatile PresenterScreen.State caughtUp;
        private volatile long stateBallots = -1;
        private volatile long stateTotal = -1;
        private volatile long finalBallots = -1;
        private volatile long finalTotal = -1;

        private Round(int number) {
            this.number = number;
        }

        /** The event's ids for this round's operator and presenter steps. */
        Map<String, Object> hall() {
            return EventBench.this.hall();
        }

        /** The question's id once the operator added it (a placeholder the server answers 404 to, before). */
        String pollIdOrNone() {
            return pollId != null ? pollId : NO_QUESTION;
        }

        /** The operator's request body for this round's question. */
        String questionBody() {
            return "{\"round\":" + number + ",\"question\":{\"type\":\"SINGLE_CHOICE\",\"text\":\"Benchmark round "
                    + number + ": which option?\",\"options\":[\"A\",\"B\",\"C\"],\"maxSelections\":1}}";
        }

        void prepared(String pollId, List<?> options) {
            this.optionIds = options.stream().mapToLong(o -> ((Number) o).longValue()).toArray();
            this.pollId = pollId;
        }

        void opened() {
            opened = true;
            // run-benchmark.sh takes its WildFly thread dump a moment after this line of round 1
            System.out.printf("[mvoting-benchmark] event: round %d open (question %s), %d participants vote now%n",
                    number, pollId, participants);
        }

        /**
         * This round's voters: each takes the next participant's pass (a distinct one per voter), a fresh
         * Idempotency-Key and a random option. A voter past the participants who joined gets no pass and sends no
         * ballot: whoever could not join cannot vote (the join failures are counted and asserted already).
         */
        Iterator<Map<String, Object>> voters() {
            return new Iterator<>() {
                @Override
                public boolean hasNext() {
                    return true;
                }

                @Override
                public Map<String, Object> next() {
                    int i = nextVoter.getAndIncrement();
                    String pass;
                    synchronized (passes) {
                        pass = i < passes.size() ? passes.get(i) : "";
                    }
                    long[] options = optionIds;
                    // no question (the operator's step failed): the ballot goes to a question that is not there, a KO
                    String poll = pollIdOrNone();
                    long option = options == null || options.length == 0 ? 0
                            : options[ThreadLocalRandom.current().nextInt(options.length)];
                    Map<String, Object> voter = new HashMap<>();
                    voter.put("joinCode", joinCode);
                    voter.put("pollId", poll);
                    voter.put("pass", pass);
                    voter.put("idempotencyKey", UUID.randomUUID().toString());
                    voter.put("ballot", "{\"optionIds\":[" + option + "]}");
                    return voter;
                }
            };
        }

        /** A voter's ballot was answered; answeredAt = sent + Gatling's response time (no later than the answer). */
        void answered(boolean ok, long sentAt, Integer responseTimeMs) {
            firstSentAt.accumulateAndGet(sentAt, Math::min);
            if (responseTimeMs != null) {
                responseTimes.add(responseTimeMs);
            }
            if (ok) {
                accepted.incrementAndGet();
                lastAcceptedAt.accumulateAndGet(sentAt + (responseTimeMs == null ? 0 : responseTimeMs), Math::max);
            } else {
                refused.incrementAndGet();
            }
        }

        /** Whether the presenter's screen has shown exactly the accepted ballots (turnout and results). */
        boolean presenterCaughtUp() {
            if (caughtUp == null && pollId != null && screen != null) {
                screen.firstShowing(pollId, accepted.get()).ifPresent(state -> caughtUp = state);
            }
            return caughtUp != null;
        }

        /**
         * Judges the presenter after the wait, given the state read now ({@code GET /events/{code}/state}): "ok", or
         * what is wrong. Used as a check of that request, so that the presenter target shows in the Gatling report as
         * OK/KO and an assertion can enforce it (Gatling has no other place for a time measured outside a request).
         */
        String judgePresenter(String stateJson) {
            try {
                JsonNode question = VotingBench.JSON.readTree(stateJson).path("question");
                if (pollId != null && pollId.equals(question.path("pollId").asText())) {
                    stateBallots = question.path("ballots").asLong(-1);
                    long total = 0;
                    for (JsonNode result : question.path("results")) {
                        total += result.path("combined").asLong();
                    }
                    stateTotal = total;
                }
            } catch (IOException e) {
                return "unreadable state: " + stateJson;
            }
            long ok = accepted.get();
            if (stateBallots != ok || stateTotal != ok) {
                return "the state shows ballots=" + stateBallots + ", results total=" + stateTotal + " for " + ok
                        + " accepted";
            }
            presenterCaughtUp();
            if (caughtUp == null) {
                return "the presenter's screen never showed " + ok + " within the wait";
            }
            long delay = presenterDelayMs();
            return delay <= presenterTargetMs ? "ok"
                    : "the presenter's screen showed " + ok + " after " + delay + " ms (target " + presenterTargetMs + " ms)";
        }

        /** Judges the closing answer (the final tally): "ok", or what is wrong. A check of the close request. */
        String judgeClose(String questionJson) {
            closed = true;
            try {
                JsonNode question = VotingBench.JSON.readTree(questionJson);
                finalBallots = question.path("ballots").asLong(-1);
                long total = 0;
                for (JsonNode count : question.path("counts")) {
                    total += count.path("combined").asLong();
                }
                finalTotal = total;
            } catch (IOException e) {
                return "unreadable question: " + questionJson;
            }
            long ok = accepted.get();
            return finalBallots == ok && finalTotal == ok ? "ok"
                    : "final ballots=" + finalBallots + ", counts total=" + finalTotal + " for " + ok + " accepted";
        }

        /** Last accepted answer to the screen's first exact state; negative when the screen was first. */
        private long presenterDelayMs() {
            return caughtUp.receivedAtMillis() - lastAcceptedAt.get();
        }

        /** Asked, closed, and counted exactly: the final tally and the presenter's both equal the accepted ballots. */
        boolean correct() {
            long ok = accepted.get();
            return opened && closed && finalBallots == ok && finalTotal == ok && stateBallots == ok && stateTotal == ok;
        }

        /** {@code ROUND n: accepted=a/v presenter-tally=t after d ms; ...} for stdout, the outcome file and the driver. */
        String summary() {
            long ok = accepted.get();
            StringBuilder line = new StringBuilder("ROUND " + number + ": accepted=" + ok + "/" + participants);
            if (!opened) {
                return line.append(" question not asked (the operator's step failed; see the Gatling log)").toString();
            }
            presenterCaughtUp();
            boolean presenterOk = caughtUp != null && presenterDelayMs() <= presenterTargetMs;
            if (caughtUp != null) {
                line.append(" presenter-tally=").append(caughtUp.resultsTotal()).append(" after ")
                        .append(presenterDelayMs()).append(" ms");
            } else {
                Optional<PresenterScreen.State> last = screen == null ? Optional.empty() : screen.lastOf(pollId);
                line.append(" presenter-tally=").append(last.map(s -> Long.toString(s.resultsTotal())).orElse("none"))
                        .append(" (ballots ").append(last.map(s -> Long.toString(s.ballots())).orElse("none"))
                        .append("), never equal to the accepted ballots on the screen");
            }
            line.append("; final=").append(finalBallots);
            Integer[] times = responseTimes.toArray(new Integer[0]);
            Arrays.sort(times);
            boolean fast = times.length > 0 && percentile(times, 99) <= p99TargetMs;
            if (times.length > 0) {
                line.append("; ballots p50=").append(percentile(times, 50)).append(" p99=").append(percentile(times, 99))
                        .append(" max=").append(times[times.length - 1]).append(" ms");
            }
            if (ok > 0) {
                long drain = lastAcceptedAt.get() - firstSentAt.get();
                line.append("; drained in ").append(drain).append(" ms (")
                        .append(drain > 0 ? Long.toString(ok * 1000 / drain) : "n/a").append(" votes/s)");
            }
            line.append("; screen updates=").append(screen == null ? 0 : screen.updatesOf(pollId));
            line.append("; targets met: ").append(ok == participants && refused.get() == 0 && fast && presenterOk
                    && correct()
                    ? "yes" : "no");
            return line.toString();
        }
    }

    /** Nearest-rank percentile of sorted values (this round's own; Gatling's report has the run's). */
    private static int percentile(Integer[] sorted, int p) {
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length, rank) - 1)];
    }
}
