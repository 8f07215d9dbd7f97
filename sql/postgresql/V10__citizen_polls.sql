-- mVoting V10: citizens ask citizens. A citizen's poll is public (OPEN), password-protected (PASSWORD) or
-- invite-only (LISTED); screening may hold it for a moderator; reports may hide it pending review.
ALTER TABLE poll ADD COLUMN hidden_at      TIMESTAMPTZ;
ALTER TABLE poll ADD COLUMN removal_reason VARCHAR(1000);
CREATE INDEX poll_owner_citizen ON poll (owner_citizen_id, created_at);

-- A password-protected poll's password: PBKDF2-HMAC-SHA256 with a per-poll salt, never the password itself.
CREATE TABLE poll_password (
    poll_id    UUID    PRIMARY KEY REFERENCES poll (id),
    hash       BYTEA   NOT NULL,
    salt       BYTEA   NOT NULL,
    iterations INTEGER NOT NULL
);

-- What screening found in a poll's texts (personal information is refused, so only masked samples of it would
-- ever be kept); moderators review a held poll with these highlighted.
CREATE TABLE poll_screening_hit (
    id       BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    poll_id  UUID         NOT NULL REFERENCES poll (id),
    category VARCHAR(32)  NOT NULL,
    field    VARCHAR(64)  NOT NULL,
    match    VARCHAR(200) NOT NULL
);
CREATE INDEX poll_screening_hit_poll ON poll_screening_hit (poll_id);

-- Citizens' reports: one per citizen and poll (reporter_key: the reporter's voter key), with a reason.
CREATE TABLE poll_report (
    id           BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    poll_id      UUID         NOT NULL REFERENCES poll (id),
    reporter_key BYTEA        NOT NULL,
    reason       VARCHAR(32)  NOT NULL,
    detail       VARCHAR(500),
    reported_at  TIMESTAMPTZ  NOT NULL,
    dismissed_at TIMESTAMPTZ,
    CONSTRAINT poll_report_once UNIQUE (poll_id, reporter_key)
);

-- Words moderators added to the screening lists (the built-in lists ship with the application).
CREATE TABLE moderation_word (
    category VARCHAR(16)  NOT NULL,
    word     VARCHAR(100) NOT NULL,
    added_by VARCHAR(100) NOT NULL,
    added_at TIMESTAMPTZ  NOT NULL,
    PRIMARY KEY (category, word)
);

-- A closed poll's results summary: its verification code and the SHA-256 of the exact summary it vouches for.
CREATE TABLE poll_summary (
    poll_id           UUID        PRIMARY KEY REFERENCES poll (id),
    verification_code VARCHAR(32) NOT NULL UNIQUE,
    content_sha256    BYTEA       NOT NULL,
    content           TEXT        NOT NULL,
    issued_at         TIMESTAMPTZ NOT NULL
);
