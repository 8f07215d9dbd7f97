-- mVoting V22 for Oracle: what is written once stays written (see postgresql/V22__append_only.sql).
-- The application's role gets SELECT and INSERT on these tables only (SchemaMigration grants it after migrating; on
-- Oracle it also needs ALTER SESSION SET CURRENT_SCHEMA to the owner, docs/oracle.md). These statement triggers are
-- the second lock: any UPDATE or DELETE by a session that is not the tables' owner is refused. TRUNCATE fires no DML
-- trigger on Oracle, but needs the owner or DROP ANY TABLE, which the application's role never holds.

CREATE OR REPLACE TRIGGER audit_event_append_only
BEFORE UPDATE OR DELETE ON audit_event
BEGIN
    IF SYS_CONTEXT('USERENV', 'SESSION_USER') <> $$PLSQL_UNIT_OWNER THEN
        RAISE_APPLICATION_ERROR(-20022, 'mVoting: rows of audit_event are written once (only the schema owner may change them)');
    END IF;
END;
/

CREATE OR REPLACE TRIGGER audit_checkpoint_append_only
BEFORE UPDATE OR DELETE ON audit_checkpoint
BEGIN
    IF SYS_CONTEXT('USERENV', 'SESSION_USER') <> $$PLSQL_UNIT_OWNER THEN
        RAISE_APPLICATION_ERROR(-20022, 'mVoting: rows of audit_checkpoint are written once (only the schema owner may change them)');
    END IF;
END;
/

CREATE OR REPLACE TRIGGER participation_append_only
BEFORE UPDATE OR DELETE ON participation
BEGIN
    IF SYS_CONTEXT('USERENV', 'SESSION_USER') <> $$PLSQL_UNIT_OWNER THEN
        RAISE_APPLICATION_ERROR(-20022, 'mVoting: rows of participation are written once (only the schema owner may change them)');
    END IF;
END;
/

CREATE OR REPLACE TRIGGER device_participation_append_only
BEFORE UPDATE OR DELETE ON device_participation
BEGIN
    IF SYS_CONTEXT('USERENV', 'SESSION_USER') <> $$PLSQL_UNIT_OWNER THEN
        RAISE_APPLICATION_ERROR(-20022, 'mVoting: rows of device_participation are written once (only the schema owner may change them)');
    END IF;
END;
/

CREATE OR REPLACE TRIGGER ballot_append_only
BEFORE UPDATE OR DELETE ON ballot
BEGIN
    IF SYS_CONTEXT('USERENV', 'SESSION_USER') <> $$PLSQL_UNIT_OWNER THEN
        RAISE_APPLICATION_ERROR(-20022, 'mVoting: rows of ballot are written once (only the schema owner may change them)');
    END IF;
END;
/

CREATE OR REPLACE TRIGGER ballot_choice_append_only
BEFORE UPDATE OR DELETE ON ballot_choice
BEGIN
    IF SYS_CONTEXT('USERENV', 'SESSION_USER') <> $$PLSQL_UNIT_OWNER THEN
        RAISE_APPLICATION_ERROR(-20022, 'mVoting: rows of ballot_choice are written once (only the schema owner may change them)');
    END IF;
END;
/

CREATE OR REPLACE TRIGGER final_tally_append_only
BEFORE UPDATE OR DELETE ON final_tally
BEGIN
    IF SYS_CONTEXT('USERENV', 'SESSION_USER') <> $$PLSQL_UNIT_OWNER THEN
        RAISE_APPLICATION_ERROR(-20022, 'mVoting: rows of final_tally are written once (only the schema owner may change them)');
    END IF;
END;
/

CREATE OR REPLACE TRIGGER ballot_quarantine_append_only
BEFORE UPDATE OR DELETE ON ballot_quarantine
BEGIN
    IF SYS_CONTEXT('USERENV', 'SESSION_USER') <> $$PLSQL_UNIT_OWNER THEN
        RAISE_APPLICATION_ERROR(-20022, 'mVoting: rows of ballot_quarantine are written once (only the schema owner may change them)');
    END IF;
END;
/
