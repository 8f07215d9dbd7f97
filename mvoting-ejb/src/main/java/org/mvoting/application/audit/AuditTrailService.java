package org.mvoting.application.audit;

import org.mvoting.api.staff.AllowedRoles;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.time.Instant;
import java.util.List;
import org.mvoting.api.audit.AuditEntryView;
import org.mvoting.api.audit.AuditTrailQuery;
import org.mvoting.api.polls.PageOf;
import org.mvoting.api.staff.Roles;
import org.mvoting.domain.audit.AuditEvent;

/** The audit trail for auditors: read-only, every entry, newest first. */
@Stateless
public class AuditTrailService implements AuditTrailQuery {

    @PersistenceContext(unitName = "mvoting")
    private EntityManager em;

    @Override
    @AllowedRoles(Roles.AUDITOR)
    public PageOf<AuditEntryView> entries(String actor, String actionPrefix, String target, Instant from, Instant to,
                                          int page, int size) {
        int pageSize = Math.max(1, Math.min(size, 10_000));
        int pageNo = Math.min(Math.max(0, page), 100_000);
        List<AuditEntryView> items = query("SELECT e FROM AuditEvent e", actor, actionPrefix, target, from, to,
                " ORDER BY e.occurredAt DESC, e.id DESC", AuditEvent.class)
                .setFirstResult(pageNo * pageSize).setMaxResults(pageSize).getResultList().stream()
                .map(e -> new AuditEntryView(e.id(), e.occurredAt(), e.actor(), e.action(), e.target(), e.detail(),
                        e.source()))
                .toList();
        long total = query("SELECT count(e) FROM AuditEvent e", actor, actionPrefix, target, from, to, "", Long.class)
                .getSingleResult();
        return new PageOf<>(items, pageNo, pageSize, total);
    }

    private <T> TypedQuery<T> query(String select, String actor, String actionPrefix, String target, Instant from,
                                    Instant to, String order, Class<T> type) {
        StringBuilder jpql = new StringBuilder(select).append(" WHERE 1 = 1");
        if (present(actor)) {
            jpql.append(" AND e.actor = :actor");
        }
        if (present(actionPrefix)) {
            jpql.append(" AND e.action LIKE :action");
        }
        if (present(target)) {
            jpql.append(" AND e.target = :target");
        }
        if (from != null) {
            jpql.append(" AND e.occurredAt >= :from");
        }
        if (to != null) {
            jpql.append(" AND e.occurredAt < :to");
        }
        TypedQuery<T> query = em.createQuery(jpql.append(order).toString(), type);
        if (present(actor)) {
            query.setParameter("actor", actor.strip());
        }
        if (present(actionPrefix)) {
            query.setParameter("action", actionPrefix.strip().replace("%", "").replace("_", "") + "%");
        }
        if (present(target)) {
            query.setParameter("target", target.strip());
        }
        if (from != null) {
            query.setParameter("from", from);
        }
        if (to != null) {
            query.setParameter("to", to);
        }
        return query;
    }

    private static boolean present(String text) {
        return text != null && !text.isBlank();
    }
}
