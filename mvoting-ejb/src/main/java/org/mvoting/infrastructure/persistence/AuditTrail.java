package org.mvoting.infrastructure.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.time.Instant;
import java.util.List;
import org.mvoting.api.polls.Actor;
import org.mvoting.domain.audit.AuditEvent;
import org.mvoting.verifier.AuditChain;

/**
 * Appends audit events in the caller's transaction, so an action and its record commit together; and finds them
 * for auditors by actor, action prefix, target and time window.
 *
 * <p>Each append locks the one-row chain head (audit_chain) until the caller's transaction ends, so events are
 * numbered without gaps and each links to the one committed before it (a linear chain however many nodes write).
 * Cheap as long as audited transactions are short; the vote path writes no audit events.
 */
@ApplicationScoped
public class AuditTrail {

    @PersistenceContext(unitName = "mvoting")
    private EntityManager em;

    public void record(Actor actor, String action, Object target, String detail) {
        AuditEvent event = new AuditEvent(Instant.now(), actor.name(), action,
                target == null ? null : target.toString(), detail, actor.source());
        Object[] head = (Object[]) em.createNativeQuery(
                "SELECT head_seq, head_hash FROM audit_chain WHERE id = 1 FOR UPDATE").getSingleResult();
        long seq = ((Number) head[0]).longValue() + 1;
        String hash = AuditChain.hash((String) head[1], new AuditChain.Event(seq, event.occurredAt(), event.actor(),
                event.action(), event.target(), event.detail(), event.source()));
        event.chain(seq, hash);
        em.persist(event);
        em.createNativeQuery("UPDATE audit_chain SET head_seq = ?1, head_hash = ?2 WHERE id = 1")
                .setParameter(1, seq).setParameter(2, hash).executeUpdate();
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
