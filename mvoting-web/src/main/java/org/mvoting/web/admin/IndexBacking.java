package org.mvoting.web.admin;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.mvoting.api.polls.Dashboard;
import org.mvoting.api.polls.PollAdministration;
import org.mvoting.api.polls.PollStatus;
import org.mvoting.web.portal.view.PollItem;

/** The portal's first page (/admin/index.xhtml): my department at a glance and what waits for my approval. */
@Named
@RequestScoped
public class IndexBacking {

    @EJB
    private PollAdministration administration;

    private Dashboard dashboard;
    private List<PollItem> awaiting = List.of();

    public void load() {
        dashboard = administration.dashboard();
        awaiting = dashboard.awaitingMyApproval().stream().map(PollItem::new).toList();
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
