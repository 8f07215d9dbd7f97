-- mVoting V19: staff sign-in guarded on every node (failures per portal ID and client address, failures per address
-- across IDs; keyed hashes only, never an ID or an address), and citizen tokens that can be revoked (one token by its
-- id until it would have expired, or all of a citizen's by a new generation); a citizen whose number went unused long
-- enough is retired (unlinked from the number) at the number's next sign-in.
CREATE TABLE staff_login_guard (
    bucket       VARCHAR(96) PRIMARY KEY,
    failures     INTEGER     NOT NULL,
    window_start TIMESTAMPTZ NOT NULL,
    locked_until TIMESTAMPTZ
);
CREATE INDEX staff_login_guard_window ON staff_login_guard (window_start);

CREATE TABLE revoked_token (
    token_id   VARCHAR(64) PRIMARY KEY,
    expires_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX revoked_token_expires ON revoked_token (expires_at);

ALTER TABLE citizen ADD COLUMN token_generation INTEGER NOT NULL DEFAULT 0;
ALTER TABLE citizen ADD COLUMN retired_at       TIMESTAMPTZ;
