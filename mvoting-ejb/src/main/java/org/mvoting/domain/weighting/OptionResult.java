package org.mvoting.domain.weighting;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * One option's result. Shares are fractions (0.5 = 50 %), kept as doubles and rounded only for display, so that
 * shares that are added, compared or exported keep their precision.
 *
 * @param rawCount      ballots that chose the option
 * @param rawShare      rawCount / n
 * @param weightedShare the share with the weights (may differ from rawShare by more than the margin of error when
 *                      the sample is far from the census)
 * @param marginOfError half-width of the 95 % interval around weightedShare, as a fraction
 */
public record OptionResult(long optionId, long rawCount, double rawShare, double weightedShare, double marginOfError) {

    /** The weighted share in percent, rounded half-up for display: 0.41234 at 1 decimal → 41.2. */
    public BigDecimal weightedPercent(int decimals) {
        return percent(weightedShare, decimals);
    }

    public BigDecimal rawPercent(int decimals) {
        return percent(rawShare, decimals);
    }

    /** The margin of error in percentage points (±3.1 %p). */
    public BigDecimal marginOfErrorPoints(int decimals) {
        return percent(marginOfError, decimals);
    }

    static BigDecimal percent(double fraction, int decimals) {
        return new BigDecimal(Double.toString(fraction)).movePointRight(2).setScale(decimals, RoundingMode.HALF_UP);
    }
}
