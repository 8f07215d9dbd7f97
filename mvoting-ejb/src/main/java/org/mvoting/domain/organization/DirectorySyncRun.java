package org.mvoting.domain.organization;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** One sync of the org chart from the directory: progress while it runs, a summary of changes after. */
@Entity
@Table(name = "directory_sync_run")
public class DirectorySyncRun {

    public static final int CHANGES_LENGTH = 8000;

    public enum Status { RUNNING, SUCCEEDED, FAILED }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    /** Quoted: TRIGGER is reserved in Oracle, where the column is "trigger"; PostgreSQL reads the same name. */
    @Column(name = "\"trigger\"", nullable = false, length = 16)
    private String trigger;

    @Column(name = "started_by", nullable = false, length = 100)
    private String startedBy;

    @Column(name = "started_at", nullable = false)
    private Instant startedAt;

    @Column(name = "finished_at")
    private Instant finishedAt;

    @Column(nullable = false, length = 16)
    @jakarta.persistence.Enumerated(jakarta.persistence.EnumType.STRING)
    private Status status;

    private int total;
    private int processed;
    @Column(name = "units_added")
    private int unitsAdded;
    @Column(name = "units_changed")
    private int unitsChanged;
    @Column(name = "units_removed")
    private int unitsRemoved;
    @Column(name = "people_added")
    private int peopleAdded;
    @Column(name = "people_moved")
    private int peopleMoved;
    @Column(name = "people_changed")
    private int peopleChanged;
    @Column(name = "people_left")
    private int peopleLeft;

    /** One line per change ("moved kim.minjun TEAM-A → TEAM-B"), cut off at the column's length. */
    @Column(length = CHANGES_LENGTH)
    private String changes;

    @Column(length = 1000)
    private String error;

    protected DirectorySyncRun() {
    }

    public DirectorySyncRun(String trigger, String startedBy, Instant now) {
        this.trigger = Objects.requireNonNull(trigger, "trigger");
        this.startedBy = Objects.requireNonNull(startedBy, "startedBy");
        this.startedAt = Objects.requireNonNull(now, "now");
        this.status = Status.RUNNING;
    }

    public void progress(int processedSoFar, int totalEntries) {
        this.processed = processedSoFar;
        this.total = totalEntries;
    }

    /** The counts and change lines of a finished sync. */
    public record Summary(int unitsAdded, int unitsChanged, int unitsRemoved, int peopleAdded, int peopleMoved,
                          int peopleChanged, int peopleLeft, List<String> changes) {
    }

    public void succeed(Summary summary, Instant now) {
        unitsAdded = summary.unitsAdded();
        unitsChanged = summary.unitsChanged();
        unitsRemoved = summary.unitsRemoved();
        peopleAdded = summary.peopleAdded();
        peopleMoved = summary.peopleMoved();
        peopleChanged = summary.peopleChanged();
        peopleLeft = summary.peopleLeft();
        changes = clip(String.join("\n", summary.changes()), CHANGES_LENGTH);
        processed = total;
        status = Status.SUCCEEDED;
        finishedAt = now;
    }

    public void fail(String reason, Instant now) {
        error = clip(reason, 1000);
        status = Status.FAILED;
        finishedAt = now;
    }

    private static String clip(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }

    public Long id() {
        return id;
    }

    public String trigger() {
        return trigger;
    }

    public String startedBy() {
        return startedBy;
    }

    public Instant startedAt() {
        return startedAt;
    }

    public Instant finishedAt() {
        return finishedAt;
    }

    public Status status() {
        return status;
    }

    public int total() {
        return total;
    }

    public int processed() {
        return processed;
    }

    public int unitsAdded() {
        return unitsAdded;
    }

    public int unitsChanged() {
        return unitsChanged;
    }

    public int unitsRemoved() {
        return unitsRemoved;
    }

    public int peopleAdded() {
        return peopleAdded;
    }

    public int peopleMoved() {
        return peopleMoved;
    }

    public int peopleChanged() {
        return peopleChanged;
    }

    public int peopleLeft() {
        return peopleLeft;
    }

    public List<String> changes() {
        return changes == null || changes.isEmpty() ? List.of() : new ArrayList<>(List.of(changes.split("\n")));
    }

    public String error() {
        return error;
    }
}
