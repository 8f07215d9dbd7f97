-- mVoting V9: an SMS waiting in the outbox keeps its number encrypted (AES-GCM, like listed numbers); the
-- recipient column shows it masked from the start. The sealed copy is dropped once the message is sent or given up.
ALTER TABLE outbox_message ADD COLUMN recipient_sealed BYTEA;
