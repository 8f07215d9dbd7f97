-- mVoting V27 for Oracle: mileage for taking part in a city poll (see postgresql/V27__mileage.sql).
ALTER TABLE poll ADD mileage_won NUMBER(10) DEFAULT 0 NOT NULL;
ALTER TABLE poll ADD CONSTRAINT poll_mileage_range CHECK (mileage_won BETWEEN 0 AND 10000);

CREATE TABLE mileage_entry (
    id         RAW(16)           PRIMARY KEY,
    citizen_id RAW(16)           NOT NULL,
    poll_id    RAW(16)           NOT NULL,
    kind       VARCHAR2(16 CHAR) NOT NULL,
    amount_won NUMBER(10)        NOT NULL,
    entry_day  DATE              NOT NULL,
    reverses   RAW(16)           REFERENCES mileage_entry (id),
    CONSTRAINT mileage_entry_once UNIQUE (citizen_id, poll_id, kind),
    CONSTRAINT mileage_entry_reversed_once UNIQUE (reverses),
    CONSTRAINT mileage_entry_kind CHECK ((kind = 'AWARD' AND amount_won > 0 AND reverses IS NULL)
        OR (kind = 'REVERSAL' AND amount_won < 0 AND reverses IS NOT NULL))
);

CREATE INDEX mileage_entry_poll ON mileage_entry (poll_id);
CREATE INDEX mileage_entry_day ON mileage_entry (entry_day);

CREATE OR REPLACE TRIGGER mileage_entry_append_only
BEFORE UPDATE OR DELETE ON mileage_entry
BEGIN
    IF SYS_CONTEXT('USERENV', 'SESSION_USER') <> $$PLSQL_UNIT_OWNER THEN
        RAISE_APPLICATION_ERROR(-20022, 'mVoting: rows of mileage_entry are written once (only the schema owner may change them)');
    END IF;
END;
/
