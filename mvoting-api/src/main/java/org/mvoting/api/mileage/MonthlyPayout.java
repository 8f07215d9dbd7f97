package org.mvoting.api.mileage;

import java.util.List;

/**
 * The finance office's month: one total per payee (by payee code), the month's net total, and the ledger rows
 * behind them; {@code truncated} when the month held more than {@link Mileage#MAX_ROWS} rows.
 */
public record MonthlyPayout(String month, List<PayeeTotal> payees, long netWon, List<MileageEntryView> entries,
                            boolean truncated) {

    public MonthlyPayout {
        payees = List.copyOf(payees);
        entries = List.copyOf(entries);
    }
}
