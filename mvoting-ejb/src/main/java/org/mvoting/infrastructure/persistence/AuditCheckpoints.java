package org.mvoting.infrastructure.persistence;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;
import org.mvoting.api.audit.ChainCheckpoint;
import org.mvoting.verifier.AuditChain;
import org.mvoting.verifier.Report;
import org.mvoting.verifier.Verifier;

/**
 * Checkpoints of the audit chain (a copy of its head at each poll close, with the final tally's hash, and once a
 * day), and the verifier run over the application's own data source.
 */
@ApplicationScoped
public class AuditCheckpoints {

    @PersistenceContext(unitName = "mvoting")
    private EntityManager em;

    @Resource(lookup = "java:jboss/datasources/MVotingDS")
    private DataSource dataSource;

    /**
     * Records the chain head (the caller's poll.close event, whose append still holds the head's lock) and the hash
     * of the final tally, in the closing transaction.
     */
    public void pollClosed(UUID pollId, Map<Long, TallyCount> finalTally, Instant at) {
        Map<Long, long[]> counts = new HashMap<>();
        finalTally.forEach((option, c) -> counts.put(option, new long[] {c.votes(), c.points()}));
        Object[] head = head(false);
        em.createNativeQuery("INSERT INTO audit_checkpoint (kind, poll_id, head_seq, head_hash, tally_hash, created_at)"
                        + " VALUES ('POLL_CLOSE', ?1, ?2, ?3, ?4, ?5)")
                .setParameter(1, pollId).setParameter(2, ((Number) head[0]).longValue()).setParameter(3, head[1])
                .setParameter(4, AuditChain.tallyHash(counts)).setParameter(5, OffsetDateTime.ofInstant(at, ZoneOffset.UTC))
                .executeUpdate();
    }

    /** The day's checkpoint; false when another node (or an earlier run) already took it. */
    public boolean daily(LocalDate day, Instant at) {
        Object[] head = head(true); // the head cannot move while we copy it
        return em.createNativeQuery("INSERT INTO audit_checkpoint (kind, on_day, head_seq, head_hash, created_at)"
                        + " VALUES ('DAILY', ?1, ?2, ?3, ?4) ON CONFLICT (on_day) DO NOTHING")
                .setParameter(1, day).setParameter(2, ((Number) head[0]).longValue()).setParameter(3, head[1])
                .setParameter(4, OffsetDateTime.ofInstant(at, ZoneOffset.UTC)).executeUpdate() == 1;
    }

    public Optional<ChainCheckpoint> forPoll(UUID pollId) {
        List<?> rows = em.createNativeQuery("SELECT head_seq, head_hash, tally_hash, created_at FROM audit_checkpoint"
                + " WHERE poll_id = ?1").setParameter(1, pollId).getResultList();
        return rows.stream().findFirst().map(Object[].class::cast).map(r -> {
            String headHash = (String) r[1];
            String tallyHash = (String) r[2];
            long seq = ((Number) r[0]).longValue();
            return new ChainCheckpoint(seq, headHash, tallyHash, NativeValues.instant(r[3]),
                    display(seq, headHash, tallyHash));
        });
    }

    /** "#42 1a2b 3c4d 5e6f 7a8b / 9c0d …": the event the chain head was, then both hashes in short. */
    public static String display(long seq, String headHash, String tallyHash) {
        return "#" + seq + " " + AuditChain.shortForm(headHash) + " / " + AuditChain.shortForm(tallyHash);
    }

    /**
     * The verifier over a connection of its own, outside any transaction, so it reads one snapshot (repeatable
     * read, read-only) however long it takes and holds no lock an append would wait for.
     */
    public Report verify() {
        try (Connection connection = dataSource.getConnection()) {
            return Verifier.verify(connection);
        } catch (SQLException e) {
            throw new IllegalStateException("the audit chain could not be read", e);
        }
    }

    private Object[] head(boolean lock) {
        return (Object[]) em.createNativeQuery("SELECT head_seq, head_hash FROM audit_chain WHERE id = 1"
                + (lock ? " FOR UPDATE" : "")).getSingleResult();
    }
}
