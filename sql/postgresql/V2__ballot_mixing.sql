-- mVoting V2: ballots pass through a sealed inbox and are mixed before they are stored in the clear.
--
-- Why: rows written in one transaction carry the same transaction id (the hidden xmin column) and sit in
-- insertion order (ctid). If the cast wrote participation and ballot together, one SQL join on xmin
-- would name each voter's choices. So the cast writes the participation row and a SEALED ballot here
-- (AES-GCM under a server key); the mixer later moves pending ballots, in batches of at least
-- MVOTING_MIX_MIN_BATCH and in random order, into ballot / ballot_choice / tally_slot in its own
-- transaction, and deletes them from here. Closing a poll mixes whatever is left.
CREATE TABLE ballot_inbox (
    id            UUID  PRIMARY KEY,
    poll_id       UUID  NOT NULL,
    -- keyed hash of (poll, receipt): lets a receipt check answer "pending" without keeping the receipt
    receipt_key   BYTEA NOT NULL,
    sealed_ballot BYTEA NOT NULL
);
CREATE INDEX ballot_inbox_poll ON ballot_inbox (poll_id);
CREATE INDEX ballot_inbox_receipt ON ballot_inbox (poll_id, receipt_key);

-- The inbox is emptied continuously: vacuum it eagerly so deleted rows do not linger.
ALTER TABLE ballot_inbox SET (autovacuum_vacuum_scale_factor = 0.0, autovacuum_vacuum_threshold = 100);

COMMENT ON TABLE tally_slot IS 'Live tally, written only by the ballot mixer (one writer at a time), one row per option in slot 0; option 0 counts ballots.';
