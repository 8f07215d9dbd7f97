-- mVoting V10 for Oracle: citizen polls, passwords, screening hits, reports, moderator words, summaries (see postgresql/V10__citizen_polls.sql).
ALTER TABLE poll ADD (hidden_at TIMESTAMP WITH TIME ZONE, removal_reason VARCHAR2(1000 CHAR));
CREATE INDEX poll_owner_citizen ON poll (owner_citizen_id, created_at);
CREATE TABLE poll_password (
    poll_id    RAW(16)    PRIMARY KEY REFERENCES poll (id),
    hash       RAW(64)    NOT NULL,
    salt       RAW(32)    NOT NULL,
    iterations NUMBER(10) NOT NULL
);
CREATE TABLE poll_screening_hit (
    id       NUMBER(19) GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    poll_id  RAW(16)       NOT NULL REFERENCES poll (id),
    category VARCHAR2(32 CHAR)  NOT NULL,
    field    VARCHAR2(64 CHAR)  NOT NULL,
    match    VARCHAR2(200 CHAR) NOT NULL
);
CREATE INDEX poll_screening_hit_poll ON poll_screening_hit (poll_id);
CREATE TABLE poll_report (
    id           NUMBER(19) GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    poll_id      RAW(16)       NOT NULL REFERENCES poll (id),
    reporter_key RAW(32)       NOT NULL,
    reason       VARCHAR2(32 CHAR)  NOT NULL,
    detail       VARCHAR2(500 CHAR),
    reported_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    dismissed_at TIMESTAMP WITH TIME ZONE,
    CONSTRAINT poll_report_once UNIQUE (poll_id, reporter_key)
);
CREATE TABLE moderation_word (
    category VARCHAR2(16 CHAR)  NOT NULL,
    word     VARCHAR2(100 CHAR) NOT NULL,
    added_by VARCHAR2(100 CHAR) NOT NULL,
    added_at TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (category, word)
);
CREATE TABLE poll_summary (
    poll_id           RAW(16)      PRIMARY KEY REFERENCES poll (id),
    verification_code VARCHAR2(32 CHAR) NOT NULL UNIQUE,
    content_sha256    RAW(32)      NOT NULL,
    content           CLOB         NOT NULL,
    issued_at         TIMESTAMP WITH TIME ZONE NOT NULL
);
