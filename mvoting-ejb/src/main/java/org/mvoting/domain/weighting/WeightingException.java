package org.mvoting.domain.weighting;

import java.util.Arrays;

/**
 * A sample and a census that cannot be weighted as they stand, or weights that did not settle. The reason's
 * {@link Reason#code() code} is a stable slug and the arguments name the stratum or category at fault, so an
 * operator learns which census row or which panel stratum to fix.
 *
 * <p>Not a {@code BusinessException} yet: the application service that will load samples and census tables
 * decides which of these an operator may see and gives them texts in the problem bundles; until then the domain
 * must not promise codes the web tier cannot translate.
 */
public final class WeightingException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** Why weighting was refused. */
    public enum Reason {
        /** No ballot in the sample: nothing to weight. */
        NO_BALLOTS("weighting-no-ballots"),
        /**
         * The census has people in a category (a district, a gender, an age band) where the sample has no ballot.
         * Raking cannot give weight to nobody; collapsing categories is a decision for the poll's designer, not
         * for the arithmetic, so it is refused rather than done silently. Arguments: dimension, category.
         */
        EMPTY_CATEGORY("weighting-empty-category"),
        /**
         * Ballots in a category the census does not have (or counts as zero people), such as the gender
         * UNDISCLOSED against a census of women and men. Arguments: dimension, category, ballots.
         */
        UNKNOWN_CATEGORY("weighting-unknown-category"),
        /** The margins do not describe one population: their totals differ. Arguments: dimension, total, other dimension, total. */
        MARGIN_TOTALS_DIFFER("weighting-margin-totals-differ"),
        /** Post-stratification: a stratum with people in the census and no ballot. Argument: the stratum. */
        EMPTY_STRATUM("weighting-empty-stratum"),
        /** Post-stratification: ballots in a stratum the census table lacks. Arguments: the stratum, ballots. */
        UNKNOWN_STRATUM("weighting-unknown-stratum"),
        /** Raking stopped at its iteration limit with a margin still off by more than the tolerance. Arguments: iterations, deviation, tolerance. */
        NOT_CONVERGED("weighting-not-converged");

        private final String code;

        Reason(String code) {
            this.code = code;
        }

        public String code() {
            return code;
        }
    }

    private final Reason reason;
    private final transient Object[] arguments;

    public WeightingException(Reason reason, Object... arguments) {
        super(reason.code() + (arguments.length == 0 ? "" : " " + Arrays.toString(arguments)));
        this.reason = reason;
        this.arguments = arguments.clone();
    }

    public Reason reason() {
        return reason;
    }

    public String code() {
        return reason.code();
    }

    /** What the message names: the dimension and category, the stratum, or the numbers of a non-convergence. */
    public Object[] arguments() {
        return arguments.clone();
    }
}
