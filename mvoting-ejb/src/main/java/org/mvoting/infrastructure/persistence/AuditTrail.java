package org.mvoting.infrastructure.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import org.mvoting.api.polls.Actor;
import org.mvoting.domain.audit.AuditEvent;

/** Appends audit events in the caller's transaction, so an action and its record commit together. */
@ApplicationScoped
public class AuditTrail {

    @PersistenceContext(unitName = "mvoting")
    private EntityManager em;

    public void record(Actor actor, String action, Object target, String detail) {
        em.persist(new AuditEvent(Instant.now(), actor.name(), action, target == null ? null : target.toString(),
                detail, actor.source()));
    }
}
