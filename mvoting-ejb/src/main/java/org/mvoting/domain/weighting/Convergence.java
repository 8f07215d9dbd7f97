package org.mvoting.domain.weighting;

/**
 * How the weights were reached, published beside every weighted result so that a reader can judge them.
 *
 * @param method         raking to margins, or post-stratification to the full cross-table
 * @param converged      whether the last raking met the tolerance; post-stratification is exact and always true
 * @param iterations     full raking cycles over all trim rounds (0 for post-stratification)
 * @param maxDeviation   the largest relative margin deviation left, |weighted − census| / census
 * @param tolerance      the deviation raking was asked to reach
 * @param maxIterations  the cycle limit of one raking
 * @param trimRatio      the cap, as a multiple of the mean weight
 * @param trimRounds     trim-and-rake rounds run (each holds the weights over the cap at the cap and rakes the rest)
 * @param trimmedStrata  strata whose final weight is held at the cap (0 when trimming had to be given up)
 * @param trimmedBallots ballots in those strata
 * @param capHeld        whether every final weight is within the cap. False when holding the cap made the margins
 *                       unattainable (the margins win: the untrimmed raking is kept) or the rounds ran out
 * @param minWeight      the smallest final weight (mean weight is 1)
 * @param maxWeight      the largest final weight
 */
public record Convergence(Method method, boolean converged, int iterations, double maxDeviation, double tolerance,
                          int maxIterations, double trimRatio, int trimRounds, int trimmedStrata, long trimmedBallots,
                          boolean capHeld, double minWeight, double maxWeight) {

    /** The two weighting methods. */
    public enum Method {
        /** Iterative proportional fitting to one-dimensional census margins. */
        RAKING,
        /** Cell weighting to a full census cross-table: weight = population share / sample share. */
        POST_STRATIFICATION
    }

    /** @throws WeightingException {@code NOT_CONVERGED} when raking gave up, for callers that must not publish then */
    public Convergence requireConverged() {
        if (!converged) {
            throw new WeightingException(WeightingException.Reason.NOT_CONVERGED, iterations, maxDeviation, tolerance);
        }
        return this;
    }
}
