-- mVoting V20: sealed ballots that cannot be opened are moved aside, not mixed.
--
-- Why: one inbox row that does not open (altered in storage, or restored under another server key) made every
-- mixing round fail for every poll. The mixer now moves such a row here, in the transaction that took it from
-- the inbox, with its poll and the reason, and goes on with the rest. Kept for the investigation, never counted:
-- the voter's participation row stays (no second vote), the ballot is in no tally. ADMIN and AUDITOR see the
-- count per poll.
CREATE TABLE ballot_quarantine (
    id             UUID         PRIMARY KEY,
    poll_id        UUID         NOT NULL,
    receipt_key    BYTEA        NOT NULL,
    sealed_ballot  BYTEA        NOT NULL,
    reason         VARCHAR(200) NOT NULL,
    quarantined_at TIMESTAMPTZ  NOT NULL
);
CREATE INDEX ballot_quarantine_poll ON ballot_quarantine (poll_id);

COMMENT ON TABLE ballot_quarantine IS 'Sealed ballots the mixer could not open: kept with their poll, reason and time, never counted.';
