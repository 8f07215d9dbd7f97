package org.mvoting.infrastructure.persistence;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.TreeMap;
import javax.sql.DataSource;

/**
 * The figures monitoring reads from the database at each scrape: the sealed ballot inbox (depth and the age of its
 * oldest ballot, i.e. how far the mixer is behind) and the outbox per channel. Plain JDBC outside any transaction,
 * each query limited to {@link #QUERY_TIMEOUT_SECONDS}, so a scrape during an outage fails fast and marks nothing
 * for rollback. Ages are measured on the database's clock, the one that stamped the rows.
 */
@ApplicationScoped
public class OperationsLedger {

    static final int QUERY_TIMEOUT_SECONDS = 2;

    @Resource(lookup = "java:jboss/datasources/MVotingDS")
    private DataSource dataSource;

    /**
     * The sealed ballots waiting to be mixed.
     *
     * @param depth  how many
     * @param oldest the age of the oldest (zero when none waits)
     */
    public record Inbox(long depth, Duration oldest) {
    }

    /**
     * The outbox of one channel.
     *
     * @param pending   messages not delivered yet
     * @param failedDay messages that failed for good, written in the last 24 hours
     */
    public record Outbox(long pending, long failedDay) {
    }

    public Inbox inbox() throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("SELECT count(*), min(queued_at), CURRENT_TIMESTAMP FROM ballot_inbox")) {
            s.setQueryTimeout(QUERY_TIMEOUT_SECONDS);
            try (ResultSet r = s.executeQuery()) {
                r.next();
                long depth = r.getLong(1);
                OffsetDateTime oldest = r.getObject(2, OffsetDateTime.class);
                OffsetDateTime now = r.getObject(3, OffsetDateTime.class);
                Duration age = oldest == null ? Duration.ZERO : Duration.between(oldest, now);
                return new Inbox(depth, age.isNegative() ? Duration.ZERO : age);
            }
        }
    }

    /** channel (SMS, PUSH) → its outbox; channels without messages are absent. */
    public Map<String, Outbox> outbox() throws SQLException {
        Map<String, long[]> counts = new TreeMap<>();
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("SELECT channel, status, count(*) FROM outbox_message"
                     + " WHERE status = 'PENDING' OR (status = 'FAILED' AND created_at > ?)"
                     + " GROUP BY channel, status")) {
            s.setQueryTimeout(QUERY_TIMEOUT_SECONDS);
            s.setObject(1, OffsetDateTime.now(java.time.ZoneOffset.UTC).minusDays(1));
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    long[] pair = counts.computeIfAbsent(r.getString(1), k -> new long[2]);
                    pair["PENDING".equals(r.getString(2)) ? 0 : 1] = r.getLong(3);
                }
            }
        }
        Map<String, Outbox> outbox = new TreeMap<>();
        counts.forEach((channel, pair) -> outbox.put(channel, new Outbox(pair[0], pair[1])));
        return outbox;
    }
}
