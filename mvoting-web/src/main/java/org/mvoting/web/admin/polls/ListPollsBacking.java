package org.mvoting.web.admin.polls;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.mvoting.api.polls.PageOf;
import org.mvoting.api.polls.PollAdministration;
import org.mvoting.api.polls.PollFilter;
import org.mvoting.api.polls.PollKind;
import org.mvoting.api.polls.PollRecord;
import org.mvoting.api.polls.PollStatus;
import org.mvoting.web.portal.PortalMessages;
import org.mvoting.web.portal.PortalTables;
import org.mvoting.web.portal.view.PollItem;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;

/**
 * The poll list (/admin/polls/list.xhtml), one page at a time from the service. Which polls the caller
 * sees (their departments'; all for auditors and the mayor's office) is the service's decision.
 */
@Named
@ViewScoped
public class ListPollsBacking implements Serializable {

    private static final long serialVersionUID = 1L;
    static final String TABLE = "polls:table";

    @EJB
    private PollAdministration administration;

    private PollStatus status;
    private PollKind kind;
    private String text;
    private boolean awaitingMine;
    private LazyDataModel<PollItem> polls;

    @PostConstruct
    void init() {
        polls = new Polls();
    }

    /**
     * The f:viewAction: asks once before the page renders, so that a refusal is shown; the table loads
     * while it renders, after the messages.
     */
    public void check() {
        administration.listPolls(filter(), 0, 1);
    }

    /** The filters were set by the form; the table's update loads the first page with them. */
    public void search() {
        PortalTables.firstPage(TABLE);
    }

    PollFilter filter() {
        String t = text == null || text.isBlank() ? null : text.strip();
        return new PollFilter(status, kind, null, t, awaitingMine);
    }

    public LazyDataModel<PollItem> getPolls() {
        return polls;
    }

    public List<PollStatus> getStatuses() {
        return Arrays.asList(PollStatus.values());
    }

    /** The kinds a department runs; citizen-to-citizen polls are not managed here. */
    public List<PollKind> getKinds() {
        return List.of(PollKind.CITY_TO_CITIZEN, PollKind.CITY_TO_STAFF, PollKind.EVENT);
    }

    public PollStatus getStatus() {
        return status;
    }

    public void setStatus(PollStatus status) {
        this.status = status;
    }

    public PollKind getKind() {
        return kind;
    }

    public void setKind(PollKind kind) {
        this.kind = kind;
    }

    public String getText() {
        return text;
    }

    public void setText(String text) {
        this.text = text;
    }

    public boolean isAwaitingMine() {
        return awaitingMine;
    }

    public void setAwaitingMine(boolean awaitingMine) {
        this.awaitingMine = awaitingMine;
    }

    /** Pages of PollAdministration.listPolls; sorting is the service's (newest first). */
    private class Polls extends LazyDataModel<PollItem> {

        private static final long serialVersionUID = 1L;

        @Override
        public int count(Map<String, FilterMeta> filterBy) {
            try {
                return (int) Math.min(Integer.MAX_VALUE, administration.listPolls(filter(), 0, 1).total());
            } catch (RuntimeException e) {
                return 0; // load() (or check() before the page) says why, once
            }
        }

        @Override
        public List<PollItem> load(int first, int pageSize, Map<String, SortMeta> sortBy,
                                   Map<String, FilterMeta> filterBy) {
            int size = Math.max(1, pageSize);
            return PortalMessages.readWhileRendering(() -> {
                PageOf<PollRecord> page = administration.listPolls(filter(), first / size, size);
                setRowCount((int) Math.min(Integer.MAX_VALUE, page.total()));
                return page.items().stream().map(PollItem::new).toList();
            }, List.of());
        }

        @Override
        public String getRowKey(PollItem poll) {
            return poll.getId();
        }

        @Override
        public PollItem getRowData(String rowKey) {
            List<PollItem> shown = getWrappedData();
            return shown == null ? null : shown.stream().filter(p -> p.getId().equals(rowKey)).findFirst().orElse(null);
        }
    }
}
