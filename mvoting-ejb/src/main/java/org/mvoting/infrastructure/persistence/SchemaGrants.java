package org.mvoting.infrastructure.persistence;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * What the schema owner grants the application's role on PostgreSQL, after every migration run (so tables added by
 * later migrations are covered): read and write on every table, then UPDATE, DELETE and TRUNCATE taken back on the
 * append-only tables. Those are the tables V22 put the {@code mvoting_append_only} trigger on: the trigger list is
 * the one source, read here from the catalogue. Done in Java, not in a migration, because the role's name is the
 * deployment's (MVotingDS's login), which no migration knows.
 */
final class SchemaGrants {

    static final String TRIGGER = "mvoting_append_only";

    /** What was granted; {@code weaknesses} name what still lets the application's role past the locks. */
    record Outcome(String owner, boolean sameRole, List<String> appendOnly, List<String> weaknesses) {
    }

    private SchemaGrants() {
    }

    /** Grants, as the owner on {@code owner}, the application's role its rights; one transaction. */
    static Outcome grant(Connection owner, String applicationRole) throws SQLException {
        String ownerRole = owner.getMetaData().getUserName();
        List<String> appendOnly = appendOnlyTables(owner);
        if (ownerRole.equals(applicationRole)) {
            return new Outcome(ownerRole, true, appendOnly, List.of());
        }
        boolean autoCommit = owner.getAutoCommit();
        owner.setAutoCommit(false);
        try (Statement s = owner.createStatement()) {
            String app = quoted(applicationRole);
            if (ownsCurrentSchema(owner)) {
                s.execute("GRANT USAGE ON SCHEMA " + quoted(currentSchema(owner)) + " TO " + app);
            }
            String schema = quoted(currentSchema(owner));
            s.execute("GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA " + schema + " TO " + app);
            s.execute("GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA " + schema + " TO " + app);
            s.execute("REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON flyway_schema_history FROM " + app);
            for (String table : appendOnly) {
                s.execute("REVOKE UPDATE, DELETE, TRUNCATE ON " + quoted(table) + " FROM " + app);
            }
            owner.commit();
        } catch (SQLException e) {
            owner.rollback();
            throw e;
        } finally {
            owner.setAutoCommit(autoCommit);
        }
        return new Outcome(ownerRole, false, appendOnly, weaknesses(owner, applicationRole, ownerRole));
    }

    /** The tables of the current schema that carry the append-only trigger, by name. */
    static List<String> appendOnlyTables(Connection c) throws SQLException {
        try (PreparedStatement q = c.prepareStatement("SELECT DISTINCT cl.relname FROM pg_trigger t"
                + " JOIN pg_class cl ON cl.oid = t.tgrelid WHERE t.tgname = ? AND cl.relnamespace = current_schema()::regnamespace"
                + " ORDER BY cl.relname")) {
            q.setString(1, TRIGGER);
            return strings(q);
        }
    }

    /** A superuser, or a member of the owner's role, walks past grants and the trigger alike: said at every deploy. */
    private static List<String> weaknesses(Connection c, String app, String owner) throws SQLException {
        List<String> found = new ArrayList<>();
        try (PreparedStatement q = c.prepareStatement("SELECT rolsuper, pg_has_role(rolname, ?, 'MEMBER')"
                + " FROM pg_roles WHERE rolname = ?")) {
            q.setString(1, owner);
            q.setString(2, app);
            try (ResultSet r = q.executeQuery()) {
                if (r.next() && r.getBoolean(1)) {
                    found.add("The application's role " + app + " is a superuser: no grant or trigger binds it");
                } else if (r.getBoolean(2)) {
                    found.add("The application's role " + app + " is a member of the schema owner " + owner
                            + ": it can act as the owner, past every grant and trigger");
                }
            }
        }
        return found;
    }

    private static boolean ownsCurrentSchema(Connection c) throws SQLException {
        try (PreparedStatement q = c.prepareStatement("SELECT pg_has_role(nspowner, 'USAGE') FROM pg_namespace"
                + " WHERE nspname = current_schema()")) {
            try (ResultSet r = q.executeQuery()) {
                return r.next() && r.getBoolean(1);
            }
        }
    }

    private static String currentSchema(Connection c) throws SQLException {
        try (PreparedStatement q = c.prepareStatement("SELECT current_schema()")) {
            return strings(q).get(0);
        }
    }

    private static List<String> strings(PreparedStatement q) throws SQLException {
        List<String> out = new ArrayList<>();
        try (ResultSet r = q.executeQuery()) {
            while (r.next()) {
                out.add(r.getString(1));
            }
        }
        return out;
    }

    /** A role or table name as a quoted identifier, whatever it holds. */
    static String quoted(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }
}
