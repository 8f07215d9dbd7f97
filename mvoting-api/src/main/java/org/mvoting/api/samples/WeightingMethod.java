package org.mvoting.api.samples;

import java.util.List;

/**
 * How the weights were reached, written out beside every weighted result: the dimensions raked (and why the others
 * were not), the convergence reached against the stated tolerance, the trim cap and what it held, and the constants
 * of the margin of error. Tolerance and deviations are relative; weights average 1.
 *
 * @param method        RAKING (iterative proportional fitting to the census margins)
 * @param raked         the dimensions raked, in raking order: DISTRICT, GENDER, AGE_BAND
 * @param notRaked      the dimensions left out and why
 * @param z             the normal quantile of the 95 % margin of error (1.96)
 * @param trimmedStrata strata whose weight is held at the cap
 * @param suppressionThreshold strata and categories with fewer ballots are not shown (5)
 *
 * <p>The smallest and largest weight and the ballots held at the cap are not published: with the census public, a
 * stratum's weight gives its ballots away, which would undo the suppression of small strata.
 */
public record WeightingMethod(String method, List<String> raked, List<NotRaked> notRaked, boolean converged,
                              int iterations, int maxIterations, double maxDeviation, double tolerance,
                              double trimRatio, int trimRounds, int trimmedStrata, boolean capHeld, double z,
                              int suppressionThreshold) {

    /**
     * A dimension not raked. Reasons: {@code single-category} (the design filters it to one value, or the census
     * has one), {@code other-genders} (ballots of gender OTHER or UNDISCLOSED, which the census does not count).
     */
    public record NotRaked(String dimension, String reason) {
    }

    public WeightingMethod {
        raked = List.copyOf(raked);
        notRaked = List.copyOf(notRaked);
    }
}
