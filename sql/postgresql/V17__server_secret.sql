-- mVoting V17: the fingerprint of the server secret (MVOTING_SECRET) this database was first started with: an HMAC of a
-- fixed constant under the secret, never the secret. A node whose secret gives another fingerprint refuses to deploy
-- (its voter keys would differ and the same phone could vote again). One row.
CREATE TABLE server_secret (
    id          SMALLINT     PRIMARY KEY,
    fingerprint VARCHAR(64)  NOT NULL,
    created_at  TIMESTAMPTZ  NOT NULL,
    CONSTRAINT server_secret_one_row CHECK (id = 1)
);
