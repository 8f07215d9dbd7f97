-- mVoting V31: staff are told when a staff poll opens (issue 18 part 2), and a meeting room's poll admits whoever
-- joins within its join window (part 4).

-- Who is to be told that a staff poll opened: one row per poll and staff member, written at approval
-- (ON CONFLICT DO NOTHING: a re-approval or an extension tells nobody twice). enqueued_at is set once the row's
-- outbox messages are written, at approval for a poll that opens at once, by the opening timer for a later one.
CREATE TABLE staff_poll_notice (
    poll_id     UUID         NOT NULL REFERENCES poll (id) ON DELETE CASCADE,
    staff_id    VARCHAR(64)  NOT NULL,
    created_at  TIMESTAMPTZ  NOT NULL,
    enqueued_at TIMESTAMPTZ,
    PRIMARY KEY (poll_id, staff_id)
);
-- the opening timer looks for notices not yet enqueued
CREATE INDEX staff_poll_notice_waiting ON staff_poll_notice (poll_id) WHERE enqueued_at IS NULL;

-- What the local mobile-office adapter "sent": read by tests and the demo. One row per outbox message.
CREATE TABLE local_mobile_office_message (
    id         BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    outbox_id  UUID          NOT NULL UNIQUE,
    staff_id   VARCHAR(64)   NOT NULL,
    title      VARCHAR(300)  NOT NULL,
    body       VARCHAR(2000) NOT NULL,
    link       VARCHAR(500),
    stored_at  TIMESTAMPTZ   NOT NULL
);
CREATE INDEX local_mobile_office_message_staff ON local_mobile_office_message (staff_id, stored_at);


-- What the local mail adapter "sent" (MVOTING_STAFF_MAIL=true without MVOTING_SMTP_HOST).
CREATE TABLE local_mail_message (
    id         BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    outbox_id  UUID          NOT NULL UNIQUE,
    staff_id   VARCHAR(64)   NOT NULL,
    address    VARCHAR(320)  NOT NULL,
    subject    VARCHAR(300)  NOT NULL,
    body       VARCHAR(2600) NOT NULL,
    stored_at  TIMESTAMPTZ   NOT NULL
);
CREATE INDEX local_mail_message_staff ON local_mail_message (staff_id, stored_at);

-- A meeting room's poll: staff who open its link before join_closes_at join its audience; null for every other poll.
ALTER TABLE poll ADD COLUMN join_closes_at TIMESTAMPTZ;
