package org.mvoting.domain.weighting;

/** The census dimensions a stratum is made of, in the order raking adjusts them. */
public enum Dimension {
    DISTRICT, GENDER, AGE_BAND;

    /** The stratum's category in this dimension, as the census margins key it. */
    public Object categoryOf(Stratum stratum) {
        return switch (this) {
            case DISTRICT -> stratum.district();
            case GENDER -> stratum.gender();
            case AGE_BAND -> stratum.ageBand();
        };
    }
}
