package org.mvoting.api.errors;

/** A panel sample's ballots cannot be weighted to the census as they stand; the reason names what to fix. */
public class WeightingRefusedException extends BusinessException {

    private static final long serialVersionUID = 1L;

    /** Why, with the problem code of each. */
    public enum Reason {
        /** No census table has been uploaded (or the design's version is gone). */
        NO_CENSUS("weighting-no-census"),
        /** The census has nobody within the design's filters. Argument: the census version. */
        CENSUS_EMPTY("weighting-census-empty"),
        /** No ballot counted per stratum yet. */
        NO_BALLOTS("weighting-no-ballots"),
        /** The census has people in a category without a ballot. Arguments: dimension, category. */
        EMPTY_CATEGORY("weighting-empty-category"),
        /** Ballots in a category the census lacks. Arguments: dimension, category, ballots. */
        UNKNOWN_CATEGORY("weighting-unknown-category"),
        /** Raking stopped at its cycle limit. Arguments: cycles, deviation left, tolerance. */
        NOT_CONVERGED("weighting-not-converged");

        private final String code;

        Reason(String code) {
            this.code = code;
        }

        public String code() {
            return code;
        }
    }

    public WeightingRefusedException(Reason reason, Object... arguments) {
        super(ErrorKind.CONFLICT, reason.code(), arguments);
    }
}
