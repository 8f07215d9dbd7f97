package org.mvoting.infrastructure.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.LocalDate;
import java.util.logging.Logger;
import org.mvoting.api.messaging.SmsBudgetDay;
import org.mvoting.api.settings.CitySettings;
import org.mvoting.infrastructure.persistence.RateLimits;

/**
 * The city's daily SMS budget (MVOTING_SMS_DAILY_BUDGET), shared by every node through rate_limit_window: every SMS
 * handed to the gateway claims one unit, once per message (a sign-in code when it is asked for, a campaign SMS at
 * its first delivery attempt). The budget is read on every claim, so lowering it takes effect at once. Crossing
 * 80 % and running out are each logged once a day for the whole cluster (a marker in the same table), not per request.
 */
@ApplicationScoped
public class SmsBudget {

    private static final Logger LOG = Logger.getLogger(SmsBudget.class.getName());
    static final String BUDGET = "sms-budget";
    static final String WARNED = "sms-budget-warned";
    private static final String CITY = "city";
    private static final Duration DAY = Duration.ofDays(1);

    @Inject
    private RateLimits limits;

    /** Claims one SMS of today's budget; false (nothing claimed) when it is used up. */
    public boolean claim() {
        int budget = CitySettings.smsDailyBudget();
        int used = limits.claim(BUDGET, CITY, DAY, budget);
        if (used == 0) {
            if (limits.claim(WARNED, "100", DAY, 1) == 1) {
                LOG.warning(() -> "The daily SMS budget of " + budget + " (MVOTING_SMS_DAILY_BUDGET) is used up:"
                        + " sign-in codes are refused and campaign SMS fail until midnight in the city");
            }
            return false;
        }
        if (SmsBudgetDay.of(cityDay(), budget, used).warning() && limits.claim(WARNED, "80", DAY, 1) == 1) {
            LOG.warning(() -> "SMS budget: " + used + " of " + budget + " SMS sent today (" + used * 100 / budget
                    + " %); at " + budget + " sign-in codes are refused. Look for SMS pumping on the dashboard"
                    + " (GET /api/v1/admin/sms-guard) or raise MVOTING_SMS_DAILY_BUDGET");
        }
        return true;
    }

    /** Today's budget and what is used of it. */
    public SmsBudgetDay today() {
        return SmsBudgetDay.of(cityDay(), CitySettings.smsDailyBudget(), limits.counted(BUDGET, CITY, DAY));
    }

    /** Seconds until the budget starts afresh (midnight in the city): a refusal's Retry-After. */
    public long secondsUntilTomorrow() {
        return limits.secondsUntilNextWindow(DAY);
    }

    private static LocalDate cityDay() {
        return LocalDate.now(CitySettings.timeZone());
    }
}
