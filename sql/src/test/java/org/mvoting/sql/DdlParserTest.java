package org.mvoting.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mvoting.sql.DdlParser.Dialect;

/** The parser and the comparison on small inputs: what they find, and what they refuse. */
class DdlParserTest {

    private final List<String> problems = new ArrayList<>();

    private Schema parse(Dialect dialect, String... migrations) {
        Schema schema = new Schema();
        DdlParser parser = new DdlParser(dialect, schema, problems);
        for (int i = 0; i < migrations.length; i++) {
            parser.apply(dialect.folder() + "/V" + (i + 1) + "__test.sql", migrations[i]);
        }
        return schema;
    }

    @Test
    void aRenameInOneFolderOnlyIsNamed() {
        Schema pg = parse(Dialect.POSTGRESQL,
                "CREATE TABLE run (id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY, trigger VARCHAR(16) NOT NULL);");
        Schema ora = parse(Dialect.ORACLE,
                "CREATE TABLE run (id NUMBER(19) GENERATED ALWAYS AS IDENTITY PRIMARY KEY, trigger_kind VARCHAR2(16 CHAR) NOT NULL);");
        assertEquals(List.of("column run.trigger only in postgresql (VARCHAR(16))",
                "column run.trigger_kind only in oracle (VARCHAR2(16 CHAR))"), SchemaDiff.differences(pg, ora));
    }

    @Test
    void theSameTablesInBothDialectsHaveNoDifference() {
        Schema pg = parse(Dialect.POSTGRESQL, """
                CREATE TABLE t (
                    id      UUID PRIMARY KEY,
                    n       SMALLINT NOT NULL, i INTEGER, b BIGINT, flag BOOLEAN NOT NULL DEFAULT TRUE,
                    key     BYTEA NOT NULL UNIQUE, blob BYTEA, at TIMESTAMPTZ, day DATE,
                    name    VARCHAR(200) NOT NULL, long_text VARCHAR(8000), body TEXT,
                    trigger VARCHAR(16),
                    CONSTRAINT t_n CHECK (n BETWEEN 1 AND 5)
                );
                CREATE UNIQUE INDEX t_name ON t (name, day);
                COMMENT ON TABLE t IS 'it''s t';
                """);
        Schema ora = parse(Dialect.ORACLE, """
                CREATE TABLE t (
                    id      RAW(16) PRIMARY KEY,
                    n       NUMBER(5) NOT NULL, i NUMBER(10), b NUMBER(19,0), flag NUMBER(1) DEFAULT 1 NOT NULL,
                    key     RAW(32) NOT NULL UNIQUE, blob BLOB, at TIMESTAMP WITH TIME ZONE, day DATE,
                    name    VARCHAR2(200 CHAR) NOT NULL, long_text CLOB, body CLOB,
                    "trigger" VARCHAR2(16 CHAR),
                    CONSTRAINT t_n CHECK (n BETWEEN 1 AND 5)
                );
                CREATE UNIQUE INDEX t_name ON t (name, day);
                COMMENT ON TABLE t IS 'it''s t';
                """);
        assertEquals(List.of(), SchemaDiff.differences(pg, ora));
        assertEquals(List.of(), problems);
    }

    @Test
    void typesThatDoNotHoldTheSameAreNamed() {
        Schema pg = parse(Dialect.POSTGRESQL,
                "CREATE TABLE t (a VARCHAR(100), b INTEGER, c UUID, d VARCHAR(300), e TIMESTAMPTZ, f BOOLEAN);");
        Schema ora = parse(Dialect.ORACLE,
                "CREATE TABLE t (a VARCHAR2(100), b NUMBER(5), c RAW(32), d CLOB, e TIMESTAMP, f NUMBER);");
        List<String> d = SchemaDiff.differences(pg, ora);
        assertEquals(6, d.size(), String.join("\n", d));
        assertTrue(d.get(0).contains("STRING_BYTES(100)"), "VARCHAR2 without CHAR counts bytes: " + d.get(0));
    }

    @Test
    void nullabilityDefaultsKeysChecksAndIndexesAreCompared() {
        Schema pg = parse(Dialect.POSTGRESQL, """
                CREATE TABLE p (id BIGINT PRIMARY KEY);
                CREATE TABLE t (a BIGINT NOT NULL REFERENCES p (id) ON DELETE CASCADE, b INTEGER DEFAULT 0,
                    c VARCHAR(10) CHECK (c IN ('X', 'Y')), CONSTRAINT t_ab UNIQUE (a, b));
                CREATE INDEX t_b ON t (b);
                """);
        Schema ora = parse(Dialect.ORACLE, """
                CREATE TABLE p (id NUMBER(19) PRIMARY KEY);
                CREATE TABLE t (a NUMBER(19) REFERENCES p (id), b NUMBER(10) DEFAULT 1,
                    c VARCHAR2(10 CHAR) CHECK (c IN ('X')), CONSTRAINT t_ab UNIQUE (b, a));
                CREATE INDEX t_b ON t (b, a);
                """);
        assertEquals(List.of(
                "column t.a: NOT NULL in postgresql, NULL in oracle",
                "column t.a: on delete: postgresql CASCADE <> oracle null",
                "column t.b: default: postgresql 0 <> oracle 1",
                "table t: unique t_ab(a, b) only in postgresql",
                "table t: unique t_ab(b, a) only in oracle",
                "table t: check t.c check: postgresql C IN ( 'X' , 'Y' ) <> oracle C IN ( 'X' )",
                "index t_b: postgresql ON t (b) <> oracle ON t (b, a)"), SchemaDiff.differences(pg, ora));
    }

    @Test
    void addDropAndRenameColumnAreApplied() {
        Schema pg = parse(Dialect.POSTGRESQL,
                "CREATE TABLE t (id BIGINT PRIMARY KEY, a VARCHAR(10), b INTEGER); CREATE INDEX t_a ON t (a);",
                "ALTER TABLE t ADD COLUMN c DATE; ALTER TABLE t ADD d BIGINT NOT NULL DEFAULT 0;"
                        + " ALTER TABLE t RENAME COLUMN b TO bb; ALTER TABLE t DROP COLUMN a;"
                        + " ALTER TABLE t ADD CONSTRAINT t_c CHECK (c > DATE '2000-01-01');"
                        + " ALTER TABLE t DROP CONSTRAINT t_c; CREATE TABLE x (id INTEGER); DROP TABLE x;");
        Schema ora = parse(Dialect.ORACLE,
                "CREATE TABLE t (id NUMBER(19) PRIMARY KEY, a VARCHAR2(10 CHAR), b NUMBER(10)); CREATE INDEX t_a ON t (a);",
                "ALTER TABLE t ADD (c DATE, d NUMBER(19) DEFAULT 0 NOT NULL); ALTER TABLE t RENAME COLUMN b TO bb;"
                        + " ALTER TABLE t DROP (a);");
        assertEquals(List.of("id", "bb", "c", "d"), List.copyOf(pg.tables.get("t").columns.keySet()));
        assertTrue(pg.indexes.isEmpty(), "dropping a column drops its indexes");
        assertEquals(List.of(), SchemaDiff.differences(pg, ora));
    }

    @Test
    void whatOracleWouldRefuseIsAProblemOrAnError() {
        parse(Dialect.ORACLE, """
                CREATE TABLE t (id NUMBER(19) PRIMARY KEY, trigger VARCHAR2(16 CHAR), "Size" NUMBER(10),
                    doc CLOB, big VARCHAR2(4001 CHAR));
                CREATE INDEX t_doc ON t (doc);
                CREATE INDEX t_id ON t (id);
                """);
        assertEquals(5, problems.size(), String.join("\n", problems));
        assertTrue(problems.get(0).contains("trigger is an Oracle reserved word"), problems.get(0));
        assertTrue(problems.get(1).contains("\"Size\" is not a lower-case reserved word"), problems.get(1));
        assertTrue(problems.get(2).contains("MAX_STRING_SIZE"), problems.get(2));
        assertTrue(problems.get(3).contains("refuses LOBs"), problems.get(3));
        assertTrue(problems.get(4).contains("ORA-01408"), problems.get(4));

        assertThrows(IllegalStateException.class, () -> parse(Dialect.ORACLE,
                "CREATE TABLE t (a NUMBER(10)); ALTER TABLE t ADD COLUMN b NUMBER(10);"));
        assertThrows(IllegalStateException.class, () -> parse(Dialect.ORACLE,
                "CREATE TABLE t (a NUMBER(10) NOT NULL DEFAULT 0);"));
        assertThrows(IllegalStateException.class, () -> parse(Dialect.ORACLE,
                "CREATE TABLE t (a NUMBER(10)); CREATE INDEX t_a ON t (a) WHERE a > 0;"));
        assertThrows(IllegalStateException.class, () -> parse(Dialect.ORACLE, "CREATE TABLE t (a BOOLEAN);"));
        assertThrows(IllegalStateException.class, () -> parse(Dialect.POSTGRESQL, "CREATE TABLE t (a VARCHAR2(10));"));
        assertThrows(IllegalStateException.class, () -> parse(Dialect.POSTGRESQL,
                "CREATE TABLE t (a INTEGER); ALTER TABLE t ADD (b INTEGER);"));
    }

    @Test
    void unknownStatementsAndUnknownNamesAreErrorsThatNameTheMigration() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> parse(Dialect.POSTGRESQL, "CREATE TABLE t (a INTEGER); CREATE VIEW v AS SELECT a FROM t;"));
        assertTrue(e.getMessage().startsWith("postgresql/V1__test.sql: CREATE VIEW"), e.getMessage());
        assertThrows(IllegalStateException.class, () -> parse(Dialect.POSTGRESQL, "ALTER TABLE nowhere ADD a INTEGER;"));
        assertThrows(IllegalStateException.class, () -> parse(Dialect.POSTGRESQL,
                "CREATE TABLE t (a INTEGER); CREATE INDEX t_b ON t (b);"));
    }

    @Test
    void triggersAndTheirFunctionsAreCodeNotSchemaInEitherDialect() {
        Schema pg = parse(Dialect.POSTGRESQL, """
                CREATE TABLE t (id UUID PRIMARY KEY);
                CREATE FUNCTION refuse() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN RAISE EXCEPTION 'no; never'; END
                $$;
                DO $$ BEGIN EXECUTE 'CREATE TRIGGER x BEFORE UPDATE ON t FOR EACH ROW EXECUTE FUNCTION refuse()'; END $$;
                CREATE TRIGGER y BEFORE DELETE ON t FOR EACH ROW EXECUTE FUNCTION refuse();
                COMMENT ON TABLE t IS 'after the code';
                """);
        Schema ora = parse(Dialect.ORACLE, """
                CREATE TABLE t (id RAW(16) PRIMARY KEY);
                CREATE OR REPLACE TRIGGER t_refuse
                BEFORE UPDATE OR DELETE ON t
                BEGIN
                    IF SYS_CONTEXT('USERENV', 'SESSION_USER') <> $$PLSQL_UNIT_OWNER THEN
                        RAISE_APPLICATION_ERROR(-20022, 'no; never');
                    END IF;
                END;
                /
                COMMENT ON TABLE t IS 'after the code';
                """);
        assertEquals(List.of(), SchemaDiff.differences(pg, ora));
        assertEquals("after the code", pg.table("t", "test").comment);
    }

    @Test
    void anOracleBlockWithoutItsSlashIsNotSkipped() {
        assertThrows(IllegalStateException.class, () -> parse(Dialect.ORACLE, """
                CREATE TABLE t (id RAW(16) PRIMARY KEY);
                CREATE OR REPLACE TRIGGER t_refuse BEFORE UPDATE ON t
                BEGIN
                    NULL;
                END;
                """));
    }

    @Test
    void anUnclosedDollarBodyIsRefused() {
        assertThrows(IllegalStateException.class,
                () -> parse(Dialect.POSTGRESQL, "DO $$ BEGIN NULL; END;"));
    }
}
