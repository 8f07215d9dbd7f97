-- mVoting V7: SMS invitations for LISTED polls. The listed numbers themselves are now kept, encrypted
-- (AES-GCM under a key derived from the server secret), so each listed citizen can be sent a link; screens
-- show them masked. Staff audiences (ORG_UNITS) have no numbers: those columns stay NULL.
ALTER TABLE poll_listed_voter ADD COLUMN phone_sealed BYTEA;
ALTER TABLE poll_listed_voter ADD COLUMN phone_masked VARCHAR(32);
-- the outbox message of the latest invitation to this number (its status is the invitation's progress)
ALTER TABLE poll_listed_voter ADD COLUMN invitation_id UUID;

-- An outbox message sent on behalf of a campaign (e.g. "invitation:<poll id>"), NULL for one-off messages
-- such as sign-in codes. Campaign messages are throttled per number when they are delivered.
ALTER TABLE outbox_message ADD COLUMN campaign VARCHAR(64);
CREATE INDEX outbox_message_campaign ON outbox_message (campaign, status);
