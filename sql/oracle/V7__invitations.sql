-- mVoting V7 for Oracle: encrypted listed numbers, invitation links and outbox campaigns (see postgresql/V7__invitations.sql).
ALTER TABLE poll_listed_voter ADD (phone_sealed RAW(128), phone_masked VARCHAR2(32 CHAR), invitation_id RAW(16));
ALTER TABLE outbox_message ADD (campaign VARCHAR2(64 CHAR));
CREATE INDEX outbox_message_campaign ON outbox_message (campaign, status);
