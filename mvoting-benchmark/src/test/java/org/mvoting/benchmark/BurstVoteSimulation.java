package org.mvoting.benchmark;

import static io.gatling.javaapi.core.CoreDsl.atOnceUsers;
import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.details;
import static io.gatling.javaapi.core.CoreDsl.nothingFor;
import static io.gatling.javaapi.core.CoreDsl.scenario;

import io.gatling.javaapi.core.Assertion;
import io.gatling.javaapi.core.PopulationBuilder;
import io.gatling.javaapi.core.Simulation;
import java.util.ArrayList;
import java.util.List;

/**
 * Burst: {@code users} fresh voters (default 1000) cast on one open poll at the same moment
 * (atOnceUsers), e.g. right after a push notification. Target: 100 % accepted, p99 at most 300 ms.
 *
 * <p>System properties: {@code users} (1000), {@code warmup} (seconds of warm-up casts at 20/s before the
 * burst, 10; 0 for none), {@code p99TargetMs} (300), {@code enforceTargets} (true), plus those of
 * {@link VotingBench}. The voters' tokens are minted before the burst, so the load generator only sends.
 */
public class BurstVoteSimulation extends Simulation {

    private final int users = VotingBench.intProperty("users", 1000);
    private final int warmup = VotingBench.intProperty("warmup", 10);
    private final int p99TargetMs = VotingBench.intProperty("p99TargetMs", 300);
    private final VotingBench bench = new VotingBench("burst");

    {
        PopulationBuilder measured = scenario("burst voters")
                .exec(VotePath.castOnce(bench, VotePath.CAST))
                .injectOpen(atOnceUsers(users));
        PopulationBuilder population = warmup > 0
                ? scenario("warm-up voters").exec(VotePath.castOnce(bench, VotePath.WARM_UP))
                        .injectOpen(constantUsersPerSec(20).during(warmup), nothingFor(2))
                        .andThen(measured)
                : measured;
        List<Assertion> targets = new ArrayList<>();
        if (VotingBench.booleanProperty("enforceTargets", true)) {
            targets.add(details(VotePath.CAST).successfulRequests().percent().is(100.0));
            targets.add(details(VotePath.CAST).responseTime().percentile(99.0).lte(p99TargetMs));
        }
        setUp(population).protocols(VotePath.protocol()).assertions(targets);
    }

    @Override
    public void before() {
        System.out.printf("[mvoting-benchmark] burst: %d voters at once (after %d s warm-up) against %s%n",
                users, warmup, VotingBench.BASE);
        bench.openPoll(users + 20 * warmup);
    }

    @Override
    public void after() {
        bench.closeAndVerify();
    }
}
