-- mVoting V3 for Oracle: the staff directory, the approval workflow and staff audiences
-- (see postgresql/V3__staff_directory.sql for why).
CREATE TABLE org_unit (
    code        VARCHAR2(32 CHAR)  PRIMARY KEY,
    name        VARCHAR2(200 CHAR) NOT NULL,
    kind        VARCHAR2(16 CHAR)  NOT NULL,
    parent_code VARCHAR2(32 CHAR),
    path        VARCHAR2(600 CHAR) NOT NULL,
    active      NUMBER(1)     NOT NULL,
    CONSTRAINT org_unit_kind CHECK (kind IN ('CITY', 'DIVISION', 'DEPARTMENT', 'TEAM'))
);
CREATE INDEX org_unit_path ON org_unit (path);

CREATE TABLE staff_member (
    staff_id    VARCHAR2(64 CHAR)  PRIMARY KEY,
    name        VARCHAR2(200 CHAR) NOT NULL,
    title       VARCHAR2(100 CHAR),
    unit_code   VARCHAR2(32 CHAR)  REFERENCES org_unit (code),
    manager_id  VARCHAR2(64 CHAR),
    roles       VARCHAR2(300 CHAR) NOT NULL,
    active      NUMBER(1)     NOT NULL,
    synced_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    left_at     TIMESTAMP WITH TIME ZONE
);
CREATE INDEX staff_member_unit ON staff_member (unit_code, active);

CREATE TABLE directory_sync_run (
    id             NUMBER(19) GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    -- TRIGGER is reserved in Oracle: quoted, and in lower case, so it is the very name PostgreSQL folds trigger to
    "trigger"      VARCHAR2(16 CHAR)   NOT NULL,
    started_by     VARCHAR2(100 CHAR)  NOT NULL,
    started_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    finished_at    TIMESTAMP WITH TIME ZONE,
    status         VARCHAR2(16 CHAR)   NOT NULL,
    total          NUMBER(10)     DEFAULT 0 NOT NULL,
    processed      NUMBER(10)     DEFAULT 0 NOT NULL,
    units_added    NUMBER(10)     DEFAULT 0 NOT NULL,
    units_changed  NUMBER(10)     DEFAULT 0 NOT NULL,
    units_removed  NUMBER(10)     DEFAULT 0 NOT NULL,
    people_added   NUMBER(10)     DEFAULT 0 NOT NULL,
    people_moved   NUMBER(10)     DEFAULT 0 NOT NULL,
    people_changed NUMBER(10)     DEFAULT 0 NOT NULL,
    people_left    NUMBER(10)     DEFAULT 0 NOT NULL,
    changes        CLOB,
    error          VARCHAR2(1000 CHAR)
);
CREATE INDEX directory_sync_run_started ON directory_sync_run (started_at);

ALTER TABLE department ADD (active NUMBER(1) DEFAULT 1 NOT NULL);

ALTER TABLE poll ADD (
    submitted_by     VARCHAR2(100 CHAR),
    submitted_at     TIMESTAMP WITH TIME ZONE,
    decided_by       VARCHAR2(100 CHAR),
    rejection_reason VARCHAR2(1000 CHAR),
    short_code       VARCHAR2(16 CHAR) UNIQUE
);

CREATE TABLE poll_audience_unit (
    poll_id   RAW(16)      NOT NULL REFERENCES poll (id),
    unit_code VARCHAR2(32 CHAR) NOT NULL,
    PRIMARY KEY (poll_id, unit_code)
);
CREATE TABLE poll_audience_person (
    poll_id  RAW(16)      NOT NULL REFERENCES poll (id),
    staff_id VARCHAR2(64 CHAR) NOT NULL,
    PRIMARY KEY (poll_id, staff_id)
);

CREATE INDEX poll_department_status ON poll (owner_department_id, status);
CREATE INDEX audit_event_target ON audit_event (target);
