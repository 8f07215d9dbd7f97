-- mVoting V31 for Oracle: staff poll notices, the local mobile-office and mail adapters' records, a meeting room's
-- join window (see postgresql/V31__staff_notices_and_meeting_rooms.sql).
CREATE TABLE staff_poll_notice (
    poll_id     RAW(16)            NOT NULL REFERENCES poll (id) ON DELETE CASCADE,
    staff_id    VARCHAR2(64 CHAR) NOT NULL,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    enqueued_at TIMESTAMP WITH TIME ZONE,
    PRIMARY KEY (poll_id, staff_id)
);
CREATE INDEX staff_poll_notice_waiting ON staff_poll_notice (poll_id, enqueued_at);

CREATE TABLE local_mobile_office_message (
    id         NUMBER(19) GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    outbox_id  RAW(16)             NOT NULL UNIQUE,
    staff_id   VARCHAR2(64 CHAR)  NOT NULL,
    title      VARCHAR2(300 CHAR)  NOT NULL,
    body       VARCHAR2(2000 CHAR) NOT NULL,
    link       VARCHAR2(500 CHAR),
    stored_at  TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX local_mobile_office_message_staff ON local_mobile_office_message (staff_id, stored_at);


CREATE TABLE local_mail_message (
    id         NUMBER(19) GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    outbox_id  RAW(16)             NOT NULL UNIQUE,
    staff_id   VARCHAR2(64 CHAR)   NOT NULL,
    address    VARCHAR2(320 CHAR)  NOT NULL,
    subject    VARCHAR2(300 CHAR)  NOT NULL,
    body       VARCHAR2(2600 CHAR) NOT NULL,
    stored_at  TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX local_mail_message_staff ON local_mail_message (staff_id, stored_at);

ALTER TABLE poll ADD join_closes_at TIMESTAMP WITH TIME ZONE;
