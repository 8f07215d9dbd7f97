package org.mvoting.domain.audit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * One administrative action: who, what, on what, when, from where. Append-only, and chained: its place in the trail
 * ({@code seq}) and the hash linking it to the event before are set once, by the trail, before it is stored.
 */
@Entity
@Table(name = "audit_event")
public class AuditEvent {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "occurred_at", nullable = false)
    private Instant occurredAt;

    @Column(nullable = false, length = 100)
    private String actor;

    @Column(nullable = false, length = 64)
    private String action;

    @Column(length = 100)
    private String target;

    @Column(length = 2000)
    private String detail;

    @Column(length = 100)
    private String source;

    @Column(updatable = false)
    private Long seq;

    @Column(name = "chain_hash", length = 64, updatable = false)
    private String chainHash;

    protected AuditEvent() {
    }

    public AuditEvent(Instant occurredAt, String actor, String action, String target, String detail,
                      String source) {
        // to the microsecond, as the database keeps it: the chain hash covers the stored value
        this.occurredAt = Objects.requireNonNull(occurredAt).truncatedTo(ChronoUnit.MICROS);
        this.actor = Objects.requireNonNull(actor);
        this.action = Objects.requireNonNull(action);
        this.target = target;
        this.detail = detail == null ? null : detail.substring(0, Math.min(detail.length(), 2000));
        this.source = source;
    }

    /** Places the event in the chain (once). */
    public void chain(long place, String hash) {
        if (seq != null) {
            throw new IllegalStateException("audit event already chained as #" + seq);
        }
        this.seq = place;
        this.chainHash = Objects.requireNonNull(hash);
    }

    public Long seq() {
        return seq;
    }

    public String chainHash() {
        return chainHash;
    }

    public Long id() {
        return id;
    }

    public Instant occurredAt() {
        return occurredAt;
    }

    public String actor() {
        return actor;
    }

    public String action() {
        return action;
    }

    public String target() {
        return target;
    }

    public String detail() {
        return detail;
    }

    public String source() {
        return source;
    }
}
