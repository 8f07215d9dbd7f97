package org.mvoting.api.audit;

import java.time.Instant;

/** One audit-trail entry: who did what to which object, when, and from where. */
public record AuditEntryView(long id, Instant occurredAt, String actor, String action, String target, String detail,
                             String source) {
}
