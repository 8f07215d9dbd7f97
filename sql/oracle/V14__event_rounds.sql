-- mVoting V14 for Oracle: an event's questions and paper counts (see postgresql/V14__event_rounds.sql).
ALTER TABLE poll ADD owner_event_id RAW(16) REFERENCES event (id);
ALTER TABLE poll DROP CONSTRAINT poll_has_owner;
ALTER TABLE poll ADD CONSTRAINT poll_has_owner
    CHECK (owner_department_id IS NOT NULL OR owner_citizen_id IS NOT NULL OR owner_event_id IS NOT NULL);
ALTER TABLE event ADD current_poll_id RAW(16) REFERENCES poll (id);
CREATE TABLE event_question (
    poll_id       RAW(16)   PRIMARY KEY REFERENCES poll (id),
    event_id      RAW(16)   NOT NULL REFERENCES event (id),
    round_no      NUMBER(10) NOT NULL CHECK (round_no >= 1),
    position      NUMBER(10) NOT NULL,
    carried_from  RAW(16)   REFERENCES poll (id),
    results_shown NUMBER(1) DEFAULT 0 NOT NULL,
    announced_at  TIMESTAMP WITH TIME ZONE,
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX event_question_event ON event_question (event_id, round_no, position);
CREATE TABLE event_paper_count (
    poll_id    RAW(16)       NOT NULL REFERENCES poll (id),
    option_id  NUMBER(19)    NOT NULL REFERENCES answer_option (id),
    votes      NUMBER(19)    NOT NULL CHECK (votes >= 0),
    entered_by VARCHAR2(100 CHAR) NOT NULL,
    entered_at TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (poll_id, option_id)
);
