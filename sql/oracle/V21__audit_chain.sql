-- mVoting V21 for Oracle: the audit trail becomes a hash chain, with checkpoints (see postgresql/V21__audit_chain.sql).
ALTER TABLE audit_event ADD (seq NUMBER(19) UNIQUE, chain_hash VARCHAR2(64 CHAR));

CREATE TABLE audit_chain (
    id            NUMBER(5)          PRIMARY KEY CHECK (id = 1),
    head_seq      NUMBER(19)         NOT NULL,
    head_hash     VARCHAR2(64 CHAR)  NOT NULL,
    legacy_max_id NUMBER(19)         NOT NULL,
    legacy_events NUMBER(19)         NOT NULL,
    started_at    TIMESTAMP WITH TIME ZONE NOT NULL
);
INSERT INTO audit_chain (id, head_seq, head_hash, legacy_max_id, legacy_events, started_at)
SELECT 1, 0, '0000000000000000000000000000000000000000000000000000000000000000', COALESCE(max(id), 0), count(*),
       SYSTIMESTAMP
FROM audit_event;

CREATE TABLE audit_checkpoint (
    id         NUMBER(19) GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    kind       VARCHAR2(16 CHAR)  NOT NULL CHECK (kind IN ('POLL_CLOSE', 'DAILY')),
    poll_id    RAW(16)            UNIQUE REFERENCES poll (id),
    on_day     DATE               UNIQUE,
    head_seq   NUMBER(19)         NOT NULL,
    head_hash  VARCHAR2(64 CHAR)  NOT NULL,
    tally_hash VARCHAR2(64 CHAR),
    created_at TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT audit_checkpoint_shape CHECK ((kind = 'POLL_CLOSE' AND poll_id IS NOT NULL AND tally_hash IS NOT NULL)
        OR (kind = 'DAILY' AND on_day IS NOT NULL AND poll_id IS NULL))
);

COMMENT ON TABLE audit_chain IS 'The audit chain head (one row, locked by every append) and where the chain starts.';
COMMENT ON TABLE audit_checkpoint IS 'Chain head copies at each poll close (with the final tally hash) and daily.';
