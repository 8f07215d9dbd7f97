package org.mvoting.benchmark;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.atOnceUsers;
import static io.gatling.javaapi.core.CoreDsl.bodyString;
import static io.gatling.javaapi.core.CoreDsl.details;
import static io.gatling.javaapi.core.CoreDsl.jsonPath;
import static io.gatling.javaapi.core.CoreDsl.pause;
import static io.gatling.javaapi.core.CoreDsl.rampUsers;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import io.gatling.javaapi.core.Assertion;
import io.gatling.javaapi.core.PopulationBuilder;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The on-site event burst (issue 6): {@code participants} (default 1000) join an event with printed tokens while the
 * doors open, then, for each of {@code rounds} (3) questions, all of them vote at the moment the question opens
 * (atOnceUsers). Targets on the 2-core machine: 100 % of joins and ballots accepted, p99 of the ballots at most
 * 300 ms, and the presenter's screen showing a tally equal to the accepted ballots within 1 s of the last one.
 *
 * <p>The phases run strictly one after another (Gatling's {@code andThen}: a population starts when the previous
 * one's users have all finished), so each round's burst starts from a quiet server and the operator's steps are not
 * measured under the burst:
 * <ol>
 *   <li>{@code before()}: the event (a real one) and one printed token per participant, over the staff API as
 *       {@code event.lee}; the presenter's screen ({@link PresenterScreen}) connects to the live stream.</li>
 *   <li>join: {@code rampUsers(participants).during(joinSeconds)} (20 s): people arrive over the doors opening, not
 *       all in the same second; each sends {@code join with token} and keeps the pass it gets.</li>
 *   <li>per round: the operator (1 user) adds the question, opens it with no countdown and shows its results on
 *       the big screen; then {@code atOnceUsers(participants)} voters, each with a distinct pass, send one
 *       {@code event ballot} with a random option; then the presenter check (1 user) waits until the screen shows
 *       the accepted count (or {@code presenterWaitSeconds}), judges it ({@code presenter tally}) and closes the
 *       question, checking the final tally ({@code operator: close question}).</li>
 * </ol>
 *
 * <p>Per round it prints and writes (target/gatling/event-verification.txt) a line such as
 * {@code ROUND 1: accepted=1000/1000 presenter-tally=1000 after 412 ms; final=1000; ...}: the delay runs from the
 * round's last accepted answer to the first state on the screen whose turnout and shown results both equal the
 * accepted ballots (negative when the screen had it before the load generator had the last answer).
 *
 * <p>System properties: {@code participants} (1000), {@code rounds} (3), {@code joinSeconds} (20),
 * {@code p99TargetMs} (300), {@code presenterTargetMs} (1000), {@code presenterWaitSeconds} (10),
 * {@code enforceTargets} (true), plus those of {@link EventBench} and {@code base} ({@link VotingBench}).
 */
public class EventBurstSimulation extends Simulation {

    static final String PRESENTER_TALLY = "presenter tally";

    private final int participants = VotingBench.intProperty("participants", 1000);
    private final int rounds = VotingBench.intProperty("rounds", 3);
    private final int joinSeconds = VotingBench.intProperty("joinSeconds", 20);
    private final int p99TargetMs = VotingBench.intProperty("p99TargetMs", 300);
    private final int presenterTargetMs = VotingBench.intProperty("presenterTargetMs", 1000);
    private final int presenterWaitSeconds = VotingBench.intProperty("presenterWaitSeconds", 10);
    private final EventBench bench = new EventBench(participants, rounds, p99TargetMs, presenterTargetMs);

    {
        // built from the last round back: each phase is the andThen child of the one before it (nested, so the
        // order does not depend on how Gatling treats several andThen calls on one population)
        PopulationBuilder next = null;
        for (int n = rounds; n >= 1; n--) {
            EventBench.Round round = bench.round(n);
            PopulationBuilder check = presenterCheck(round).injectOpen(atOnceUsers(1));
            if (next != null) {
                check = check.andThen(next);
            }
            PopulationBuilder voters = scenario("round " + n + " voters")
                    .exec(VotePath.eventBallot(round))
                    .injectOpen(atOnceUsers(participants))
                    .andThen(check);
            next = operator(round).injectOpen(atOnceUsers(1)).andThen(voters);
        }
        PopulationBuilder join = scenario("participants join")
                .exec(VotePath.joinWithToken(bench))
                .injectOpen(rampUsers(participants).during(joinSeconds));
        PopulationBuilder population = next == null ? join : join.andThen(next);

        List<Assertion> targets = new ArrayList<>();
        if (VotingBench.booleanProperty("enforceTargets", true)) {
            targets.add(details(VotePath.JOIN).successfulRequests().percent().is(100.0));
            targets.add(details(VotePath.EVENT_BALLOT).successfulRequests().percent().is(100.0));
            targets.add(details(VotePath.EVENT_BALLOT).responseTime().percentile(99.0).lte(p99TargetMs));
            targets.add(details(PRESENTER_TALLY).successfulRequests().percent().is(100.0));
        }
        setUp(population).protocols(VotePath.protocol()).assertions(targets);
    }

    /** The operator opens the round: adds the question, opens it (no countdown) and shows its results live. */
    private static ScenarioBuilder operator(EventBench.Round round) {
        String name = "round " + round.number + " operator";
        return scenario(name)
                .exec(session -> session.setAll(round.hall()).set("question", round.questionBody()))
                .exec(http("operator: add question")
                        .post("/admin/events/#{eventId}/questions")
                        .basicAuth(EventBench.OPERATOR, EventBench.OPERATOR_PASSWORD)
                        .body(StringBody("#{question}"))
                        .check(status().is(200), jsonPath("$.pollId").saveAs("pollId"),
                                jsonPath("$.counts[*].optionId").ofLong().findAll().saveAs("optionIds")))
                .exitHereIfFailed()
                .exec(session -> {
                    round.prepared(session.getString("pollId"), session.getList("optionIds"));
                    return session;
                })
                .exec(http("operator: open question")
                        .post("/admin/events/#{eventId}/questions/#{pollId}/open")
                        .basicAuth(EventBench.OPERATOR, EventBench.OPERATOR_PASSWORD)
                        .body(StringBody("{\"countdownSeconds\":0}"))
                        .check(status().is(200), jsonPath("$.state").is("OPEN")))
                .exitHereIfFailed()
                // shown from the start, so that the presenter's state carries the tally as it grows
                .exec(http("operator: show results")
                        .post("/admin/events/#{eventId}/questions/#{pollId}/results")
                        .basicAuth(EventBench.OPERATOR, EventBench.OPERATOR_PASSWORD)
                        .body(StringBody("{\"shown\":true}"))
                        .check(status().is(200)))
                .exitHereIfFailed()
                .exec(session -> {
                    round.opened();
                    return session;
                });
    }

    /**
     * After the round's last voter: waits (without blocking Gatling's threads) until the presenter's screen shows
     * the accepted ballots or the wait is over, judges the screen against a fresh state read, then closes the
     * question and checks the final tally.
     */
    private ScenarioBuilder presenterCheck(EventBench.Round round) {
        long waitMillis = presenterWaitSeconds * 1000L;
        return scenario("round " + round.number + " presenter check")
                .exec(session -> session.setAll(round.hall()).set("pollId", round.pollIdOrNone())
                        .set("waitUntil", System.currentTimeMillis() + waitMillis))
                .asLongAs(session -> !round.presenterCaughtUp() && System.currentTimeMillis() < session.getLong("waitUntil"))
                .on(pause(Duration.ofMillis(50)))
                .exec(http(PRESENTER_TALLY)
                        .get("/events/#{joinCode}/state")
                        .check(status().is(200), bodyString().transform(round::judgePresenter).is("ok")))
                .exec(http("operator: close question")
                        .post("/admin/events/#{eventId}/questions/#{pollId}/close")
                        .basicAuth(EventBench.OPERATOR, EventBench.OPERATOR_PASSWORD)
                        .check(status().is(200), bodyString().transform(round::judgeClose).is("ok")))
                .exec(session -> {
                    System.out.println("[mvoting-benchmark] " + round.summary());
                    return session;
                });
    }

    @Override
    public void before() {
        System.out.printf("[mvoting-benchmark] event: %d participants join over %d s, then %d rounds of all voting at"
                + " once, against %s%n", participants, joinSeconds, rounds, VotingBench.BASE);
        bench.setUpEvent();
    }

    @Override
    public void after() {
        bench.finishAndVerify();
    }
}
