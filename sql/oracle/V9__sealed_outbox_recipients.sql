-- mVoting V9 for Oracle: encrypted SMS recipients in the outbox (see postgresql/V9__sealed_outbox_recipients.sql).
ALTER TABLE outbox_message ADD (recipient_sealed RAW(128));
