-- mVoting V3: the government staff directory (org chart and people synced from LDAP), the approval
-- workflow, and city-to-staff audiences.
--
-- The directory stays the source of truth: these tables are a copy the sync refreshes (on a schedule and
-- on demand) so that audiences, dashboards and "who left" checks work without asking LDAP on every request.

-- City → divisions → departments → teams. `path` ('/CITY/DIV-ADMIN/DEPT-IT/') makes "this unit and all
-- below it" one indexed LIKE; units that disappear from the directory are kept (inactive) for old polls.
CREATE TABLE org_unit (
    code        VARCHAR(32)  PRIMARY KEY,
    name        VARCHAR(200) NOT NULL,
    kind        VARCHAR(16)  NOT NULL,
    parent_code VARCHAR(32),
    path        VARCHAR(600) NOT NULL,
    active      BOOLEAN      NOT NULL,
    CONSTRAINT org_unit_kind CHECK (kind IN ('CITY', 'DIVISION', 'DEPARTMENT', 'TEAM'))
);
CREATE INDEX org_unit_path ON org_unit (path varchar_pattern_ops);

-- People. staff_id is the intranet portal ID (LDAP uid). A person who leaves the directory stays here
-- with active = false: they can no longer log in or vote, and audit entries still name them.
CREATE TABLE staff_member (
    staff_id    VARCHAR(64)  PRIMARY KEY,
    name        VARCHAR(200) NOT NULL,
    title       VARCHAR(100),
    unit_code   VARCHAR(32)  REFERENCES org_unit (code),
    manager_id  VARCHAR(64),
    roles       VARCHAR(300) NOT NULL,
    active      BOOLEAN      NOT NULL,
    synced_at   TIMESTAMPTZ  NOT NULL,
    left_at     TIMESTAMPTZ
);
CREATE INDEX staff_member_unit ON staff_member (unit_code) WHERE active;

-- One row per sync, updated while it runs so the portal can show progress; the summary is what changed.
CREATE TABLE directory_sync_run (
    id             BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    trigger        VARCHAR(16)   NOT NULL,
    started_by     VARCHAR(100)  NOT NULL,
    started_at     TIMESTAMPTZ   NOT NULL,
    finished_at    TIMESTAMPTZ,
    status         VARCHAR(16)   NOT NULL,
    total          INTEGER       NOT NULL DEFAULT 0,
    processed      INTEGER       NOT NULL DEFAULT 0,
    units_added    INTEGER       NOT NULL DEFAULT 0,
    units_changed  INTEGER       NOT NULL DEFAULT 0,
    units_removed  INTEGER       NOT NULL DEFAULT 0,
    people_added   INTEGER       NOT NULL DEFAULT 0,
    people_moved   INTEGER       NOT NULL DEFAULT 0,
    people_changed INTEGER       NOT NULL DEFAULT 0,
    people_left    INTEGER       NOT NULL DEFAULT 0,
    changes        VARCHAR(8000),
    error          VARCHAR(1000)
);
CREATE INDEX directory_sync_run_started ON directory_sync_run (started_at);

-- Departments are the directory's DEPARTMENT units; the sync keeps their names in step.
ALTER TABLE department ADD COLUMN active BOOLEAN NOT NULL DEFAULT TRUE;

-- The approval workflow: who submitted, who decided, and why a poll was sent back.
ALTER TABLE poll ADD COLUMN submitted_by     VARCHAR(100);
ALTER TABLE poll ADD COLUMN submitted_at     TIMESTAMPTZ;
ALTER TABLE poll ADD COLUMN decided_by       VARCHAR(100);
ALTER TABLE poll ADD COLUMN rejection_reason VARCHAR(1000);
-- A short code for links and QR codes in the room (/p/{code}).
ALTER TABLE poll ADD COLUMN short_code       VARCHAR(16) UNIQUE;

-- A city-to-staff audience as the operator chose it: units (each with everything below it) and people.
-- At approval it is resolved once into poll_listed_voter (voter keys of the staff in it then).
CREATE TABLE poll_audience_unit (
    poll_id   UUID        NOT NULL REFERENCES poll (id),
    unit_code VARCHAR(32) NOT NULL,
    PRIMARY KEY (poll_id, unit_code)
);
CREATE TABLE poll_audience_person (
    poll_id  UUID        NOT NULL REFERENCES poll (id),
    staff_id VARCHAR(64) NOT NULL,
    PRIMARY KEY (poll_id, staff_id)
);

CREATE INDEX poll_department_status ON poll (owner_department_id, status);
CREATE INDEX audit_event_target ON audit_event (target);
