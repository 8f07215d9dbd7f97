-- mVoting V20 for Oracle: sealed ballots that cannot be opened (see postgresql/V20__ballot_quarantine.sql).
CREATE TABLE ballot_quarantine (
    id             RAW(16)            PRIMARY KEY,
    poll_id        RAW(16)            NOT NULL,
    receipt_key    RAW(32)            NOT NULL,
    sealed_ballot  BLOB               NOT NULL,
    reason         VARCHAR2(200 CHAR) NOT NULL,
    quarantined_at TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX ballot_quarantine_poll ON ballot_quarantine (poll_id);

COMMENT ON TABLE ballot_quarantine IS 'Sealed ballots the mixer could not open: kept with their poll, reason and time, never counted.';
