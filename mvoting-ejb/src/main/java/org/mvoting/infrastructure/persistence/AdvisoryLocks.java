package org.mvoting.infrastructure.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.UUID;

/**
 * PostgreSQL transaction-scoped advisory locks. They live in the lock manager, not on a row, so many
 * voters can hold the shared lock of one poll without writing to anything, while closing the poll
 * takes it exclusively and so waits for ballots already in flight.
 */
@ApplicationScoped
public class AdvisoryLocks {

    /** Lock namespaces (the first key of the two-key form). */
    public enum Space {
        POLL(0x4D560001),
        PHONE(0x4D560002),
        MIXER(0x4D560003),
        OUTBOX(0x4D560004),
        DIRECTORY(0x4D560005),
        /** A LISTED poll's phone list and its invitations: one change or send at a time per poll. */
        PHONE_LIST(0x4D560006),
        /** A citizen poll's reports: counted against the hiding threshold one at a time. */
        POLL_REPORTS(0x4D560007),
        /** A closed poll's results summary: issued once. */
        SUMMARY(0x4D560008),
        /** An event's console: one operator action at a time per event (one open question, positions, rounds). */
        EVENT(0x4D560009),
        /** Census uploads: one at a time city-wide, so versions are consecutive (key 0). */
        CENSUS(0x4D560010),
        /** A poll's policy cycle: one step at a time, so stages stay in order and the decision is announced once. */
        POLICY_CYCLE(0x4D560017);

        private final int key;

        Space(int key) {
            this.key = key;
        }
    }

    @PersistenceContext(unitName = "mvoting")
    private EntityManager em;

    public void shared(Space space, UUID id) {
        em.createNativeQuery("SELECT count(*) FROM (SELECT pg_advisory_xact_lock_shared(?1, ?2)) AS l")
                .setParameter(1, space.key).setParameter(2, id.hashCode()).getSingleResult();
    }

    /** Takes the lock if free, without waiting; false when another transaction holds it. */
    public boolean tryExclusive(Space space, UUID id) {
        return tryExclusive(space, id.hashCode());
    }

    public boolean tryExclusive(Space space, int key) {
        return (Boolean) em.createNativeQuery("SELECT pg_try_advisory_xact_lock(?1, ?2)")
                .setParameter(1, space.key).setParameter(2, key).getSingleResult();
    }

    public void exclusive(Space space, UUID id) {
        exclusive(space, id.hashCode());
    }

    public void exclusive(Space space, int key) {
        em.createNativeQuery("SELECT count(*) FROM (SELECT pg_advisory_xact_lock(?1, ?2)) AS l")
                .setParameter(1, space.key).setParameter(2, key).getSingleResult();
    }
}
