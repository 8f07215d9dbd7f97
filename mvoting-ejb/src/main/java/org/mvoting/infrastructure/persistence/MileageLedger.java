package org.mvoting.infrastructure.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;
import java.sql.Date;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.mvoting.api.mileage.MileageKind;
import org.mvoting.domain.mileage.LedgerEntry;

/**
 * The mileage ledger (mileage_entry, append-only), in native SQL for INSERT ... ON CONFLICT DO NOTHING: the table's
 * unique (citizen_id, poll_id, kind) refuses a second award or a second reversal without aborting the transaction, so
 * concurrent casts and retried removals write each row once. Rows are only ever added.
 */
@ApplicationScoped
public class MileageLedger {

    /** Rows per multi-row INSERT of reversals (7 parameters a row, well under PostgreSQL's 65535). */
    static final int ROWS_PER_STATEMENT = 1000;

    private static final String COLUMNS = "SELECT e.id, e.citizen_id, e.poll_id, e.kind, e.amount_won, e.entry_day,"
            + " e.reverses, p.title FROM mileage_entry e LEFT JOIN poll p ON p.id = e.poll_id";

    @PersistenceContext(unitName = "mvoting")
    private EntityManager em;

    /** A ledger row with its poll's title, for the pages. */
    public record Row(LedgerEntry entry, String pollTitle) {
    }

    /** Writes the award; false when this citizen already has one for this poll (the database said no). */
    public boolean award(LedgerEntry award) {
        if (award.kind() != MileageKind.AWARD) {
            throw new IllegalArgumentException("not an award: " + award.kind());
        }
        return em.createNativeQuery("INSERT INTO mileage_entry (id, citizen_id, poll_id, kind, amount_won, entry_day)"
                        + " VALUES (?1, ?2, ?3, 'AWARD', ?4, ?5) ON CONFLICT DO NOTHING")
                .setParameter(1, award.id()).setParameter(2, award.citizenId()).setParameter(3, award.pollId())
                .setParameter(4, award.amountWon()).setParameter(5, award.day()).executeUpdate() == 1;
    }

    /** The awards of a poll that no reversal cancels yet. */
    public List<LedgerEntry> unreversedAwards(UUID pollId) {
        return entries(em.createNativeQuery(COLUMNS + " WHERE e.poll_id = ?1 AND e.kind = 'AWARD'"
                + " AND NOT EXISTS (SELECT 1 FROM mileage_entry r WHERE r.reverses = e.id) ORDER BY e.entry_day, e.id")
                .setParameter(1, pollId)).stream().map(Row::entry).toList();
    }

    /** Writes reversals, skipping any whose award already has one; returns how many were written. */
    public int reverse(List<LedgerEntry> reversals) {
        int written = 0;
        for (int from = 0; from < reversals.size(); from += ROWS_PER_STATEMENT) {
            written += insert(reversals.subList(from, Math.min(reversals.size(), from + ROWS_PER_STATEMENT)));
        }
        return written;
    }

    /** Reversals only: every row names its award, so no parameter is ever null. */
    private int insert(List<LedgerEntry> rows) {
        StringBuilder sql = new StringBuilder("INSERT INTO mileage_entry"
                + " (id, citizen_id, poll_id, kind, amount_won, entry_day, reverses) VALUES ");
        for (int i = 0; i < rows.size(); i++) {
            int p = 1 + i * 7;
            sql.append(i == 0 ? "" : ", ").append("(?").append(p);
            for (int c = 1; c < 7; c++) {
                sql.append(", ?").append(p + c);
            }
            sql.append(')');
        }
        sql.append(" ON CONFLICT DO NOTHING");
        Query insert = em.createNativeQuery(sql.toString());
        for (int i = 0; i < rows.size(); i++) {
            int p = 1 + i * 7;
            LedgerEntry e = rows.get(i);
            insert.setParameter(p, e.id()).setParameter(p + 1, e.citizenId()).setParameter(p + 2, e.pollId())
                    .setParameter(p + 3, e.kind().name()).setParameter(p + 4, e.amountWon())
                    .setParameter(p + 5, e.day()).setParameter(p + 6, e.reverses());
        }
        return insert.executeUpdate();
    }

    /** A citizen's rows, newest first (at most {@code max}). */
    public List<Row> ofCitizen(UUID citizenId, int max) {
        return entries(em.createNativeQuery(COLUMNS + " WHERE e.citizen_id = ?1 ORDER BY e.entry_day DESC, e.kind DESC, e.id")
                .setParameter(1, citizenId).setMaxResults(max));
    }

    /** A citizen's balance over every row. */
    public long balance(UUID citizenId) {
        return ((Number) em.createNativeQuery("SELECT COALESCE(sum(amount_won), 0) FROM mileage_entry WHERE citizen_id = ?1")
                .setParameter(1, citizenId).getSingleResult()).longValue();
    }

    /** A poll's rows, oldest first. */
    public List<Row> ofPoll(UUID pollId, int max) {
        return entries(em.createNativeQuery(COLUMNS + " WHERE e.poll_id = ?1 ORDER BY e.entry_day, e.kind, e.id")
                .setParameter(1, pollId).setMaxResults(max));
    }

    /** Rows of the city days {@code from} to {@code to} (inclusive), by day, then citizen. */
    public List<Row> between(LocalDate from, LocalDate to, int max) {
        return entries(em.createNativeQuery(COLUMNS + " WHERE e.entry_day BETWEEN ?1 AND ?2"
                        + " ORDER BY e.entry_day, e.citizen_id, e.kind, e.id")
                .setParameter(1, from).setParameter(2, to).setMaxResults(max));
    }

    /** Per poll between two city days: poll id, title, the poll's mileage, awards, reversals, net won; by title. */
    public List<Object[]> perPoll(LocalDate from, LocalDate to) {
        List<?> rows = em.createNativeQuery("SELECT e.poll_id, p.title, p.mileage_won,"
                        + " count(*) FILTER (WHERE e.kind = 'AWARD'), count(*) FILTER (WHERE e.kind = 'REVERSAL'),"
                        + " COALESCE(sum(e.amount_won), 0) FROM mileage_entry e LEFT JOIN poll p ON p.id = e.poll_id"
                        + " WHERE e.entry_day BETWEEN ?1 AND ?2 GROUP BY e.poll_id, p.title, p.mileage_won ORDER BY p.title, e.poll_id")
                .setParameter(1, from).setParameter(2, to).getResultList();
        return rows.stream().map(Object[].class::cast).toList();
    }

    /** How many citizens have a row between two city days. */
    public long payeesBetween(LocalDate from, LocalDate to) {
        return ((Number) em.createNativeQuery("SELECT count(DISTINCT citizen_id) FROM mileage_entry"
                + " WHERE entry_day BETWEEN ?1 AND ?2").setParameter(1, from).setParameter(2, to).getSingleResult()).longValue();
    }

    /** Awards and their total of one poll (for the audit record at close). */
    public long[] awardsOf(UUID pollId) {
        Object[] r = (Object[]) em.createNativeQuery("SELECT count(*), COALESCE(sum(amount_won), 0) FROM mileage_entry"
                + " WHERE poll_id = ?1 AND kind = 'AWARD'").setParameter(1, pollId).getSingleResult();
        return new long[] {((Number) r[0]).longValue(), ((Number) r[1]).longValue()};
    }

    private static List<Row> entries(Query query) {
        List<?> rows = query.getResultList();
        return rows.stream().map(Object[].class::cast).map(r -> new Row(new LedgerEntry((UUID) r[0], (UUID) r[1],
                (UUID) r[2], MileageKind.valueOf((String) r[3]), ((Number) r[4]).intValue(), day(r[5]), (UUID) r[6]),
                (String) r[7])).toList();
    }

    private static LocalDate day(Object value) {
        return value instanceof Date d ? d.toLocalDate() : (LocalDate) value;
    }
}
