package org.mvoting.web.admin;

import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import java.io.Serializable;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.mvoting.api.audit.AuditEntryView;
import org.mvoting.api.audit.AuditTrailQuery;
import org.mvoting.api.audit.AuditVerification;
import org.mvoting.api.audit.AuditWindow;
import org.mvoting.api.audit.VerificationView;
import org.mvoting.api.polls.PageOf;
import org.mvoting.web.portal.PortalMessages;
import org.mvoting.web.portal.PortalTables;
import org.mvoting.web.portal.PortalTime;
import org.mvoting.web.portal.view.AuditItem;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;

/**
 * The audit trail for auditors (/admin/audit.xhtml), newest first, a page at a time, filtered by actor, action,
 * target and days on the city's clock; the export links carry the same filters, so a file holds what the page shows.
 */
@Named
@ViewScoped
public class AuditBacking implements Serializable {

    private static final long serialVersionUID = 1L;
    static final String TABLE = "audit:entries";

    @EJB
    private AuditTrailQuery audit;

    @EJB
    private AuditVerification verification;

    /** The last check's outcome on this page: null before the auditor asks. */
    private Boolean intact;
    private long chainedEvents;
    private long checkpoints;
    private long eventsBeforeChain;
    private ArrayList<String> findings = new ArrayList<>();

    private String actor;
    private String action;
    private String target;
    private LocalDate from;
    private LocalDate to;
    private final LazyDataModel<AuditItem> entries = new Entries();

    /**
     * The f:viewAction: asks once before the page renders, so that a refusal (no AUDITOR role) is shown;
     * the table loads while it renders, after the messages.
     */
    public void check() {
        audit.entries(null, null, null, null, null, 0, 1);
    }

    /** Runs the verifier (the auditors' jar's own code) over the whole trail. */
    public void verify() {
        VerificationView v = verification.verify();
        intact = v.intact();
        chainedEvents = v.chainedEvents();
        checkpoints = v.checkpoints();
        eventsBeforeChain = v.eventsBeforeChain();
        findings = new ArrayList<>(v.findings());
    }

    public Boolean getIntact() {
        return intact;
    }

    public long getChainedEvents() {
        return chainedEvents;
    }

    public long getCheckpoints() {
        return checkpoints;
    }

    public long getEventsBeforeChain() {
        return eventsBeforeChain;
    }

    public List<String> getFindings() {
        return findings;
    }

    /** The filters were set by the form; the table's update loads the first page with them. */
    public void search() {
        PortalTables.firstPage(TABLE);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    /** The same filters for the export links (audit.csv / audit.xlsx). */
    public String getExportQuery() {
        StringBuilder query = new StringBuilder();
        append(query, "actor", actor);
        append(query, "action", action);
        append(query, "target", target);
        append(query, "from", from == null ? null : from.toString());
        append(query, "to", to == null ? null : to.toString());
        return query.toString();
    }

    private static void append(StringBuilder query, String name, String value) {
        String v = blankToNull(value);
        if (v != null) {
            query.append(query.length() == 0 ? "?" : "&").append(name).append('=')
                    .append(URLEncoder.encode(v, StandardCharsets.UTF_8));
        }
    }

    public LazyDataModel<AuditItem> getEntries() {
        return entries;
    }

    public String getActor() {
        return actor;
    }

    public void setActor(String actor) {
        this.actor = actor;
    }

    public String getAction() {
        return action;
    }

    public void setAction(String action) {
        this.action = action;
    }

    public String getTarget() {
        return target;
    }

    public void setTarget(String target) {
        this.target = target;
    }

    /** The first day shown (from its 00:00 on the city's clock); null: from the start. */
    public LocalDate getFrom() {
        return from;
    }

    public void setFrom(LocalDate from) {
        this.from = from;
    }

    /** The last day shown (up to the next day's 00:00 on the city's clock); null: up to now. */
    public LocalDate getTo() {
        return to;
    }

    public void setTo(LocalDate to) {
        this.to = to;
    }

    /** Pages of AuditTrailQuery.entries with the current filters. */
    private class Entries extends LazyDataModel<AuditItem> {

        private static final long serialVersionUID = 1L;

        @Override
        public int count(Map<String, FilterMeta> filterBy) {
            try {
                return (int) Math.min(Integer.MAX_VALUE, page(0, 1).total());
            } catch (RuntimeException e) {
                return 0; // load() (or check() before the page) says why, once
            }
        }

        @Override
        public List<AuditItem> load(int first, int pageSize, Map<String, SortMeta> sortBy,
                                    Map<String, FilterMeta> filterBy) {
            int size = Math.max(1, pageSize);
            return PortalMessages.readWhileRendering(() -> {
                PageOf<AuditEntryView> page = page(first / size, size);
                setRowCount((int) Math.min(Integer.MAX_VALUE, page.total()));
                return page.items().stream().map(AuditItem::new).toList();
            }, List.of());
        }

        private PageOf<AuditEntryView> page(int page, int size) {
            AuditWindow window = AuditWindow.days(from, to, PortalTime.zone());
            return audit.entries(blankToNull(actor), blankToNull(action), blankToNull(target), window.from(),
                    window.to(), page, size);
        }

        @Override
        public String getRowKey(AuditItem entry) {
            return Long.toString(entry.getId());
        }

        @Override
        public AuditItem getRowData(String rowKey) {
            List<AuditItem> shown = getWrappedData();
            return shown == null ? null
                    : shown.stream().filter(e -> Long.toString(e.getId()).equals(rowKey)).findFirst().orElse(null);
        }
    }
}
