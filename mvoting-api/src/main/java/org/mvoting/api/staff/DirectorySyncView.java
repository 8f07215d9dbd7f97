package org.mvoting.api.staff;

import java.time.Instant;
import java.util.List;

/** One directory sync: its progress while it runs, and what changed when it is done. */
public record DirectorySyncView(long id, String trigger, String startedBy, Instant startedAt, Instant finishedAt,
                                String status, int total, int processed, int unitsAdded, int unitsChanged,
                                int unitsRemoved, int peopleAdded, int peopleMoved, int peopleChanged,
                                int peopleLeft, List<String> changes, String error) {

    public boolean finished() {
        return finishedAt != null;
    }
}
