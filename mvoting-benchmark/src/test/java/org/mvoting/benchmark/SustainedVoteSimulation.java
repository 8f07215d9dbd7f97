package org.mvoting.benchmark;

import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.details;
import static io.gatling.javaapi.core.CoreDsl.scenario;

import io.gatling.javaapi.core.Assertion;
import io.gatling.javaapi.core.PopulationBuilder;
import io.gatling.javaapi.core.Simulation;
import java.util.ArrayList;
import java.util.List;

/**
 * Sustained load: a constant arrival rate of fresh voters, each casting one ballot on one open poll.
 *
 * <p>System properties: {@code rate} (voters per second, default 100), {@code duration} (seconds, 60),
 * {@code warmup} (seconds of warm-up casts at min(rate, 50)/s before the measured load, 10; 0 for none),
 * {@code p99TargetMs} (300), {@code enforceTargets} (true: the run fails unless 100 % of the measured casts
 * are 201 and their p99 is under the target), plus those of {@link VotingBench}.
 */
public class SustainedVoteSimulation extends Simulation {

    private final int rate = VotingBench.intProperty("rate", 100);
    private final int duration = VotingBench.intProperty("duration", 60);
    private final int warmup = VotingBench.intProperty("warmup", 10);
    private final int p99TargetMs = VotingBench.intProperty("p99TargetMs", 300);
    private final VotingBench bench = new VotingBench("sustained");

    {
        PopulationBuilder measured = scenario("sustained voters")
                .exec(VotePath.castOnce(bench, VotePath.CAST))
                .injectOpen(constantUsersPerSec(rate).during(duration));
        PopulationBuilder population = warmup > 0
                ? scenario("warm-up voters").exec(VotePath.castOnce(bench, VotePath.WARM_UP))
                        .injectOpen(constantUsersPerSec(Math.min(rate, 50)).during(warmup))
                        .andThen(measured)
                : measured;
        List<Assertion> targets = new ArrayList<>();
        if (VotingBench.booleanProperty("enforceTargets", true)) {
            targets.add(details(VotePath.CAST).successfulRequests().percent().is(100.0));
            targets.add(details(VotePath.CAST).responseTime().percentile(99.0).lt(p99TargetMs));
        }
        setUp(population).protocols(VotePath.protocol()).assertions(targets);
    }

    @Override
    public void before() {
        System.out.printf("[mvoting-benchmark] sustained: %d voters/s for %d s (after %d s warm-up) against %s%n",
                rate, duration, warmup, VotingBench.BASE);
        bench.openPoll(rate * duration + Math.min(rate, 50) * warmup);
    }

    @Override
    public void after() {
        bench.closeAndVerify();
    }
}
