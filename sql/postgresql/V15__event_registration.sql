-- mVoting V15: self-registration for an event (a link the city shares; the citizen signs in by SMS and asks to take
-- part; an event operator approves or declines), and SMS invitations to registered participants.
CREATE TABLE event_registration (
    id           UUID          PRIMARY KEY,
    event_id     UUID          NOT NULL REFERENCES event (id),
    name         VARCHAR(100)  NOT NULL,
    group_label  VARCHAR(100),
    voter_key    BYTEA         NOT NULL,
    status       VARCHAR(16)   NOT NULL,
    requested_at TIMESTAMPTZ   NOT NULL,
    decided_by   VARCHAR(100),
    decided_at   TIMESTAMPTZ,
    CONSTRAINT event_registration_once UNIQUE (event_id, voter_key),
    CONSTRAINT event_registration_status CHECK (status IN ('PENDING', 'APPROVED', 'DECLINED'))
);
CREATE INDEX event_registration_pending ON event_registration (event_id, status, requested_at);

ALTER TABLE event_participant DROP CONSTRAINT event_participant_source;
ALTER TABLE event_participant ADD CONSTRAINT event_participant_source CHECK (source IN ('IMPORT', 'TOKEN', 'SELF'));

-- When the participant's SMS invitation with the event link was queued (the outbox message itself says whether it
-- was delivered); null: not invited yet.
ALTER TABLE event_participant ADD COLUMN invitation_id UUID;
