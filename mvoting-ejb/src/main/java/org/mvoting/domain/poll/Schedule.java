package org.mvoting.domain.poll;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import org.mvoting.api.errors.InvalidPollException;

/** When a poll accepts ballots: from {@code opensAt} (inclusive) until {@code closesAt} (exclusive). */
@Embeddable
public class Schedule {

    @Column(name = "opens_at", nullable = false)
    private Instant opensAt;

    @Column(name = "closes_at", nullable = false)
    private Instant closesAt;

    protected Schedule() {
    }

    public Schedule(Instant opensAt, Instant closesAt) {
        Objects.requireNonNull(opensAt, "opensAt");
        Objects.requireNonNull(closesAt, "closesAt");
        if (!closesAt.isAfter(opensAt)) {
            throw new InvalidPollException("schedule-backwards");
        }
        this.opensAt = opensAt;
        this.closesAt = closesAt;
    }

    public boolean contains(Instant moment) {
        return !moment.isBefore(opensAt) && moment.isBefore(closesAt);
    }

    public boolean hasEndedBy(Instant moment) {
        return !moment.isBefore(closesAt);
    }

    /** The same schedule, ending now if it would have ended later (closing early). */
    public Schedule endingNoLaterThan(Instant moment) {
        return closesAt.isAfter(moment) && moment.isAfter(opensAt) ? new Schedule(opensAt, moment) : this;
    }

    public Duration length() {
        return Duration.between(opensAt, closesAt);
    }

    public Instant opensAt() {
        return opensAt;
    }

    public Instant closesAt() {
        return closesAt;
    }
}
