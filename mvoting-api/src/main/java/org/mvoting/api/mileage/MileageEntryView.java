package org.mvoting.api.mileage;

import java.time.LocalDate;
import java.util.UUID;

/**
 * A ledger row as auditors and the finance office see it: the payee code (a keyed pseudonym of the citizen), the
 * poll, the kind, the city's calendar day and the amount; a reversal names the award it cancels.
 */
public record MileageEntryView(UUID id, String payeeCode, UUID pollId, String pollTitle, MileageKind kind,
                               LocalDate day, int amountWon, UUID reverses) {
}
