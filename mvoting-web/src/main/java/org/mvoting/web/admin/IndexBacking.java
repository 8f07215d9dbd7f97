package org.mvoting.web.admin;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.mvoting.api.messaging.SmsGuard;
import org.mvoting.api.messaging.SmsGuardReport;
import org.mvoting.api.messaging.SmsRefusalCount;
import org.mvoting.api.polls.Dashboard;
import org.mvoting.api.polls.PollAdministration;
import org.mvoting.api.polls.PollStatus;
import org.mvoting.web.portal.PortalUser;
import org.mvoting.web.portal.view.PollItem;
import org.mvoting.web.portal.view.SmsRefusalItem;

/**
 * The portal's first page (/admin/index.xhtml): my department at a glance and what waits for my approval; for
 * administrators also today's SMS budget (a warning from 80 % used) and today's refused SMS requests.
 */
@Named
@RequestScoped
public class IndexBacking {

    /** The refusal rows the dashboard lists; the rest are in GET /api/v1/admin/sms-guard. */
    static final int REFUSAL_ROWS = 20;

    @EJB
    private PollAdministration administration;

    @EJB
    private SmsGuard smsGuard;

    @Inject
    private PortalUser user;

    private Dashboard dashboard;
    private List<PollItem> awaiting = List.of();
    private SmsGuardReport sms;

    public void load() {
        dashboard = administration.dashboard();
        awaiting = dashboard.awaitingMyApproval().stream().map(PollItem::new).toList();
        if (user.isAdmin()) {
            sms = smsGuard.report(1);
        }
    }

    /** Shown to administrators only: the SMS budget and the refusals. */
    public boolean isSmsShown() {
        return sms != null;
    }

    public long getSmsUsed() {
        return sms == null ? 0 : sms.budget().used();
    }

    public int getSmsBudget() {
        return sms == null ? 0 : sms.budget().budget();
    }

    public int getSmsPercentUsed() {
        return sms == null ? 0 : sms.budget().percentUsed();
    }

    /** 80 % or more of today's budget used. */
    public boolean isSmsWarning() {
        return sms != null && sms.budget().warning();
    }

    public boolean isSmsExhausted() {
        return sms != null && sms.budget().exhausted();
    }

    /** Today's refusals, most first, at most {@link #REFUSAL_ROWS}. */
    public List<SmsRefusalItem> getSmsRefusals() {
        return sms == null ? List.of() : sms.refusals().stream().limit(REFUSAL_ROWS).map(SmsRefusalItem::new).toList();
    }

    public long getSmsRefusalsToday() {
        return sms == null ? 0 : sms.refusals().stream().mapToLong(SmsRefusalCount::refusals).sum();
    }

    public boolean isLoaded() {
        return dashboard != null;
    }

    public String getDepartmentName() {
        return dashboard == null ? null : dashboard.departmentName();
    }

    public boolean isHasDepartment() {
        return dashboard != null && dashboard.departmentCode() != null;
    }

    /** Every state in lifecycle order, including those with no polls. */
    public List<PollStatus> getStatuses() {
        return Arrays.asList(PollStatus.values());
    }

    public long count(PollStatus status) {
        Map<PollStatus, Long> counts = dashboard == null ? Map.of() : dashboard.pollsByStatus();
        Long n = counts.get(status);
        return n == null ? 0 : n;
    }

    public long getBallotsToday() {
        return dashboard == null ? 0 : dashboard.ballotsToday();
    }

    public List<PollItem> getAwaiting() {
        return awaiting;
    }
}
