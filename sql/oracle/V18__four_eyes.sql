-- mVoting V18 for Oracle: four eyes for insiders (see postgresql/V18__four_eyes.sql).
ALTER TABLE event ADD department_code VARCHAR2(32 CHAR);
CREATE TABLE event_operator (
    event_id    RAW(16)            NOT NULL REFERENCES event (id),
    staff_id    VARCHAR2(100 CHAR) NOT NULL,
    assigned_by VARCHAR2(100 CHAR) NOT NULL,
    assigned_at TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (event_id, staff_id)
);
CREATE TABLE event_token_batch (
    id         RAW(16)            PRIMARY KEY,
    event_id   RAW(16)            NOT NULL REFERENCES event (id),
    tokens     NUMBER(10)         NOT NULL CHECK (tokens >= 1),
    status     VARCHAR2(16 CHAR)  NOT NULL,
    issued_by  VARCHAR2(100 CHAR) NOT NULL,
    issued_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    decided_by VARCHAR2(100 CHAR),
    decided_at TIMESTAMP WITH TIME ZONE,
    CONSTRAINT event_token_batch_status CHECK (status IN ('PENDING', 'CONFIRMED', 'DECLINED'))
);
CREATE INDEX event_token_batch_event ON event_token_batch (event_id, status);
ALTER TABLE event_token ADD batch_id RAW(16) REFERENCES event_token_batch (id);
ALTER TABLE event_question ADD paper_ballots NUMBER(19) CHECK (paper_ballots >= 0);
ALTER TABLE event_question ADD paper_ballots_by VARCHAR2(100 CHAR);
CREATE TABLE event_paper_pending (
    poll_id    RAW(16)            NOT NULL REFERENCES poll (id),
    option_id  NUMBER(19)         NOT NULL REFERENCES answer_option (id),
    votes      NUMBER(19)         NOT NULL CHECK (votes >= 0),
    entered_by VARCHAR2(100 CHAR) NOT NULL,
    entered_at TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (poll_id, option_id)
);
ALTER TABLE event_paper_count ADD confirmed_by VARCHAR2(100 CHAR);
ALTER TABLE event_paper_count ADD confirmed_at TIMESTAMP WITH TIME ZONE;
