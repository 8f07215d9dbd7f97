package org.mvoting.api.mileage;

import java.time.LocalDate;
import java.util.UUID;

/**
 * One line of a citizen's history: an award for a poll (positive) or its reversal (negative), on the city's calendar
 * day; {@code reversed} marks an award that a later reversal cancelled.
 */
public record MileageLine(UUID pollId, String pollTitle, MileageKind kind, LocalDate day, int amountWon,
                          boolean reversed) {
}
