-- mVoting V15 for Oracle: event self-registration and invitations (see postgresql/V15__event_registration.sql).
CREATE TABLE event_registration (
    id           RAW(16)       PRIMARY KEY,
    event_id     RAW(16)       NOT NULL REFERENCES event (id),
    name         VARCHAR2(100 CHAR) NOT NULL,
    group_label  VARCHAR2(100 CHAR),
    voter_key    RAW(32)       NOT NULL,
    status       VARCHAR2(16 CHAR)  NOT NULL,
    requested_at TIMESTAMP WITH TIME ZONE NOT NULL,
    decided_by   VARCHAR2(100 CHAR),
    decided_at   TIMESTAMP WITH TIME ZONE,
    CONSTRAINT event_registration_once UNIQUE (event_id, voter_key),
    CONSTRAINT event_registration_status CHECK (status IN ('PENDING', 'APPROVED', 'DECLINED'))
);
CREATE INDEX event_registration_pending ON event_registration (event_id, status, requested_at);
ALTER TABLE event_participant DROP CONSTRAINT event_participant_source;
ALTER TABLE event_participant ADD CONSTRAINT event_participant_source CHECK (source IN ('IMPORT', 'TOKEN', 'SELF'));
ALTER TABLE event_participant ADD invitation_id RAW(16);
