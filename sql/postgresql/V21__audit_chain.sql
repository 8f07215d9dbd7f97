-- mVoting V21: the audit trail becomes a hash chain, with checkpoints.
--
-- Why: the application's own login could edit or delete audit events without a trace. Every event appended from
-- now on carries a gap-free sequence number and the SHA-256 of the previous event's hash and its own canonical
-- content (org.mvoting.verifier.AuditChain). Appends are serialised by a row lock on the one-row chain head, taken
-- in the transaction that inserts the event. Events written before this migration are not back-filled: the chain
-- starts at the first event after V21, and the head row records where it starts (legacy_max_id, legacy_events), so
-- the verifier reports them as not covered instead of vouching for rows nobody hashed when they were written.
ALTER TABLE audit_event ADD COLUMN seq BIGINT UNIQUE;
ALTER TABLE audit_event ADD COLUMN chain_hash VARCHAR(64);

CREATE TABLE audit_chain (
    id            SMALLINT     PRIMARY KEY CHECK (id = 1),
    head_seq      BIGINT       NOT NULL,
    head_hash     VARCHAR(64)  NOT NULL,
    legacy_max_id BIGINT       NOT NULL,
    legacy_events BIGINT       NOT NULL,
    started_at    TIMESTAMPTZ  NOT NULL
);
INSERT INTO audit_chain (id, head_seq, head_hash, legacy_max_id, legacy_events, started_at)
SELECT 1, 0, '0000000000000000000000000000000000000000000000000000000000000000', COALESCE(max(id), 0), count(*), now()
FROM audit_event;

-- A copy of the chain head at a poll's close (with the SHA-256 of its final tally) and once a day. Unique poll and
-- unique day: one close checkpoint per poll, one daily checkpoint per day for the whole cluster.
CREATE TABLE audit_checkpoint (
    id         BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    kind       VARCHAR(16)  NOT NULL CHECK (kind IN ('POLL_CLOSE', 'DAILY')),
    poll_id    UUID         UNIQUE REFERENCES poll (id),
    on_day     DATE         UNIQUE,
    head_seq   BIGINT       NOT NULL,
    head_hash  VARCHAR(64)  NOT NULL,
    tally_hash VARCHAR(64),
    created_at TIMESTAMPTZ  NOT NULL,
    CONSTRAINT audit_checkpoint_shape CHECK ((kind = 'POLL_CLOSE' AND poll_id IS NOT NULL AND tally_hash IS NOT NULL)
        OR (kind = 'DAILY' AND on_day IS NOT NULL AND poll_id IS NULL))
);

COMMENT ON TABLE audit_chain IS 'The audit chain head (one row, locked by every append) and where the chain starts.';
COMMENT ON TABLE audit_checkpoint IS 'Chain head copies at each poll close (with the final tally hash) and daily.';
