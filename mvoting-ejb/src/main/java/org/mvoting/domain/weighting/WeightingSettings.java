package org.mvoting.domain.weighting;

/**
 * The stated constants of the method (docs/weighting.md). Every result carries the settings it was made with, so a
 * published margin of error can always be traced to its tolerance, trim cap and confidence level.
 *
 * @param tolerance                  raking stops once every margin is within this relative deviation,
 *                                   |weighted total − census total| / census total
 * @param maxIterations              full raking cycles (every dimension once) before giving up; a give-up is
 *                                   reported in {@link Convergence#converged()}, never hidden
 * @param trimRatio                  weights are capped at this multiple of the mean weight (5 × by default)
 * @param maxTrimRounds              trim-and-rake rounds before the cap is declared not held
 * @param z                          the normal quantile of the confidence level: 1.96 for 95 %
 * @param finitePopulationCorrection multiply the variance by (1 − n/N); off by default, because a city's
 *                                   population dwarfs any panel sample and the correction would only
 *                                   flatter small districts
 * @param suppressionThreshold       strata and categories with fewer ballots than this are not shown
 */
public record WeightingSettings(double tolerance, int maxIterations, double trimRatio, int maxTrimRounds, double z,
                                boolean finitePopulationCorrection, int suppressionThreshold) {

    public static final double DEFAULT_TOLERANCE = 1e-6;
    public static final int DEFAULT_MAX_ITERATIONS = 100;
    public static final double DEFAULT_TRIM_RATIO = 5.0;
    public static final int DEFAULT_MAX_TRIM_ROUNDS = 10;
    /** 95 % two-sided. */
    public static final double Z_95 = 1.96;
    /** Issue 17, part 4: every report suppresses strata with fewer than 5 ballots. */
    public static final int DEFAULT_SUPPRESSION_THRESHOLD = 5;

    public static final WeightingSettings DEFAULTS = new WeightingSettings(DEFAULT_TOLERANCE, DEFAULT_MAX_ITERATIONS,
            DEFAULT_TRIM_RATIO, DEFAULT_MAX_TRIM_ROUNDS, Z_95, false, DEFAULT_SUPPRESSION_THRESHOLD);

    public WeightingSettings {
        if (!(tolerance > 0) || !(tolerance < 1)) {
            throw new IllegalArgumentException("tolerance " + tolerance);
        }
        if (maxIterations < 1 || maxTrimRounds < 0) {
            throw new IllegalArgumentException("iterations " + maxIterations + ", trim rounds " + maxTrimRounds);
        }
        // A cap at or below the mean cannot be met by weights that average the mean.
        if (!(trimRatio > 1)) {
            throw new IllegalArgumentException("trim ratio " + trimRatio);
        }
        if (!(z > 0) || suppressionThreshold < 1) {
            throw new IllegalArgumentException("z " + z + ", suppression threshold " + suppressionThreshold);
        }
    }

    public WeightingSettings withTolerance(double newTolerance) {
        return new WeightingSettings(newTolerance, maxIterations, trimRatio, maxTrimRounds, z,
                finitePopulationCorrection, suppressionThreshold);
    }

    public WeightingSettings withMaxIterations(int newMaxIterations) {
        return new WeightingSettings(tolerance, newMaxIterations, trimRatio, maxTrimRounds, z,
                finitePopulationCorrection, suppressionThreshold);
    }

    public WeightingSettings withTrimRatio(double newTrimRatio) {
        return new WeightingSettings(tolerance, maxIterations, newTrimRatio, maxTrimRounds, z,
                finitePopulationCorrection, suppressionThreshold);
    }

    public WeightingSettings withMaxTrimRounds(int newMaxTrimRounds) {
        return new WeightingSettings(tolerance, maxIterations, trimRatio, newMaxTrimRounds, z,
                finitePopulationCorrection, suppressionThreshold);
    }

    public WeightingSettings withFinitePopulationCorrection(boolean correct) {
        return new WeightingSettings(tolerance, maxIterations, trimRatio, maxTrimRounds, z, correct,
                suppressionThreshold);
    }
}
