-- mVoting V2 for Oracle: the sealed ballot inbox (see postgresql/V2__ballot_mixing.sql for why).
CREATE TABLE ballot_inbox (
    id            RAW(16)   PRIMARY KEY,
    poll_id       RAW(16)   NOT NULL,
    receipt_key   RAW(32)   NOT NULL,
    sealed_ballot BLOB      NOT NULL
);
CREATE INDEX ballot_inbox_poll ON ballot_inbox (poll_id);
CREATE INDEX ballot_inbox_receipt ON ballot_inbox (poll_id, receipt_key);

-- PostgreSQL's autovacuum settings for the inbox have no counterpart: Oracle keeps old row versions in undo, not in the table.

COMMENT ON TABLE tally_slot IS 'Live tally, written only by the ballot mixer (one writer at a time), one row per option in slot 0; option 0 counts ballots.';
