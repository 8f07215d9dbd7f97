package org.mvoting.domain.mileage;

import java.time.LocalDate;
import java.util.Objects;
import java.util.UUID;
import org.mvoting.api.mileage.MileageKind;

/**
 * One row of the append-only mileage ledger. An award is positive and stands alone; a reversal is the award's amount
 * negated and names the award, so history is never edited and a balance is a sum. The same rules hold in the table's
 * checks (V27); the database also refuses a second award, or a second reversal, for one citizen and poll.
 */
public record LedgerEntry(UUID id, UUID citizenId, UUID pollId, MileageKind kind, int amountWon, LocalDate day,
                          UUID reverses) {

    public LedgerEntry {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(citizenId, "citizenId");
        Objects.requireNonNull(pollId, "pollId");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(day, "day");
        boolean valid = kind == MileageKind.AWARD ? amountWon > 0 && reverses == null
                : amountWon < 0 && reverses != null;
        if (!valid) {
            throw new IllegalArgumentException("not a valid " + kind + ": " + amountWon + (reverses == null ? "" : " of " + reverses));
        }
    }

    /** A citizen's award for answering a poll that pays {@code won}, on the city's calendar day they answered. */
    public static LedgerEntry award(UUID citizenId, UUID pollId, int won, LocalDate day) {
        return new LedgerEntry(UUID.randomUUID(), citizenId, pollId, MileageKind.AWARD, won, day, null);
    }

    /** This award cancelled on {@code day}: the same citizen and poll, the amount negated. */
    public LedgerEntry reversal(LocalDate day) {
        if (kind != MileageKind.AWARD) {
            throw new IllegalStateException("only an award is reversed, not a " + kind);
        }
        return new LedgerEntry(UUID.randomUUID(), citizenId, pollId, MileageKind.REVERSAL, -amountWon, day, id);
    }
}
