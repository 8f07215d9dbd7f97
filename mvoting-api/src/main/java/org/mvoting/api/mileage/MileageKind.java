package org.mvoting.api.mileage;

/** A ledger row: an award for taking part, or the reversal of one when its poll was removed. */
public enum MileageKind {
    AWARD, REVERSAL
}
