package org.mvoting.infrastructure.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.mvoting.domain.identity.Citizen;
import org.mvoting.domain.identity.OtpChallenge;

/** One-time code challenges and citizens, found by the keyed hash of the phone number. */
@ApplicationScoped
public class IdentityRepository {

    @PersistenceContext(unitName = "mvoting")
    private EntityManager em;

    /** Challenges for this phone created at or after {@code since}, newest first. */
    public List<OtpChallenge> challengesSince(byte[] phoneKey, Instant since) {
        return em.createQuery("SELECT c FROM OtpChallenge c WHERE c.phoneKey = :key AND c.createdAt >= :since"
                        + " ORDER BY c.createdAt DESC", OtpChallenge.class)
                .setParameter("key", phoneKey).setParameter("since", since).getResultList();
    }

    public Optional<OtpChallenge> latestChallenge(byte[] phoneKey) {
        return em.createQuery("SELECT c FROM OtpChallenge c WHERE c.phoneKey = :key ORDER BY c.createdAt DESC",
                        OtpChallenge.class)
                .setParameter("key", phoneKey).setMaxResults(1).getResultStream().findFirst();
    }

    public void add(OtpChallenge challenge) {
        em.persist(challenge);
    }

    public Optional<Citizen> citizen(byte[] phoneKey) {
        return em.createQuery("SELECT c FROM Citizen c WHERE c.phoneKey = :key", Citizen.class)
                .setParameter("key", phoneKey).getResultStream().findFirst();
    }

    public void add(Citizen citizen) {
        em.persist(citizen);
    }

    /** Binds a device to a voter unless it is bound already (the first sign-in on a device wins). */
    public void bindDevice(byte[] deviceKey, byte[] voterKey, Instant now) {
        em.createNativeQuery("INSERT INTO device_binding (device_key, voter_key, bound_at) VALUES (?1, ?2, ?3)"
                        + " ON CONFLICT DO NOTHING")
                .setParameter(1, deviceKey).setParameter(2, voterKey).setParameter(3, now).executeUpdate();
    }

    /** The voter key a device is bound to, if a citizen has signed in on it. */
    public Optional<byte[]> boundVoterKey(byte[] deviceKey) {
        List<?> rows = em.createNativeQuery("SELECT voter_key FROM device_binding WHERE device_key = ?1")
                .setParameter(1, deviceKey).getResultList();
        return rows.stream().findFirst().map(byte[].class::cast);
    }
}
