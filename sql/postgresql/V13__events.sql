-- mVoting V13: on-site policy events (the 1000-person round table). An event has a join code people type or scan;
-- participants are registered beforehand (by phone) or walk in with a printed secret token.
CREATE TABLE event (
    id            UUID          PRIMARY KEY,
    join_code     VARCHAR(8)    NOT NULL UNIQUE,
    title         VARCHAR(200)  NOT NULL,
    starts_at     TIMESTAMPTZ   NOT NULL,
    venue         VARCHAR(200)  NOT NULL,
    agenda        VARCHAR(4000),
    rehearsal     BOOLEAN       NOT NULL,
    created_by    VARCHAR(100)  NOT NULL,
    created_at    TIMESTAMPTZ   NOT NULL
);

-- A participant: registered by phone (voter_key = the phone's voter key, the same on app and web) or bound to a
-- secret token on its first use (voter_key derived from the token). One participant per voter key and event.
CREATE TABLE event_participant (
    id           UUID          PRIMARY KEY,
    event_id     UUID          NOT NULL REFERENCES event (id),
    name         VARCHAR(100),
    group_label  VARCHAR(100),
    phone_sealed BYTEA,
    phone_masked VARCHAR(32),
    voter_key    BYTEA         NOT NULL,
    source       VARCHAR(16)   NOT NULL,
    joined_at    TIMESTAMPTZ,
    CONSTRAINT event_participant_once UNIQUE (event_id, voter_key),
    CONSTRAINT event_participant_source CHECK (source IN ('IMPORT', 'TOKEN'))
);

-- Printed secret tokens: only a keyed hash of the code is kept (the codes exist in clear only on the printed
-- sheet); the first use binds the token to one participant.
CREATE TABLE event_token (
    code_hash      BYTEA       PRIMARY KEY,
    event_id       UUID        NOT NULL REFERENCES event (id),
    participant_id UUID        REFERENCES event_participant (id),
    issued_at      TIMESTAMPTZ NOT NULL,
    used_at        TIMESTAMPTZ
);
CREATE INDEX event_token_event ON event_token (event_id);
