-- mVoting V5 for Oracle: push installations and the local push adapter's record (see postgresql/V5__push.sql).
-- VARCHAR2 stops at 4000 bytes unless MAX_STRING_SIZE = EXTENDED, so the token (up to 4096 characters) is a CLOB;
-- uniqueness is on its SHA-256 as in PostgreSQL.
CREATE TABLE push_installation (
    id            RAW(16)       PRIMARY KEY,
    citizen_id    RAW(16)       NOT NULL REFERENCES citizen (id) ON DELETE CASCADE,
    platform      VARCHAR2(16 CHAR)  NOT NULL,
    token         CLOB          NOT NULL,
    token_hash    RAW(32)       NOT NULL,
    voter_key     RAW(32)       NOT NULL,
    registered_at TIMESTAMP WITH TIME ZONE NOT NULL,
    last_seen_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT push_installation_token_unique UNIQUE (token_hash),
    CONSTRAINT push_installation_platform CHECK (platform IN ('ANDROID', 'IOS', 'WEB'))
);
CREATE INDEX push_installation_citizen ON push_installation (citizen_id);
CREATE INDEX push_installation_voter ON push_installation (voter_key);
CREATE TABLE local_push_message (
    id              NUMBER(19) GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    outbox_id       RAW(16)       NOT NULL UNIQUE,
    installation_id RAW(16)       NOT NULL,
    title           VARCHAR2(300 CHAR)  NOT NULL,
    body            VARCHAR2(2000 CHAR) NOT NULL,
    link            VARCHAR2(500 CHAR),
    stored_at       TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX local_push_message_installation ON local_push_message (installation_id, stored_at);
