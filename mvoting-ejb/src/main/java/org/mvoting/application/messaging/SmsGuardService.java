package org.mvoting.application.messaging;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.LocalDate;
import org.mvoting.api.messaging.SmsBudgetDay;
import org.mvoting.api.messaging.SmsGuard;
import org.mvoting.api.messaging.SmsGuardReport;
import org.mvoting.api.settings.CitySettings;
import org.mvoting.api.staff.AllowedRoles;
import org.mvoting.api.staff.Roles;
import org.mvoting.infrastructure.messaging.SmsBudget;
import org.mvoting.infrastructure.persistence.SmsRefusalLedger;

/** The SMS budget and the refusals counted against SMS pumping, for administrators (see {@link SmsGuard}). */
@Stateless
@AllowedRoles(Roles.ADMIN)
public class SmsGuardService implements SmsGuard {

    @Inject
    private SmsBudget budget;

    @EJB
    private SmsRefusalLedger refusals;

    @Override
    public SmsGuardReport report(int days) {
        int covered = Math.max(1, Math.min(MAX_DAYS, days));
        LocalDate first = LocalDate.now(CitySettings.timeZone()).minusDays(covered - 1L);
        return new SmsGuardReport(budget.today(), refusals.since(first));
    }

    @Override
    public SmsBudgetDay budgetToday() {
        return budget.today();
    }
}
