package org.mvoting.application.audit;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import org.mvoting.api.audit.AuditEntryView;
import org.mvoting.api.audit.AuditTrailQuery;
import org.mvoting.api.polls.PageOf;
import org.mvoting.api.staff.AllowedRoles;
import org.mvoting.api.staff.Roles;
import org.mvoting.infrastructure.persistence.AuditTrail;

/** The audit trail for auditors: read-only, every entry, newest first. */
@Stateless
public class AuditTrailService implements AuditTrailQuery {

    @Inject
    private AuditTrail trail;

    @Override
    @AllowedRoles(Roles.AUDITOR)
    public PageOf<AuditEntryView> entries(String actor, String actionPrefix, String target, Instant from, Instant to,
                                          int page, int size) {
        int pageSize = Math.max(1, Math.min(size, 10_000));
        int pageNo = Math.min(Math.max(0, page), 100_000);
        AuditTrail.Criteria criteria = new AuditTrail.Criteria(actor, actionPrefix, target, from, to);
        List<AuditEntryView> items = trail.find(criteria, pageNo * pageSize, pageSize).stream()
                .map(e -> new AuditEntryView(e.id(), e.occurredAt(), e.actor(), e.action(), e.target(), e.detail(),
                        e.source()))
                .toList();
        return new PageOf<>(items, pageNo, pageSize, trail.count(criteria));
    }
}
