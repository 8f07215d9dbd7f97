package org.mvoting.infrastructure.persistence;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The leases of once-per-cluster jobs in cluster_lease (V24). Taking or renewing a lease is one statement in its own
 * transaction, on the database's clock: two nodes that claim at once queue on the row, and the second finds the
 * first's new row and gets nothing. A lease is free when nobody holds it, when it ran out, or when the claimant holds
 * it already (renewal keeps {@code held_since}).
 */
@Stateless
public class ClusterLeases {

    /** Who holds a job's lease, since when, and until when (the database's clock). */
    public record Lease(String job, String holder, Instant heldSince, Instant expiresAt) {
    }

    @PersistenceContext(unitName = "mvoting")
    private EntityManager em;

    /** Takes or renews the lease for {@code ttl}; false when another holder's lease is still running. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public boolean claim(String job, String holder, Duration ttl) {
        List<?> taken = em.createNativeQuery("INSERT INTO cluster_lease (job, holder, expires_at, held_since)"
                        + " VALUES (?1, ?2, clock_timestamp() + ?3 * INTERVAL '1 millisecond', clock_timestamp())"
                        + " ON CONFLICT (job) DO UPDATE SET holder = EXCLUDED.holder, expires_at = EXCLUDED.expires_at,"
                        + " held_since = CASE WHEN cluster_lease.holder = EXCLUDED.holder"
                        + " THEN cluster_lease.held_since ELSE EXCLUDED.held_since END"
                        + " WHERE cluster_lease.holder = EXCLUDED.holder OR cluster_lease.expires_at < clock_timestamp()"
                        + " RETURNING holder")
                .setParameter(1, job).setParameter(2, holder).setParameter(3, ttl.toMillis())
                .getResultList();
        return !taken.isEmpty();
    }

    /** Gives the lease up at once (a node that stops), so another node need not wait for it to run out. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void release(String job, String holder) {
        em.createNativeQuery("DELETE FROM cluster_lease WHERE job = ?1 AND holder = ?2")
                .setParameter(1, job).setParameter(2, holder).executeUpdate();
    }

    /** The job's lease as the database has it, also one that ran out; empty when nobody ever held it. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public Optional<Lease> current(String job) {
        List<?> rows = em.createNativeQuery("SELECT holder, held_since, expires_at FROM cluster_lease WHERE job = ?1")
                .setParameter(1, job).getResultList();
        return rows.stream().findFirst().map(row -> {
            Object[] cells = (Object[]) row;
            return new Lease(job, (String) cells[0], NativeValues.instant(cells[1]), NativeValues.instant(cells[2]));
        });
    }

}
