package org.mvoting.api.samples;

/** What a design may stratify by: the three coarse strata of the panel and the census. */
public enum SampleDimension {
    DISTRICT, GENDER, AGE_BAND
}
