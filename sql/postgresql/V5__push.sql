-- mVoting V5: push notifications. An app installation registers its push service token; a newly opened
-- city-to-citizen poll puts one PUSH outbox message per eligible installation (the outbox's recipient is the
-- installation id: the token is looked up when the message is sent, so it never sits in the outbox and a
-- removed installation is not messaged).

CREATE TABLE push_installation (
    id            UUID          PRIMARY KEY,
    citizen_id    UUID          NOT NULL REFERENCES citizen (id) ON DELETE CASCADE,
    platform      VARCHAR(16)   NOT NULL,
    -- the push service's token for the app on this device: needed to send, so kept as given
    token         VARCHAR(4096) NOT NULL,
    -- SHA-256 of the token: a B-tree entry cannot hold a 4096-character token, so uniqueness is on the hash
    token_hash    BYTEA         NOT NULL,
    -- the voter key from the citizen's access token ("vk"), so LISTED polls reach only listed phones
    voter_key     BYTEA         NOT NULL,
    registered_at TIMESTAMPTZ   NOT NULL,
    last_seen_at  TIMESTAMPTZ   NOT NULL,
    CONSTRAINT push_installation_token_unique UNIQUE (token_hash),
    CONSTRAINT push_installation_platform CHECK (platform IN ('ANDROID', 'IOS', 'WEB'))
);
CREATE INDEX push_installation_citizen ON push_installation (citizen_id);
CREATE INDEX push_installation_voter ON push_installation (voter_key);

-- What the local push adapter "sent": kept for tests and the demo to read. No foreign key to the
-- installation: the record of what went out outlives an unregistered installation.
CREATE TABLE local_push_message (
    id              BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    outbox_id       UUID          NOT NULL UNIQUE,
    installation_id UUID          NOT NULL,
    title           VARCHAR(300)  NOT NULL,
    body            VARCHAR(2000) NOT NULL,
    link            VARCHAR(500),
    stored_at       TIMESTAMPTZ   NOT NULL
);
CREATE INDEX local_push_message_installation ON local_push_message (installation_id, stored_at);
