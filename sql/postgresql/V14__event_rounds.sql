-- mVoting V14: an event's questions. Each question is an ordinary poll on the ballot engine, owned by the event
-- (audience EVENT_PARTICIPANTS: the event's participants' voter keys), so the hall votes on the same path as every
-- other poll. event_question adds what only the hall needs: the round, the order, the question it carries forward,
-- whether the big screen shows its results, and when it was announced as final.
ALTER TABLE poll ADD COLUMN owner_event_id UUID REFERENCES event (id);
ALTER TABLE poll DROP CONSTRAINT poll_has_owner;
ALTER TABLE poll ADD CONSTRAINT poll_has_owner
    CHECK (owner_department_id IS NOT NULL OR owner_citizen_id IS NOT NULL OR owner_event_id IS NOT NULL);

-- The question every screen in the hall shows now (null before the first one).
ALTER TABLE event ADD COLUMN current_poll_id UUID REFERENCES poll (id);

CREATE TABLE event_question (
    poll_id       UUID        PRIMARY KEY REFERENCES poll (id),
    event_id      UUID        NOT NULL REFERENCES event (id),
    round_no      INTEGER     NOT NULL CHECK (round_no >= 1),
    position      INTEGER     NOT NULL,
    carried_from  UUID        REFERENCES poll (id),
    results_shown BOOLEAN     NOT NULL DEFAULT FALSE,
    announced_at  TIMESTAMPTZ,
    created_at    TIMESTAMPTZ NOT NULL
);
CREATE INDEX event_question_event ON event_question (event_id, round_no, position);

-- Paper ballots counted by hand in the hall, entered per option; kept apart from the phone ballots and shown combined.
CREATE TABLE event_paper_count (
    poll_id    UUID         NOT NULL REFERENCES poll (id),
    option_id  BIGINT       NOT NULL REFERENCES answer_option (id),
    votes      BIGINT       NOT NULL CHECK (votes >= 0),
    entered_by VARCHAR(100) NOT NULL,
    entered_at TIMESTAMPTZ  NOT NULL,
    PRIMARY KEY (poll_id, option_id)
);
