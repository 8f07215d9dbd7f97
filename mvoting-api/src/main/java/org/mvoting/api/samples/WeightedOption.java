package org.mvoting.api.samples;

/**
 * One option: ballots that chose it, its raw share, its weighted share and the half-width of the 95 % interval
 * around the weighted share. Shares and the margin are fractions (0.5 = 50 %), unrounded.
 */
public record WeightedOption(long optionId, String label, long rawCount, double rawShare, double weightedShare,
                             double marginOfError) {
}
