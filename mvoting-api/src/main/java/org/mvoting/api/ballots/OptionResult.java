package org.mvoting.api.ballots;

/** Votes for one option; {@code points} are Borda points for RANKING questions, else 0. */
public record OptionResult(long optionId, String label, long votes, long points, double share) {
}
