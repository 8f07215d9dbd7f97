-- mVoting V13 for Oracle: events, participants, secret tokens (see postgresql/V13__events.sql).
CREATE TABLE event (
    id         RAW(16)        PRIMARY KEY,
    join_code  VARCHAR2(8 CHAR)    NOT NULL UNIQUE,
    title      VARCHAR2(200 CHAR)  NOT NULL,
    starts_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    venue      VARCHAR2(200 CHAR)  NOT NULL,
    agenda     VARCHAR2(4000 CHAR),
    rehearsal  NUMBER(1)      NOT NULL,
    created_by VARCHAR2(100 CHAR)  NOT NULL,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE TABLE event_participant (
    id           RAW(16)       PRIMARY KEY,
    event_id     RAW(16)       NOT NULL REFERENCES event (id),
    name         VARCHAR2(100 CHAR),
    group_label  VARCHAR2(100 CHAR),
    phone_sealed RAW(128),
    phone_masked VARCHAR2(32 CHAR),
    voter_key    RAW(32)       NOT NULL,
    source       VARCHAR2(16 CHAR)  NOT NULL,
    joined_at    TIMESTAMP WITH TIME ZONE,
    CONSTRAINT event_participant_once UNIQUE (event_id, voter_key),
    CONSTRAINT event_participant_source CHECK (source IN ('IMPORT', 'TOKEN'))
);
CREATE TABLE event_token (
    code_hash      RAW(32)  PRIMARY KEY,
    event_id       RAW(16)  NOT NULL REFERENCES event (id),
    participant_id RAW(16)  REFERENCES event_participant (id),
    issued_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    used_at        TIMESTAMP WITH TIME ZONE
);
CREATE INDEX event_token_event ON event_token (event_id);
