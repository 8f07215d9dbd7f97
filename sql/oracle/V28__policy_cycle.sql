-- mVoting V28 for Oracle: the policy cycle (see postgresql/V28__policy_cycle.sql), append-only like V22's tables.
CREATE TABLE policy_step (
    id          RAW(16)            PRIMARY KEY,
    poll_id     RAW(16)            NOT NULL REFERENCES poll (id),
    stage       VARCHAR2(16 CHAR)  NOT NULL,
    occurred_on DATE               NOT NULL,
    summary     VARCHAR2(500 CHAR) NOT NULL,
    replaces_id RAW(16)            REFERENCES policy_step (id),
    recorded_by VARCHAR2(100 CHAR) NOT NULL,
    recorded_at TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT policy_step_stage CHECK (stage IN ('AGENDA', 'DECISION', 'EXECUTION', 'EVALUATION')),
    CONSTRAINT policy_step_replaced_once UNIQUE (replaces_id)
);
CREATE INDEX policy_step_poll ON policy_step (poll_id, recorded_at);

CREATE TABLE policy_document (
    step_id     RAW(16)            PRIMARY KEY REFERENCES policy_step (id),
    file_name   VARCHAR2(200 CHAR) NOT NULL,
    byte_size   NUMBER(10)         NOT NULL,
    sha256      RAW(32)            NOT NULL,
    content     BLOB               NOT NULL,
    attached_by VARCHAR2(100 CHAR) NOT NULL,
    attached_at TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE TABLE policy_decision_notice (
    poll_id     RAW(16)    PRIMARY KEY REFERENCES poll (id),
    step_id     RAW(16)    NOT NULL REFERENCES policy_step (id),
    pushes      NUMBER(10) NOT NULL,
    texts       NUMBER(10) NOT NULL,
    notified_at TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE OR REPLACE TRIGGER policy_step_append_only
BEFORE UPDATE OR DELETE ON policy_step
BEGIN
    IF SYS_CONTEXT('USERENV', 'SESSION_USER') <> $$PLSQL_UNIT_OWNER THEN
        RAISE_APPLICATION_ERROR(-20022, 'mVoting: rows of policy_step are written once (only the schema owner may change them)');
    END IF;
END;
/

CREATE OR REPLACE TRIGGER policy_document_append_only
BEFORE UPDATE OR DELETE ON policy_document
BEGIN
    IF SYS_CONTEXT('USERENV', 'SESSION_USER') <> $$PLSQL_UNIT_OWNER THEN
        RAISE_APPLICATION_ERROR(-20022, 'mVoting: rows of policy_document are written once (only the schema owner may change them)');
    END IF;
END;
/

CREATE OR REPLACE TRIGGER policy_decision_notice_append_only
BEFORE UPDATE OR DELETE ON policy_decision_notice
BEGIN
    IF SYS_CONTEXT('USERENV', 'SESSION_USER') <> $$PLSQL_UNIT_OWNER THEN
        RAISE_APPLICATION_ERROR(-20022, 'mVoting: rows of policy_decision_notice are written once (only the schema owner may change them)');
    END IF;
END;
/
