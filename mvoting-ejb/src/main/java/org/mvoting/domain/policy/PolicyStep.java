package org.mvoting.domain.policy;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import java.util.UUID;
import org.mvoting.api.policycycle.PolicyStage;
import org.mvoting.api.policycycle.PolicyStepEntry;

/**
 * One entry of a poll's policy cycle. Written once (the table is append-only): a correction is a new entry that
 * {@link #replacesId() replaces} this one, so what the city once said publicly stays on record. Made only by
 * {@link PolicyCycle#record}, which checks the order and the dates.
 */
@Entity
@Table(name = "policy_step")
public class PolicyStep {

    @Id
    private UUID id;

    @Column(name = "poll_id", nullable = false, updatable = false)
    private UUID pollId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16, updatable = false)
    private PolicyStage stage;

    @Column(name = "occurred_on", nullable = false, updatable = false)
    private LocalDate occurredOn;

    @Column(nullable = false, length = PolicyStepEntry.SUMMARY_LENGTH, updatable = false)
    private String summary;

    @Column(name = "replaces_id", updatable = false)
    private UUID replacesId;

    @Column(name = "recorded_by", nullable = false, length = 100, updatable = false)
    private String recordedBy;

    @Column(name = "recorded_at", nullable = false, updatable = false)
    private Instant recordedAt;

    protected PolicyStep() {
    }

    PolicyStep(UUID pollId, PolicyStage stage, LocalDate occurredOn, String summary, UUID replacesId,
               String recordedBy, Instant recordedAt) {
        this.id = UUID.randomUUID();
        this.pollId = Objects.requireNonNull(pollId, "pollId");
        this.stage = Objects.requireNonNull(stage, "stage");
        this.occurredOn = Objects.requireNonNull(occurredOn, "occurredOn");
        this.summary = Objects.requireNonNull(summary, "summary");
        this.replacesId = replacesId;
        this.recordedBy = Objects.requireNonNull(recordedBy, "recordedBy");
        this.recordedAt = Objects.requireNonNull(recordedAt, "recordedAt");
    }

    /** True for the first entry of the DECISION stage: the moment citizens who took part are told. */
    public boolean isFirstDecision() {
        return stage == PolicyStage.DECISION && replacesId == null;
    }

    public UUID id() {
        return id;
    }

    public UUID pollId() {
        return pollId;
    }

    public PolicyStage stage() {
        return stage;
    }

    public LocalDate occurredOn() {
        return occurredOn;
    }

    public String summary() {
        return summary;
    }

    public UUID replacesId() {
        return replacesId;
    }

    public String recordedBy() {
        return recordedBy;
    }

    public Instant recordedAt() {
        return recordedAt;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PolicyStep s && id.equals(s.id);
    }

    @Override
    public int hashCode() {
        return id.hashCode();
    }
}
