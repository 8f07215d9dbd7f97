package org.mvoting.infrastructure.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.mvoting.api.ballots.Channel;
import org.mvoting.domain.ballot.Receipt;
import org.mvoting.domain.poll.Mark;

/**
 * The vote path's storage, in native SQL because it needs what JPA cannot say: INSERT ... ON CONFLICT
 * DO NOTHING (so the database itself refuses a second vote without aborting the transaction) and upserts
 * into tally slots (so no single row serialises voters).
 *
 * <p>Secrecy: participation rows carry the voter key, ballot rows never do, and nothing written here
 * relates the two.
 */
@ApplicationScoped
public class BallotLedger {

    /** How many rows each option's live count is spread over; concurrent voters pick one at random. */
    static final int TALLY_SLOTS = 16;
    /** Tally rows under this option id count ballots rather than votes for an option. */
    public static final long TURNOUT = 0L;

    @PersistenceContext(unitName = "mvoting")
    private EntityManager em;

    /** True if this is the voter's first participation; false if one exists (waiting for any in flight). */
    public boolean recordParticipation(UUID pollId, byte[] voterKey, Channel channel, LocalDate day,
                                       byte[] sealedReceipt) {
        return em.createNativeQuery("INSERT INTO participation (poll_id, voter_key, channel, voted_on, sealed_receipt)"
                        + " VALUES (?1, ?2, ?3, ?4, ?5) ON CONFLICT DO NOTHING")
                .setParameter(1, pollId).setParameter(2, voterKey).setParameter(3, channel.name())
                .setParameter(4, day).setParameter(5, sealedReceipt)
                .executeUpdate() == 1;
    }

    public Optional<byte[]> sealedReceipt(UUID pollId, byte[] voterKey) {
        List<?> rows = em.createNativeQuery("SELECT sealed_receipt FROM participation WHERE poll_id = ?1 AND voter_key = ?2")
                .setParameter(1, pollId).setParameter(2, voterKey).getResultList();
        return rows.stream().findFirst().map(byte[].class::cast);
    }

    public boolean hasParticipated(UUID pollId, byte[] voterKey) {
        return sealedReceipt(pollId, voterKey).isPresent();
    }

    /** Writes the anonymous ballot, its choices and its share of the live tally. */
    public void recordBallot(UUID pollId, Receipt receipt, Instant castHour, List<Mark> marks) {
        UUID ballotId = UUID.randomUUID();
        em.createNativeQuery("INSERT INTO ballot (id, poll_id, receipt, cast_hour) VALUES (?1, ?2, ?3, ?4)")
                .setParameter(1, ballotId).setParameter(2, pollId).setParameter(3, receipt.code())
                .setParameter(4, OffsetDateTime.ofInstant(castHour, ZoneOffset.UTC))
                .executeUpdate();

        StringBuilder choices = new StringBuilder(
                "INSERT INTO ballot_choice (ballot_id, option_id, preference_rank, points) VALUES ");
        for (int i = 0; i < marks.size(); i++) {
            int p = 2 + i * 3;
            choices.append(i == 0 ? "" : ", ").append("(?1, ?").append(p).append(", NULLIF(?").append(p + 1)
                    .append(", 0), ?").append(p + 2).append(')');
        }
        Query insertChoices = em.createNativeQuery(choices.toString()).setParameter(1, ballotId);
        for (int i = 0; i < marks.size(); i++) {
            Mark m = marks.get(i);
            int p = 2 + i * 3;
            insertChoices.setParameter(p, m.optionId()).setParameter(p + 1, m.rank() == null ? 0 : m.rank())
                    .setParameter(p + 2, m.points());
        }
        insertChoices.executeUpdate();

        // Rows in ascending option order: concurrent voters landing on the same slot lock in the same
        // order and cannot deadlock.
        List<Mark> ordered = marks.stream().sorted(Comparator.comparingLong(Mark::optionId)).toList();
        StringBuilder tally = new StringBuilder(
                "INSERT INTO tally_slot (poll_id, option_id, slot, votes, points) VALUES (?1, 0, ?2, 1, 0)");
        for (int i = 0; i < ordered.size(); i++) {
            int p = 3 + i * 2;
            tally.append(", (?1, ?").append(p).append(", ?2, 1, ?").append(p + 1).append(')');
        }
        tally.append(" ON CONFLICT (poll_id, option_id, slot) DO UPDATE"
                + " SET votes = tally_slot.votes + EXCLUDED.votes, points = tally_slot.points + EXCLUDED.points");
        Query upsert = em.createNativeQuery(tally.toString()).setParameter(1, pollId)
                .setParameter(2, (short) ThreadLocalRandom.current().nextInt(TALLY_SLOTS));
        for (int i = 0; i < ordered.size(); i++) {
            int p = 3 + i * 2;
            upsert.setParameter(p, ordered.get(i).optionId()).setParameter(p + 1, (long) ordered.get(i).points());
        }
        upsert.executeUpdate();
    }

    /** The hour a ballot with this receipt was cast, if it is counted in this poll. */
    public Optional<Instant> ballotHour(UUID pollId, Receipt receipt) {
        List<?> rows = em.createNativeQuery("SELECT cast_hour FROM ballot WHERE poll_id = ?1 AND receipt = ?2")
                .setParameter(1, pollId).setParameter(2, receipt.code()).getResultList();
        return rows.stream().findFirst().map(BallotLedger::toInstant);
    }

    /** The live tally, summed over slots. */
    public Map<Long, TallyCount> liveTally(UUID pollId) {
        return counts(em.createNativeQuery("SELECT option_id, CAST(sum(votes) AS bigint), CAST(sum(points) AS bigint)"
                + " FROM tally_slot WHERE poll_id = ?1 GROUP BY option_id").setParameter(1, pollId).getResultList());
    }

    /** The tally recomputed from the ballots themselves. */
    public Map<Long, TallyCount> recount(UUID pollId) {
        Map<Long, TallyCount> counts = counts(em.createNativeQuery(
                "SELECT c.option_id, count(*), CAST(sum(c.points) AS bigint) FROM ballot_choice c"
                        + " JOIN ballot b ON b.id = c.ballot_id WHERE b.poll_id = ?1 GROUP BY c.option_id")
                .setParameter(1, pollId).getResultList());
        long ballots = ((Number) em.createNativeQuery("SELECT count(*) FROM ballot WHERE poll_id = ?1")
                .setParameter(1, pollId).getSingleResult()).longValue();
        if (ballots > 0) {
            counts.put(TURNOUT, new TallyCount(ballots, 0));
        }
        return counts;
    }

    public void storeFinalTally(UUID pollId, Map<Long, TallyCount> counts) {
        counts.forEach((option, count) -> em.createNativeQuery(
                        "INSERT INTO final_tally (poll_id, option_id, votes, points) VALUES (?1, ?2, ?3, ?4)")
                .setParameter(1, pollId).setParameter(2, option).setParameter(3, count.votes())
                .setParameter(4, count.points()).executeUpdate());
    }

    public Map<Long, TallyCount> finalTally(UUID pollId) {
        return counts(em.createNativeQuery("SELECT option_id, votes, points FROM final_tally WHERE poll_id = ?1")
                .setParameter(1, pollId).getResultList());
    }

    public boolean isListed(UUID pollId, byte[] voterKey) {
        return !em.createNativeQuery("SELECT 1 FROM poll_listed_voter WHERE poll_id = ?1 AND voter_key = ?2")
                .setParameter(1, pollId).setParameter(2, voterKey).getResultList().isEmpty();
    }

    public void replaceListedVoters(UUID pollId, Collection<byte[]> voterKeys) {
        em.createNativeQuery("DELETE FROM poll_listed_voter WHERE poll_id = ?1").setParameter(1, pollId).executeUpdate();
        for (byte[] key : voterKeys) {
            em.createNativeQuery("INSERT INTO poll_listed_voter (poll_id, voter_key) VALUES (?1, ?2) ON CONFLICT DO NOTHING")
                    .setParameter(1, pollId).setParameter(2, key).executeUpdate();
        }
    }

    private static Map<Long, TallyCount> counts(List<?> rows) {
        Map<Long, TallyCount> counts = new LinkedHashMap<>();
        for (Object row : rows) {
            Object[] r = (Object[]) row;
            counts.put(((Number) r[0]).longValue(),
                    new TallyCount(((Number) r[1]).longValue(), r[2] == null ? 0 : ((Number) r[2]).longValue()));
        }
        return counts;
    }

    static Instant toInstant(Object value) {
        if (value instanceof Instant i) {
            return i;
        }
        if (value instanceof OffsetDateTime o) {
            return o.toInstant();
        }
        if (value instanceof Timestamp t) {
            return t.toInstant();
        }
        throw new IllegalStateException("unexpected timestamp type " + value.getClass());
    }
}
