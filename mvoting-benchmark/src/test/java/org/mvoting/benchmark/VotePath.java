package org.mvoting.benchmark;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.feed;
import static io.gatling.javaapi.core.CoreDsl.jsonPath;
import static io.gatling.javaapi.core.CoreDsl.responseTimeInMillis;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.http.HttpProtocolBuilder;

/**
 * The requests under test, as Gatling chains, and the HTTP protocol all simulations use: a citizen's cast on a poll,
 * and in the hall a participant joining with a printed token and voting with the event pass.
 */
final class VotePath {

    /** The request name whose statistics the report and the assertions use. */
    static final String CAST = "cast ballot";
    /** Casts made before the measured load (the server's JIT and pools warm up); verified but not measured. */
    static final String WARM_UP = "warm-up cast";
    /** A participant entering an event with a printed token (EventBurstSimulation's join phase). */
    static final String JOIN = "join with token";
    /** A participant's ballot on the question on the hall's screens (EventBurstSimulation's rounds). */
    static final String EVENT_BALLOT = "event ballot";

    private VotePath() {
    }

    static HttpProtocolBuilder protocol() {
        // One connection per virtual user (Gatling's default): every voter is a different phone.
        return http.baseUrl(VotingBench.BASE)
                .acceptHeader("application/json")
                .contentTypeHeader("application/json")
                .userAgentHeader("mvoting-benchmark (Gatling)");
    }

    /** Feed one fresh voter, cast their ballot (expect 201), and count the outcome for the final check. */
    static ChainBuilder castOnce(VotingBench bench, String requestName) {
        return feed(bench.voters())
                .exec(http(requestName)
                        .post("/polls/#{pollId}/ballots")
                        .header("Authorization", "Bearer #{token}")
                        .header("Idempotency-Key", "#{idempotencyKey}")
                        .body(StringBody("#{ballot}"))
                        .check(status().is(201)))
                .exec(session -> {
                    (session.isFailed() ? bench.refused : bench.accepted).incrementAndGet();
                    return session;
                });
    }

    /** A participant enters the event with the next printed token (expect 200) and keeps the pass it gets. */
    static ChainBuilder joinWithToken(EventBench bench) {
        return feed(bench.tokenCards())
                .exec(http(JOIN)
                        .post("/events/#{joinCode}/join-with-token")
                        .body(StringBody("{\"token\":\"#{card}\"}"))
                        .check(status().is(200), jsonPath("$.token").saveAs("pass")))
                .exec(session -> {
                    if (session.isFailed()) {
                        bench.joinFailures.incrementAndGet();
                    } else {
                        bench.joined(session.getString("pass"));
                    }
                    return session;
                });
    }

    /**
     * A participant votes once on the round's question with their pass (expect 201). The send time plus Gatling's
     * response time dates the answer, for the presenter delay (measured from the round's last accepted answer).
     */
    static ChainBuilder eventBallot(EventBench.Round round) {
        return feed(round.voters())
                .doIf(session -> !session.getString("pass").isEmpty()).then(
                        exec(session -> session.set("sentAt", System.currentTimeMillis()))
                                .exec(http(EVENT_BALLOT)
                                        .post("/events/#{joinCode}/questions/#{pollId}/ballots")
                                        .header("Authorization", "Bearer #{pass}")
                                        .header("Idempotency-Key", "#{idempotencyKey}")
                                        .body(StringBody("#{ballot}"))
                                        .check(status().is(201), responseTimeInMillis().saveAs("responseTime")))
                                .exec(session -> {
                                    round.answered(!session.isFailed(), session.getLong("sentAt"),
                                            session.contains("responseTime") ? session.getInt("responseTime") : null);
                                    return session;
                                }));
    }
}
