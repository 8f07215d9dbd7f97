package org.mvoting.benchmark;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.feed;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.http.HttpProtocolBuilder;

/** The one request under test, as a Gatling chain, and the HTTP protocol both simulations use. */
final class VotePath {

    /** The request name whose statistics the report and the assertions use. */
    static final String CAST = "cast ballot";
    /** Casts made before the measured load (the server's JIT and pools warm up); verified but not measured. */
    static final String WARM_UP = "warm-up cast";

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
}
