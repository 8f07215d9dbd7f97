-- mVoting V1: polls, the ballot engine, citizen sign-in, the outbox and the audit trail (PostgreSQL).
--
-- Ballot secrecy is a property of this schema: `participation` says WHO took part, `ballot` and
-- `ballot_choice` say WHAT was chosen, and no column, key or sequence joins the two. The tests assert it.

CREATE TABLE department (
    id      BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    code    VARCHAR(32)  NOT NULL UNIQUE,
    name    VARCHAR(200) NOT NULL
);

CREATE TABLE poll (
    id                  UUID PRIMARY KEY,
    kind                VARCHAR(24)   NOT NULL,
    owner_department_id BIGINT        REFERENCES department (id),
    owner_citizen_id    UUID,
    title               VARCHAR(200)  NOT NULL,
    description         VARCHAR(4000),
    opens_at            TIMESTAMPTZ   NOT NULL,
    closes_at           TIMESTAMPTZ   NOT NULL,
    status              VARCHAR(24)   NOT NULL,
    audience_type       VARCHAR(24)   NOT NULL,
    min_assurance       VARCHAR(24)   NOT NULL,
    results_visibility  VARCHAR(24)   NOT NULL,
    created_by          VARCHAR(100)  NOT NULL,
    created_at          TIMESTAMPTZ   NOT NULL,
    published_at        TIMESTAMPTZ,
    closed_at           TIMESTAMPTZ,
    final_ballots       BIGINT,
    tally_verified      BOOLEAN,
    version             BIGINT        NOT NULL DEFAULT 0,
    CONSTRAINT poll_schedule_ordered CHECK (closes_at > opens_at),
    CONSTRAINT poll_has_owner CHECK (owner_department_id IS NOT NULL OR owner_citizen_id IS NOT NULL)
);
CREATE INDEX poll_status_closes ON poll (status, closes_at);

CREATE TABLE question (
    id              BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    poll_id         UUID          NOT NULL REFERENCES poll (id),
    position        SMALLINT      NOT NULL,
    type            VARCHAR(24)   NOT NULL,
    text            VARCHAR(1000) NOT NULL,
    min_selections  SMALLINT      NOT NULL,
    max_selections  SMALLINT      NOT NULL,
    CONSTRAINT question_position_unique UNIQUE (poll_id, position),
    -- the aggregate refuses a 6th question; the database holds the same line
    CONSTRAINT question_at_most_five CHECK (position BETWEEN 1 AND 5),
    CONSTRAINT question_selection_range CHECK (min_selections >= 0 AND max_selections >= min_selections)
);

CREATE TABLE answer_option (
    id          BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    question_id BIGINT       NOT NULL REFERENCES question (id),
    position    SMALLINT     NOT NULL,
    label       VARCHAR(300) NOT NULL,
    CONSTRAINT answer_option_position_unique UNIQUE (question_id, position)
);

-- LISTED audience: only these voter keys may vote (keys, not phone numbers, are kept here).
CREATE TABLE poll_listed_voter (
    poll_id   UUID  NOT NULL REFERENCES poll (id),
    voter_key BYTEA NOT NULL,
    PRIMARY KEY (poll_id, voter_key)
);

-- WHO took part. The primary key is the one-person-one-vote rule: the database refuses a second row.
-- No foreign key to poll: a foreign key would take a share lock on the poll row for every vote and make
-- it the hot row the vote path must not have; the service checks the poll under an advisory lock.
-- sealed_receipt is the voter's receipt encrypted under a key derived from the client's idempotency key,
-- which is never stored: only the voter's own retry can open it.
CREATE TABLE participation (
    poll_id        UUID        NOT NULL,
    voter_key      BYTEA       NOT NULL,
    channel        VARCHAR(16) NOT NULL,
    voted_on       DATE        NOT NULL,
    sealed_receipt BYTEA       NOT NULL,
    PRIMARY KEY (poll_id, voter_key)
);

-- WHAT was chosen: a random id, a random receipt, the hour only. No voter key, no sequence.
CREATE TABLE ballot (
    id        UUID        PRIMARY KEY,
    poll_id   UUID        NOT NULL,
    receipt   VARCHAR(32) NOT NULL UNIQUE,
    cast_hour TIMESTAMPTZ NOT NULL
);
CREATE INDEX ballot_poll ON ballot (poll_id);

CREATE TABLE ballot_choice (
    ballot_id       UUID     NOT NULL REFERENCES ballot (id),
    option_id       BIGINT   NOT NULL,
    preference_rank SMALLINT,
    points          INTEGER  NOT NULL,
    PRIMARY KEY (ballot_id, option_id)
);

-- Live tally spread over slots so that concurrent voters rarely touch the same row.
-- option_id 0 counts ballots (turnout); real option ids start at 1.
CREATE TABLE tally_slot (
    poll_id   UUID     NOT NULL,
    option_id BIGINT   NOT NULL,
    slot      SMALLINT NOT NULL,
    votes     BIGINT   NOT NULL,
    points    BIGINT   NOT NULL,
    PRIMARY KEY (poll_id, option_id, slot)
);

-- Final result, recomputed from ballots when the poll closes.
CREATE TABLE final_tally (
    poll_id   UUID   NOT NULL REFERENCES poll (id),
    option_id BIGINT NOT NULL,
    votes     BIGINT NOT NULL,
    points    BIGINT NOT NULL,
    PRIMARY KEY (poll_id, option_id)
);

CREATE TABLE citizen (
    id              UUID        PRIMARY KEY,
    phone_key       BYTEA       NOT NULL UNIQUE,
    created_at      TIMESTAMPTZ NOT NULL,
    last_sign_in_at TIMESTAMPTZ NOT NULL
);

CREATE TABLE otp_challenge (
    id          UUID        PRIMARY KEY,
    phone_key   BYTEA       NOT NULL,
    code_hash   BYTEA       NOT NULL,
    created_at  TIMESTAMPTZ NOT NULL,
    expires_at  TIMESTAMPTZ NOT NULL,
    attempts    SMALLINT    NOT NULL,
    consumed_at TIMESTAMPTZ
);
CREATE INDEX otp_challenge_phone_created ON otp_challenge (phone_key, created_at);

-- Outbox: written in the business transaction, relayed through JMS to the SMS/push adapters.
CREATE TABLE outbox_message (
    id         UUID          PRIMARY KEY,
    channel    VARCHAR(16)   NOT NULL,
    recipient  VARCHAR(64)   NOT NULL,
    body       VARCHAR(2000) NOT NULL,
    status     VARCHAR(16)   NOT NULL,
    attempts   INTEGER       NOT NULL,
    created_at TIMESTAMPTZ   NOT NULL,
    sent_at    TIMESTAMPTZ,
    last_error VARCHAR(1000)
);
CREATE INDEX outbox_message_status ON outbox_message (status, created_at);

-- What the local SMS adapter "sent": kept for tests and the demo to read.
CREATE TABLE local_sms_message (
    id         BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    outbox_id  UUID          NOT NULL UNIQUE,
    recipient  VARCHAR(64)   NOT NULL,
    body       VARCHAR(2000) NOT NULL,
    stored_at  TIMESTAMPTZ   NOT NULL
);
CREATE INDEX local_sms_message_recipient ON local_sms_message (recipient, stored_at);

-- Every administrative action: who, what, when, from where.
CREATE TABLE audit_event (
    id          BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    occurred_at TIMESTAMPTZ   NOT NULL,
    actor       VARCHAR(100)  NOT NULL,
    action      VARCHAR(64)   NOT NULL,
    target      VARCHAR(100),
    detail      VARCHAR(2000),
    source      VARCHAR(100)
);
CREATE INDEX audit_event_occurred ON audit_event (occurred_at);
