package org.mvoting.infrastructure.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.time.Instant;
import java.util.List;
import org.mvoting.api.polls.Actor;
import org.mvoting.domain.audit.AuditEvent;

/**
 * Appends audit events in the caller's transaction, so an action and its record commit together; and finds them
 * for auditors by actor, action prefix, target and time window.
 */
@ApplicationScoped
public class AuditTrail {

    @PersistenceContext(unitName = "mvoting")
    private EntityManager em;

    public void record(Actor actor, String action, Object target, String detail) {
        em.persist(new AuditEvent(Instant.now(), actor.name(), action, target == null ? null : target.toString(),
                detail, actor.source()));
    }

    /** Which events an auditor asks for; blank or null criteria match everything. */
    public record Criteria(String actor, String actionPrefix, String target, Instant from, Instant to) {
    }

    /** One page of matching events, newest first. */
    public List<AuditEvent> find(Criteria criteria, int first, int max) {
        return query("SELECT e FROM AuditEvent e", criteria, " ORDER BY e.occurredAt DESC, e.id DESC", AuditEvent.class)
                .setFirstResult(first).setMaxResults(max).getResultList();
    }

    public long count(Criteria criteria) {
        return query("SELECT count(e) FROM AuditEvent e", criteria, "", Long.class).getSingleResult();
    }

    private <T> TypedQuery<T> query(String select, Criteria c, String order, Class<T> type) {
        StringBuilder jpql = new StringBuilder(select).append(" WHERE 1 = 1");
        if (present(c.actor())) {
            jpql.append(" AND e.actor = :actor");
        }
        if (present(c.actionPrefix())) {
            jpql.append(" AND e.action LIKE :action");
        }
        if (present(c.target())) {
            jpql.append(" AND e.target = :target");
        }
        if (c.from() != null) {
            jpql.append(" AND e.occurredAt >= :from");
        }
        if (c.to() != null) {
            jpql.append(" AND e.occurredAt < :to");
        }
        TypedQuery<T> query = em.createQuery(jpql.append(order).toString(), type);
        if (present(c.actor())) {
            query.setParameter("actor", c.actor().strip());
        }
        if (present(c.actionPrefix())) {
            // a prefix, never a pattern: wildcards the auditor typed are dropped
            query.setParameter("action", c.actionPrefix().strip().replace("%", "").replace("_", "") + "%");
        }
        if (present(c.target())) {
            query.setParameter("target", c.target().strip());
        }
        if (c.from() != null) {
            query.setParameter("from", c.from());
        }
        if (c.to() != null) {
            query.setParameter("to", c.to());
        }
        return query;
    }

    private static boolean present(String text) {
        return text != null && !text.isBlank();
    }
}
