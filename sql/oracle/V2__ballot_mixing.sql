-- mVoting V2 for Oracle: the sealed ballot inbox (see postgresql/V2__ballot_mixing.sql for why). Untested here.
CREATE TABLE ballot_inbox (
    id            RAW(16)   PRIMARY KEY,
    poll_id       RAW(16)   NOT NULL,
    receipt_key   RAW(32)   NOT NULL,
    sealed_ballot BLOB      NOT NULL
);
CREATE INDEX ballot_inbox_poll ON ballot_inbox (poll_id);
CREATE INDEX ballot_inbox_receipt ON ballot_inbox (poll_id, receipt_key);
