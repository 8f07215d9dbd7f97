package org.mvoting.web.admin;

import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.UUID;
import org.mvoting.api.errors.InvalidMileageMonthException;
import org.mvoting.api.mileage.Mileage;
import org.mvoting.api.mileage.MileageOverview;
import org.mvoting.web.portal.PortalTime;
import org.mvoting.web.portal.PortalUser;
import org.mvoting.web.portal.view.MileageEntryItem;
import org.mvoting.web.portal.view.PollMileageItem;

/**
 * The mileage ledger (/admin/mileage.xhtml) for auditors, the finance office and ADMIN: a month's awards and reversals
 * per poll and in total (the city's calendar), one poll's rows by payee code, and the month's payout files (FINANCE,
 * AUDITOR) through {@code /admin/download/mileage/{month}.csv|xlsx}.
 */
@Named
@ViewScoped
public class MileageBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    private Mileage mileage;

    @Inject
    private PortalUser user;

    private String month = YearMonth.from(LocalDate.now(PortalTime.zone())).toString();
    private String pollId;
    private MileageOverview overview;
    private List<PollMileageItem> polls = List.of();
    private List<MileageEntryItem> entries = List.of();

    public void load() {
        YearMonth m;
        try {
            m = YearMonth.parse(month == null ? "" : month.strip());
        } catch (DateTimeParseException e) {
            throw new InvalidMileageMonthException(month);
        }
        month = m.toString();
        overview = mileage.overview(m);
        polls = overview.polls().stream().map(PollMileageItem::new).toList();
        entries = pollId == null || pollId.isBlank() ? List.of()
                : mileage.pollEntries(UUID.fromString(pollId)).stream().map(MileageEntryItem::new).toList();
    }

    /** 조회: the month typed in. */
    public void show() {
        pollId = null;
        load();
    }

    /** One poll's rows. */
    public void showPoll(String id) {
        pollId = id;
        load();
    }

    /** The payout files are for the finance office and auditors (ADMIN sees the ledger but pays nobody). */
    public boolean isPayoutReader() {
        return user.inRole(org.mvoting.api.staff.Roles.FINANCE) || user.isAuditor();
    }

    public String getMonth() {
        return month;
    }

    public void setMonth(String month) {
        this.month = month;
    }

    public String getPollId() {
        return pollId;
    }

    public List<PollMileageItem> getPolls() {
        return polls;
    }

    public List<MileageEntryItem> getEntries() {
        return entries;
    }

    public long getAwards() {
        return overview == null ? 0 : overview.awards();
    }

    public long getReversals() {
        return overview == null ? 0 : overview.reversals();
    }

    public long getNetWon() {
        return overview == null ? 0 : overview.netWon();
    }

    public long getPayees() {
        return overview == null ? 0 : overview.payees();
    }
}
