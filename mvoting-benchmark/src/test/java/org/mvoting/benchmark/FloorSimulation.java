package org.mvoting.benchmark;

import static io.gatling.javaapi.core.CoreDsl.atOnceUsers;
import static io.gatling.javaapi.core.CoreDsl.nothingFor;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import io.gatling.javaapi.core.PopulationBuilder;
import io.gatling.javaapi.core.Simulation;

/**
 * The floor under the burst: the same shape as a round of the event burst ({@code users} new connections sending
 * one request at the same instant, {@code rounds} times, a pause between) against a request that does no voting
 * work at all, by default a static file served by Undertow. Whatever p99 this reaches is the least any ballot could
 * reach on the same machine with the same load generator; the event ballot's p99 is read against it.
 *
 * <p>System properties: {@code base} (http://localhost:8180), {@code path} (/m/index.html), {@code method}
 * (GET or POST; POST sends {@code body} as JSON), {@code expect} (the status counted OK, 200), {@code users}
 * (1000), {@code rounds} (3), {@code pauseSeconds} (3), {@code shareConnections} (false: a new connection per user).
 */
public class FloorSimulation extends Simulation {

    private static final String BASE = System.getProperty("base", "http://localhost:8180");
    private static final String PATH = System.getProperty("path", "/m/index.html");
    private static final String METHOD = System.getProperty("method", "GET");
    private static final String BODY = System.getProperty("body", "{}");
    private static final int EXPECT = VotingBench.intProperty("expect", 200);
    private final int users = VotingBench.intProperty("users", 1000);
    private final int rounds = VotingBench.intProperty("rounds", 3);
    private final int pauseSeconds = VotingBench.intProperty("pauseSeconds", 3);

    {
        PopulationBuilder population = null;
        for (int round = rounds; round >= 1; round--) {
            var request = "POST".equals(METHOD)
                    ? http("floor round " + round).post(PATH).body(io.gatling.javaapi.core.CoreDsl.StringBody(BODY))
                    : http("floor round " + round).get(PATH);
            PopulationBuilder this_ = scenario("floor round " + round)
                    .exec(request.check(status().is(EXPECT)))
                    .injectOpen(nothingFor(pauseSeconds), atOnceUsers(users));
            population = population == null ? this_ : this_.andThen(population);
        }
        var protocol = http.baseUrl(BASE).acceptHeader("*/*").contentTypeHeader("application/json")
                .userAgentHeader("mvoting-benchmark (Gatling)");
        // shareConnections: one pool for all users, kept open between rounds (phones already connected to the hall)
        setUp(population).protocols(VotingBench.booleanProperty("shareConnections", false)
                ? protocol.shareConnections() : protocol);
    }
}
