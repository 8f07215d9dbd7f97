package org.mvoting.web.portal.view;

import java.io.Serializable;
import java.util.List;
import org.mvoting.api.staff.DirectorySyncView;
import org.mvoting.web.portal.PortalTime;

/** One directory sync run: progress while it runs, what changed when done. */
public class SyncItem implements Serializable {

    private static final long serialVersionUID = 1L;

    private final long id;
    private final String trigger;
    private final String startedBy;
    private final String startedAt;
    private final String finishedAt;
    private final String status;
    private final boolean running;
    private final int total;
    private final int processed;
    private final int unitsAdded;
    private final int unitsChanged;
    private final int unitsRemoved;
    private final int peopleAdded;
    private final int peopleMoved;
    private final int peopleChanged;
    private final int peopleLeft;
    private final List<String> changes;
    private final String error;

    public SyncItem(DirectorySyncView s) {
        id = s.id();
        trigger = s.trigger();
        startedBy = s.startedBy();
        startedAt = PortalTime.seconds(s.startedAt());
        finishedAt = PortalTime.seconds(s.finishedAt());
        status = s.status();
        running = !s.finished();
        total = s.total();
        processed = s.processed();
        unitsAdded = s.unitsAdded();
        unitsChanged = s.unitsChanged();
        unitsRemoved = s.unitsRemoved();
        peopleAdded = s.peopleAdded();
        peopleMoved = s.peopleMoved();
        peopleChanged = s.peopleChanged();
        peopleLeft = s.peopleLeft();
        changes = s.changes() == null ? List.of() : List.copyOf(s.changes());
        error = s.error();
    }

    public long getId() {
        return id;
    }

    public String getTrigger() {
        return trigger;
    }

    public String getStartedBy() {
        return startedBy;
    }

    public String getStartedAt() {
        return startedAt;
    }

    public String getFinishedAt() {
        return finishedAt;
    }

    public String getStatus() {
        return status;
    }

    public boolean isRunning() {
        return running;
    }

    public int getTotal() {
        return total;
    }

    public int getProcessed() {
        return processed;
    }

    /** 0..100 for the progress bar; 100 once finished even when the directory was empty. */
    public int getPercent() {
        if (!running) {
            return 100;
        }
        return total <= 0 ? 0 : (int) Math.min(100, Math.round(100.0 * processed / total));
    }

    public int getUnitsAdded() {
        return unitsAdded;
    }

    public int getUnitsChanged() {
        return unitsChanged;
    }

    public int getUnitsRemoved() {
        return unitsRemoved;
    }

    public int getPeopleAdded() {
        return peopleAdded;
    }

    public int getPeopleMoved() {
        return peopleMoved;
    }

    public int getPeopleChanged() {
        return peopleChanged;
    }

    public int getPeopleLeft() {
        return peopleLeft;
    }

    public List<String> getChanges() {
        return changes;
    }

    public String getError() {
        return error;
    }
}
