package org.mvoting.api.mileage;

import jakarta.ejb.Local;
import java.time.YearMonth;
import java.util.List;
import java.util.UUID;

/**
 * The mileage ledger. Awards are written by the ballot engine when a signed-in citizen answers a poll that pays
 * (one per citizen and poll, refused a second time by the database); a removed poll's awards are reversed by
 * {@code PollAdministration.remove}. Here: what a citizen reads of their own, and what auditors and the finance office
 * read of everyone's, by the citizens' payee codes (a keyed pseudonym, never a phone number).
 */
@Local
public interface Mileage {

    /** How many history lines a citizen's statement shows at most (newest first); the balance counts them all. */
    int MAX_HISTORY = 200;
    /** Ledger rows one poll's listing or one month's payout returns at most (a bigger month is truncated, and says so). */
    int MAX_ROWS = 100_000;

    /** The bearer token's holder's balance, payee code and history. */
    MileageStatement statement(String bearerToken);

    /** Per poll and in total, what the ledger holds for a month in the city's time zone (AUDITOR, FINANCE, ADMIN). */
    MileageOverview overview(YearMonth month);

    /** Every award and reversal of one poll, oldest first (AUDITOR, FINANCE, ADMIN). */
    List<MileageEntryView> pollEntries(UUID pollId);

    /** The month's payout: one total per payee and the rows behind them (FINANCE, AUDITOR). */
    MonthlyPayout payout(YearMonth month);
}
