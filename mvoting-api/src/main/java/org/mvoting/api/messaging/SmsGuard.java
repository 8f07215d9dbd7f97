package org.mvoting.api.messaging;

import jakarta.ejb.Local;

/**
 * What guards the SMS gateway against pumping, for administrators (ADMIN): the day's budget and the refused
 * requests, counted per day, reason, masked origin and masked number.
 */
@Local
public interface SmsGuard {

    /** The most days a report covers. */
    int MAX_DAYS = 90;

    /** Today's budget, and the refusals of today and the {@code days - 1} days before (1 to {@link #MAX_DAYS}). */
    SmsGuardReport report(int days);

    /** Today's budget only (the portal's dashboard). */
    SmsBudgetDay budgetToday();
}
