package org.mvoting.api.mileage;

import java.util.List;

/** A month of the ledger ("2026-12", the city's time zone): per poll, then the month's totals. */
public record MileageOverview(String month, List<PollMileage> polls, long awards, long reversals, long netWon,
                              long payees) {

    public MileageOverview {
        polls = List.copyOf(polls);
    }
}
