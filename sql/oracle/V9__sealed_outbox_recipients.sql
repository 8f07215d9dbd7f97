-- mVoting V9 for Oracle: encrypted SMS recipients in the outbox (see postgresql/V9__sealed_outbox_recipients.sql). Untested here.
ALTER TABLE outbox_message ADD (recipient_sealed RAW(128));
