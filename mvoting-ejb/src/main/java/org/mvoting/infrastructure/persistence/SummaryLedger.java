package org.mvoting.infrastructure.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Issued results summaries: their exact content, verification code and kept PDF (poll_summary). */
@ApplicationScoped
public class SummaryLedger {

    @PersistenceContext(unitName = "mvoting")
    private EntityManager em;

    /** A summary as kept: its content (canonical JSON) and its verification code. */
    public record Issued(UUID pollId, String content, String code) {
    }

    public void issue(UUID pollId, String code, byte[] contentSha256, String content, Instant now) {
        em.createNativeQuery("INSERT INTO poll_summary (poll_id, verification_code, content_sha256, content, issued_at)"
                        + " VALUES (?1, ?2, ?3, ?4, ?5)")
                .setParameter(1, pollId).setParameter(2, code).setParameter(3, contentSha256).setParameter(4, content)
                .setParameter(5, OffsetDateTime.ofInstant(now, ZoneOffset.UTC)).executeUpdate();
    }

    public Optional<Issued> ofPoll(UUID pollId) {
        return one(em.createNativeQuery("SELECT poll_id, content, verification_code FROM poll_summary WHERE poll_id = ?1")
                .setParameter(1, pollId).getResultList());
    }

    public Optional<Issued> byCode(String code) {
        return one(em.createNativeQuery("SELECT poll_id, content, verification_code FROM poll_summary"
                + " WHERE verification_code = ?1").setParameter(1, code).getResultList());
    }

    public Optional<Issued> byPdfHash(byte[] sha256) {
        return one(em.createNativeQuery("SELECT poll_id, content, verification_code FROM poll_summary WHERE pdf_sha256 = ?1")
                .setParameter(1, sha256).getResultList());
    }

    public Optional<byte[]> pdf(UUID pollId) {
        List<?> rows = em.createNativeQuery("SELECT pdf FROM poll_summary WHERE poll_id = ?1 AND pdf IS NOT NULL")
                .setParameter(1, pollId).getResultList();
        return rows.stream().findFirst().map(byte[].class::cast);
    }

    /** Keeps the PDF unless one was kept already (the first wins, so every download is the same file). */
    public void keepPdf(UUID pollId, byte[] pdf, byte[] sha256) {
        em.createNativeQuery("UPDATE poll_summary SET pdf = ?2, pdf_sha256 = ?3 WHERE poll_id = ?1 AND pdf IS NULL")
                .setParameter(1, pollId).setParameter(2, pdf).setParameter(3, sha256).executeUpdate();
    }

    private static Optional<Issued> one(List<?> rows) {
        return rows.stream().map(Object[].class::cast).findFirst()
                .map(r -> new Issued(r[0] instanceof UUID u ? u : UUID.fromString(r[0].toString()), (String) r[1], (String) r[2]));
    }
}
