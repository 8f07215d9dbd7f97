package org.mvoting.infrastructure.persistence;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;

/**
 * The one row of server_secret: the fingerprint of the secret the database was first started with (never the
 * secret). Plain JDBC on a connection in auto-commit, portable to PostgreSQL and Oracle, because it runs at deploy
 * before any transaction and must survive a refused insert: when two nodes start on an empty database at once,
 * one insert wins and the other node reads the winner's fingerprint.
 */
public final class SecretFingerprints {

    private SecretFingerprints() {
    }

    /** The stored fingerprint; stores {@code ours} first if the database has none yet (the first start). */
    public static String storedOrFirst(Connection connection, String ours) throws SQLException {
        Optional<String> stored = stored(connection);
        if (stored.isPresent()) {
            return stored.get();
        }
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO server_secret (id, fingerprint, created_at) VALUES (1, ?, ?)")) {
            insert.setString(1, ours);
            insert.setTimestamp(2, Timestamp.from(Instant.now()));
            insert.executeUpdate();
            return ours;
        } catch (SQLException e) {
            if (e.getSQLState() == null || !e.getSQLState().startsWith("23")) {
                throw e;
            }
            // another node stored its fingerprint between our read and our insert: that one is the cluster's
            return stored(connection).orElseThrow(() -> e);
        }
    }

    private static Optional<String> stored(Connection connection) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT fingerprint FROM server_secret WHERE id = 1");
                ResultSet row = select.executeQuery()) {
            return row.next() ? Optional.of(row.getString(1)) : Optional.empty();
        }
    }
}
