-- mVoting V27: mileage for taking part in a city poll (issue 17, part 6).
--
-- A department poll may pay citizens who answer it a fixed amount in won (poll.mileage_won; 0 = none). The ledger
-- mileage_entry is append-only: an award is a row, its reversal (when the poll is removed) is another row with the
-- negative amount that names the award, and a balance is the sum. Nothing is ever updated or deleted, so a
-- citizen's history and the finance office's monthly export can always be recomputed.
--
-- Secrecy: an award names the citizen and the poll, exactly what participation already records; it carries no
-- ballot, receipt, option or time of day. entry_day is the city's calendar day (participation.voted_on has the same
-- grain), so the award does not narrow a vote down to the hour the clear ballot carries. No foreign key to poll
-- or citizen: a foreign key would share-lock the poll row on every vote (the hot row the vote path must not have).
ALTER TABLE poll ADD COLUMN mileage_won INTEGER NOT NULL DEFAULT 0;
ALTER TABLE poll ADD CONSTRAINT poll_mileage_range CHECK (mileage_won BETWEEN 0 AND 10000);

CREATE TABLE mileage_entry (
    id         UUID        PRIMARY KEY,
    citizen_id UUID        NOT NULL,
    poll_id    UUID        NOT NULL,
    kind       VARCHAR(16) NOT NULL,
    amount_won INTEGER     NOT NULL,
    entry_day  DATE        NOT NULL,
    reverses   UUID        REFERENCES mileage_entry (id),
    -- one award per citizen and poll, and one reversal: the database refuses a second one under any concurrency
    CONSTRAINT mileage_entry_once UNIQUE (citizen_id, poll_id, kind),
    CONSTRAINT mileage_entry_reversed_once UNIQUE (reverses),
    CONSTRAINT mileage_entry_kind CHECK ((kind = 'AWARD' AND amount_won > 0 AND reverses IS NULL)
        OR (kind = 'REVERSAL' AND amount_won < 0 AND reverses IS NOT NULL))
);

CREATE INDEX mileage_entry_poll ON mileage_entry (poll_id);
CREATE INDEX mileage_entry_day ON mileage_entry (entry_day);

-- Append-only, like V22's tables: SchemaMigration reads the trigger list and grants the application SELECT and INSERT.
CREATE TRIGGER mvoting_append_only BEFORE UPDATE OR DELETE ON mileage_entry
    FOR EACH ROW EXECUTE FUNCTION mvoting_refuse_change();
CREATE TRIGGER mvoting_append_only_truncate BEFORE TRUNCATE ON mileage_entry
    FOR EACH STATEMENT EXECUTE FUNCTION mvoting_refuse_change();
