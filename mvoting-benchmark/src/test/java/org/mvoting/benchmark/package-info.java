/**
 * Gatling (Java DSL) load tests of mVoting's REST vote path, run against a server that is already up
 * (see {@code mvoting-benchmark/run-benchmark.sh} and {@code docs/benchmarks.md}).
 *
 * <p>{@link org.mvoting.benchmark.SustainedVoteSimulation}: a constant arrival rate of fresh voters, each
 * casting one ballot. {@link org.mvoting.benchmark.BurstVoteSimulation}: many voters casting at the same
 * moment. Both create and publish their own poll through the admin API before the load, close it after,
 * and fail the run unless the final ballot count equals the number of accepted casts and the tally is
 * verified ({@link org.mvoting.benchmark.VotingBench}).
 *
 * <p>The voters' bearer tokens are minted here with the server's token key (derived from MVOTING_SECRET
 * the way the server derives it), so the SMS sign-in is skipped on purpose: the benchmark measures the
 * vote path, not the OTP flow.
 */
package org.mvoting.benchmark;
