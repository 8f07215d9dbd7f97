-- mVoting V29 for Oracle: census tables are never edited (see postgresql/V29__census_append_only.sql); they join the
-- append-only tables of V22.

CREATE OR REPLACE TRIGGER census_table_append_only
BEFORE UPDATE OR DELETE ON census_table
BEGIN
    IF SYS_CONTEXT('USERENV', 'SESSION_USER') <> $$PLSQL_UNIT_OWNER THEN
        RAISE_APPLICATION_ERROR(-20022, 'mVoting: rows of census_table are written once (only the schema owner may change them)');
    END IF;
END;
/

CREATE OR REPLACE TRIGGER census_cell_append_only
BEFORE UPDATE OR DELETE ON census_cell
BEGIN
    IF SYS_CONTEXT('USERENV', 'SESSION_USER') <> $$PLSQL_UNIT_OWNER THEN
        RAISE_APPLICATION_ERROR(-20022, 'mVoting: rows of census_cell are written once (only the schema owner may change them)');
    END IF;
END;
/
