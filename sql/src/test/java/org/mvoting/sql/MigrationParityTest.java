package org.mvoting.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mvoting.sql.DdlParser.Dialect;
import org.mvoting.sql.Migrations.Migration;

/**
 * The Oracle migrations stay in step with the PostgreSQL ones. No Oracle server runs here, so both folders are
 * parsed ({@link DdlParser}), applied in version order and the resulting schemas compared: tables, columns (type
 * family, length, nullability, default, identity, reference), primary keys, unique constraints, checks, comments
 * and indexes. The differences that are there by design are listed below with their reason; any other
 * difference fails, and so does a listed one that is no longer there.
 */
class MigrationParityTest {

    /** Differences by design (the exact line {@link SchemaDiff} reports → why). */
    static final Map<String, String> BY_DESIGN = new LinkedHashMap<>();

    static {
        BY_DESIGN.put("index staff_member_unit: postgresql ON staff_member (unit_code) WHERE ACTIVE"
                + " <> oracle ON staff_member (unit_code, active)",
                "Oracle has no partial indexes; the index on (unit_code, active) serves the same lookups");
        BY_DESIGN.put("index staff_poll_notice_waiting: postgresql ON staff_poll_notice (poll_id) WHERE ENQUEUED_AT IS NULL"
                + " <> oracle ON staff_poll_notice (poll_id, enqueued_at)",
                "Oracle has no partial indexes; the index on (poll_id, enqueued_at) finds the notices not yet enqueued");
    }

    /** PostgreSQL-only physical options, set aside by the parser, each with why Oracle needs no counterpart. */
    static final Map<String, String> POSTGRESQL_ONLY = new LinkedHashMap<>();

    static {
        POSTGRESQL_ONLY.put("postgresql/V2__ballot_mixing.sql: ALTER TABLE ballot_inbox SET"
                + " ( AUTOVACUUM_VACUUM_SCALE_FACTOR = 0.0 , AUTOVACUUM_VACUUM_THRESHOLD = 100 )",
                "Oracle keeps old row versions in undo, not in the table: there is no vacuum to tune");
        POSTGRESQL_ONLY.put("postgresql/V3__staff_directory.sql: index org_unit_path operator class"
                + " varchar_pattern_ops on path",
                "Oracle's B-tree serves LIKE 'prefix%' with binary comparison (NLS_COMP = BINARY, the default)"
                + " without an operator class");
    }

    private final Migrations postgresql = Migrations.of(Dialect.POSTGRESQL);
    private final Migrations oracle = Migrations.of(Dialect.ORACLE);

    @Test
    void bothFoldersHaveTheSameVersions() {
        assertTrue(postgresql.migrations.size() > 0, "no PostgreSQL migrations found");
        assertEquals(names(postgresql), names(oracle), "postgresql/ and oracle/ must hold the same V{n}__{name}.sql");
    }

    @Test
    void theFinalSchemasAreTheSame() {
        List<String> problems = new ArrayList<>();
        Schema pg = last(postgresql.schemas(problems));
        Schema ora = last(oracle.schemas(problems));
        assertParity(SchemaDiff.differences(pg, ora), "after the last migration");
    }

    /** Each migration is the same step in both folders (a column added in V3 here and V5 there fails). */
    @Test
    void everyVersionLeavesTheSameSchema() {
        List<String> problems = new ArrayList<>();
        List<Schema> pg = postgresql.schemas(problems);
        List<Schema> ora = oracle.schemas(problems);
        List<String> unexpected = new ArrayList<>();
        List<String> before = List.of();
        for (int i = 0; i < Math.min(pg.size(), ora.size()); i++) {
            List<String> now = SchemaDiff.differences(pg.get(i), ora.get(i));
            for (String d : now) {
                if (!BY_DESIGN.containsKey(d) && !before.contains(d)) {
                    unexpected.add("V" + postgresql.migrations.get(i).version() + ": " + d);
                }
            }
            before = now;
        }
        assertTrue(unexpected.isEmpty(), unexpected.size() + " difference(s), each at the version it first appears:\n  "
                + String.join("\n  ", unexpected));
    }

    @Test
    void theOracleMigrationsAreValidOracle() {
        List<String> problems = new ArrayList<>();
        oracle.schemas(problems);
        assertTrue(problems.isEmpty(), problems.size() + " Oracle problem(s):\n  " + String.join("\n  ", problems));
    }

    /**
     * Names Oracle reserves are quoted there, in lower case, so they are the very names PostgreSQL folds to. The
     * application must then quote them too: Hibernate writes unquoted names as they are mapped, and an unquoted
     * reserved word is a syntax error in Oracle. Each one listed here needs its entity (or native SQL) to write it
     * quoted, e.g. {@code @Column(name = "\"trigger\"")}, which PostgreSQL reads as the same column.
     */
    @Test
    void theQuotedOracleNamesAreTheKnownOnes() {
        Schema ora = last(oracle.schemas(new ArrayList<>()));
        List<String> quoted = new ArrayList<>();
        ora.tables.values().forEach(t -> t.columns.values().stream().filter(c -> c.quoted)
                .forEach(c -> quoted.add(t.name + "." + c.name)));
        assertEquals(List.of("directory_sync_run.trigger"), quoted);
    }

    @Test
    void thePostgresqlOnlyOptionsAreTheKnownOnes() {
        Schema pg = last(postgresql.schemas(new ArrayList<>()));
        assertEquals(List.copyOf(POSTGRESQL_ONLY.keySet()), pg.setAside,
                "a PostgreSQL-only option appeared or went: decide its Oracle counterpart, then list it here");
    }

    private static void assertParity(List<String> differences, String when) {
        List<String> unexpected = new ArrayList<>();
        for (String d : differences) {
            if (!BY_DESIGN.containsKey(d)) {
                unexpected.add(d);
            }
        }
        List<String> stale = new ArrayList<>();
        for (String d : BY_DESIGN.keySet()) {
            if (!differences.contains(d)) {
                stale.add(d);
            }
        }
        StringBuilder message = new StringBuilder();
        if (!unexpected.isEmpty()) {
            message.append(unexpected.size()).append(" difference(s) between postgresql/ and oracle/ ").append(when)
                    .append(":\n  ").append(String.join("\n  ", unexpected)).append('\n');
        }
        if (!stale.isEmpty()) {
            message.append(stale.size()).append(" listed difference(s) no longer there (remove from BY_DESIGN):\n  ")
                    .append(String.join("\n  ", stale)).append('\n');
        }
        assertTrue(message.length() == 0, message.toString());
    }

    private static List<String> names(Migrations m) {
        return m.migrations.stream().map(Migration::fileName).toList();
    }

    private static Schema last(List<Schema> schemas) {
        return schemas.get(schemas.size() - 1);
    }
}
