package org.mvoting.api.messaging;

import java.time.LocalDate;

/**
 * Today's SMS budget (MVOTING_SMS_DAILY_BUDGET) and what is used of it.
 *
 * @param warning   80 % or more used: the portal warns (the server log did once, at the crossing)
 * @param exhausted used up: codes are refused with 429 and campaign SMS fail until midnight in the city
 */
public record SmsBudgetDay(LocalDate day, int budget, long used, int percentUsed, boolean warning, boolean exhausted) {

    /** The share of the budget at which the portal and the log warn. */
    public static final int WARNING_PERCENT = 80;

    public static SmsBudgetDay of(LocalDate day, int budget, long used) {
        int percent = (int) Math.min(999, used * 100 / Math.max(1, budget));
        return new SmsBudgetDay(day, budget, used, percent, used * 100 >= (long) WARNING_PERCENT * budget,
                used >= budget);
    }
}
