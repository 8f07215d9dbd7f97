-- mVoting V1 for Oracle (19c+): the same tables as postgresql/V1__ballot_engine.sql.
-- Every file here is the Oracle twin of the PostgreSQL file with the same version. No Oracle server runs on the
-- build machines: MigrationParityTest (sql module) parses both folders and fails on any difference in tables,
-- columns, types, keys, checks and indexes that it does not list as by design.
-- Types: UUID -> RAW(16), bytea -> RAW(n) (BLOB when unindexed and unbounded), boolean -> NUMBER(1),
-- smallint/integer/bigint -> NUMBER(5)/NUMBER(10)/NUMBER(19), varchar(n) -> VARCHAR2(n CHAR) (CHAR: n characters,
-- not n bytes), text and varchar over 4000 -> CLOB, timestamptz -> TIMESTAMP WITH TIME ZONE.
-- The application's native SQL (ON CONFLICT upserts, advisory locks, ...) is PostgreSQL-only and needs an Oracle
-- variant (MERGE, DBMS_LOCK) before the application itself can run on Oracle.

CREATE TABLE department (
    id      NUMBER(19) GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    code    VARCHAR2(32 CHAR)  NOT NULL UNIQUE,
    name    VARCHAR2(200 CHAR) NOT NULL
);

CREATE TABLE poll (
    id                  RAW(16) PRIMARY KEY,
    kind                VARCHAR2(24 CHAR)   NOT NULL,
    owner_department_id NUMBER(19)          REFERENCES department (id),
    owner_citizen_id    RAW(16),
    title               VARCHAR2(200 CHAR)  NOT NULL,
    description         VARCHAR2(4000 CHAR),
    opens_at            TIMESTAMP WITH TIME ZONE NOT NULL,
    closes_at           TIMESTAMP WITH TIME ZONE NOT NULL,
    status              VARCHAR2(24 CHAR)   NOT NULL,
    audience_type       VARCHAR2(24 CHAR)   NOT NULL,
    min_assurance       VARCHAR2(24 CHAR)   NOT NULL,
    results_visibility  VARCHAR2(24 CHAR)   NOT NULL,
    created_by          VARCHAR2(100 CHAR)  NOT NULL,
    created_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    published_at        TIMESTAMP WITH TIME ZONE,
    closed_at           TIMESTAMP WITH TIME ZONE,
    final_ballots       NUMBER(19),
    tally_verified      NUMBER(1),
    version             NUMBER(19) DEFAULT 0 NOT NULL,
    CONSTRAINT poll_schedule_ordered CHECK (closes_at > opens_at),
    CONSTRAINT poll_has_owner CHECK (owner_department_id IS NOT NULL OR owner_citizen_id IS NOT NULL)
);
CREATE INDEX poll_status_closes ON poll (status, closes_at);

CREATE TABLE question (
    id              NUMBER(19) GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    poll_id         RAW(16)             NOT NULL REFERENCES poll (id),
    position        NUMBER(5)           NOT NULL,
    type            VARCHAR2(24 CHAR)   NOT NULL,
    text            VARCHAR2(1000 CHAR) NOT NULL,
    min_selections  NUMBER(5)           NOT NULL,
    max_selections  NUMBER(5)           NOT NULL,
    CONSTRAINT question_position_unique UNIQUE (poll_id, position),
    CONSTRAINT question_at_most_five CHECK (position BETWEEN 1 AND 5),
    CONSTRAINT question_selection_range CHECK (min_selections >= 0 AND max_selections >= min_selections)
);

CREATE TABLE answer_option (
    id          NUMBER(19) GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    question_id NUMBER(19)         NOT NULL REFERENCES question (id),
    position    NUMBER(5)          NOT NULL,
    label       VARCHAR2(300 CHAR) NOT NULL,
    CONSTRAINT answer_option_position_unique UNIQUE (question_id, position)
);

CREATE TABLE poll_listed_voter (
    poll_id   RAW(16) NOT NULL REFERENCES poll (id),
    voter_key RAW(32) NOT NULL,
    PRIMARY KEY (poll_id, voter_key)
);

CREATE TABLE participation (
    poll_id        RAW(16)           NOT NULL,
    voter_key      RAW(32)           NOT NULL,
    channel        VARCHAR2(16 CHAR) NOT NULL,
    voted_on       DATE              NOT NULL,
    sealed_receipt RAW(256)          NOT NULL,
    PRIMARY KEY (poll_id, voter_key)
);

CREATE TABLE ballot (
    id        RAW(16)           PRIMARY KEY,
    poll_id   RAW(16)           NOT NULL,
    receipt   VARCHAR2(32 CHAR) NOT NULL UNIQUE,
    cast_hour TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX ballot_poll ON ballot (poll_id);

CREATE TABLE ballot_choice (
    ballot_id       RAW(16)    NOT NULL REFERENCES ballot (id),
    option_id       NUMBER(19) NOT NULL,
    preference_rank NUMBER(5),
    points          NUMBER(10) NOT NULL,
    PRIMARY KEY (ballot_id, option_id)
);

CREATE TABLE tally_slot (
    poll_id   RAW(16)    NOT NULL,
    option_id NUMBER(19) NOT NULL,
    slot      NUMBER(5)  NOT NULL,
    votes     NUMBER(19) NOT NULL,
    points    NUMBER(19) NOT NULL,
    PRIMARY KEY (poll_id, option_id, slot)
);

CREATE TABLE final_tally (
    poll_id   RAW(16)    NOT NULL REFERENCES poll (id),
    option_id NUMBER(19) NOT NULL,
    votes     NUMBER(19) NOT NULL,
    points    NUMBER(19) NOT NULL,
    PRIMARY KEY (poll_id, option_id)
);

CREATE TABLE citizen (
    id              RAW(16) PRIMARY KEY,
    phone_key       RAW(32) NOT NULL UNIQUE,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    last_sign_in_at TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE TABLE otp_challenge (
    id          RAW(16)   PRIMARY KEY,
    phone_key   RAW(32)   NOT NULL,
    code_hash   RAW(32)   NOT NULL,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    attempts    NUMBER(5) NOT NULL,
    consumed_at TIMESTAMP WITH TIME ZONE
);
CREATE INDEX otp_challenge_phone_created ON otp_challenge (phone_key, created_at);

CREATE TABLE outbox_message (
    id         RAW(16)             PRIMARY KEY,
    channel    VARCHAR2(16 CHAR)   NOT NULL,
    recipient  VARCHAR2(64 CHAR)   NOT NULL,
    body       VARCHAR2(2000 CHAR) NOT NULL,
    status     VARCHAR2(16 CHAR)   NOT NULL,
    attempts   NUMBER(10)          NOT NULL,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL,
    sent_at    TIMESTAMP WITH TIME ZONE,
    last_error VARCHAR2(1000 CHAR)
);
CREATE INDEX outbox_message_status ON outbox_message (status, created_at);

CREATE TABLE local_sms_message (
    id         NUMBER(19) GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    outbox_id  RAW(16)             NOT NULL UNIQUE,
    recipient  VARCHAR2(64 CHAR)   NOT NULL,
    body       VARCHAR2(2000 CHAR) NOT NULL,
    stored_at  TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX local_sms_message_recipient ON local_sms_message (recipient, stored_at);

CREATE TABLE audit_event (
    id          NUMBER(19) GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    occurred_at TIMESTAMP WITH TIME ZONE NOT NULL,
    actor       VARCHAR2(100 CHAR)  NOT NULL,
    action      VARCHAR2(64 CHAR)   NOT NULL,
    target      VARCHAR2(100 CHAR),
    detail      VARCHAR2(2000 CHAR),
    source      VARCHAR2(100 CHAR)
);
CREATE INDEX audit_event_occurred ON audit_event (occurred_at);
