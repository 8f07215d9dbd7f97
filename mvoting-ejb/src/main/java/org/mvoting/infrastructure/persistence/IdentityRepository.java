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

    public Optional<Citizen> citizen(java.util.UUID id) {
        return Found.of(em.find(Citizen.class, id));
    }

    /** Writes a retired citizen's unlinking at once, before a new citizen takes the number's key. */
    public void flush() {
        em.flush();
    }

    /** What the database says of a citizen token: its citizen's generation and state, and whether it was revoked. */
    public record TokenStanding(int generation, boolean retired, boolean revoked) {
    }

    /** Empty when no such citizen exists; one indexed read per request that carries a citizen token. */
    public Optional<TokenStanding> tokenStanding(java.util.UUID citizenId, String tokenId) {
        List<?> rows = em.createNativeQuery("SELECT c.token_generation, c.retired_at,"
                        + " (SELECT count(*) FROM revoked_token r WHERE r.token_id = ?2) FROM citizen c WHERE c.id = ?1")
                .setParameter(1, citizenId).setParameter(2, tokenId).getResultList();
        return rows.stream().findFirst().map(Object[].class::cast).map(r -> new TokenStanding(
                ((Number) r[0]).intValue(), r[1] != null, ((Number) r[2]).longValue() > 0));
    }

    /** Refuses one token until it would have expired; forgets revocations whose tokens have expired anyway. */
    public void revokeToken(String tokenId, Instant expiresAt, Instant now) {
        em.createNativeQuery("DELETE FROM revoked_token WHERE expires_at < ?1").setParameter(1, now).executeUpdate();
        em.createNativeQuery("INSERT INTO revoked_token (token_id, expires_at) VALUES (?1, ?2) ON CONFLICT DO NOTHING")
                .setParameter(1, tokenId).setParameter(2, expiresAt).executeUpdate();
    }

    /**
     * Marks a one-time id (a certificate sign-in's challenge) as used, kept until it would have expired anyway; false
     * when it was used already. The same table as signed-out tokens: both are ids refused from then on.
     */
    public boolean spendOnce(String id, Instant expiresAt) {
        return em.createNativeQuery("INSERT INTO revoked_token (token_id, expires_at) VALUES (?1, ?2) ON CONFLICT DO NOTHING")
                .setParameter(1, id).setParameter(2, expiresAt).executeUpdate() == 1;
    }

    /** Binds a device to a voter unless it is bound already (the first sign-in on a device wins). */
    public void bindDevice(byte[] deviceKey, byte[] voterKey, Instant now) {
        em.createNativeQuery("INSERT INTO device_binding (device_key, voter_key, bound_at) VALUES (?1, ?2, ?3)"
                        + " ON CONFLICT DO NOTHING")
                .setParameter(1, deviceKey).setParameter(2, voterKey).setParameter(3, now).executeUpdate();
    }

    /** Unbinds every device bound to a voter key (its number has passed to someone else). */
    public void unbindDevices(byte[] voterKey) {
        em.createNativeQuery("DELETE FROM device_binding WHERE voter_key = ?1").setParameter(1, voterKey).executeUpdate();
    }

    /** The voter key a device is bound to, if a citizen has signed in on it. */
    public Optional<byte[]> boundVoterKey(byte[] deviceKey) {
        List<?> rows = em.createNativeQuery("SELECT voter_key FROM device_binding WHERE device_key = ?1")
                .setParameter(1, deviceKey).getResultList();
        return rows.stream().findFirst().map(byte[].class::cast);
    }
}
