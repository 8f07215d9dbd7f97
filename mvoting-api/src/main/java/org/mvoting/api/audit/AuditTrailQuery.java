package org.mvoting.api.audit;

import jakarta.ejb.Local;
import java.time.Instant;
import org.mvoting.api.polls.PageOf;

/** The audit trail, read-only, for auditors. */
@Local
public interface AuditTrailQuery {

    /** Newest first; every filter is optional (null): actor, action prefix, target, and a time window. */
    PageOf<AuditEntryView> entries(String actor, String actionPrefix, String target, Instant from, Instant to,
                                   int page, int size);
}
