-- mVoting V18: four eyes for insiders. An event is run by the operators assigned to it (its creator is always one),
-- in the department it was created for; printed tokens issued once the event is under way and every paper count wait
-- for a second person before they count; a question's paper counts are bounded by the paper ballots handed out.
ALTER TABLE event ADD COLUMN department_code VARCHAR(32);

-- The operators assigned to an event besides its creator (event.created_by), and who assigned them.
CREATE TABLE event_operator (
    event_id    UUID          NOT NULL REFERENCES event (id),
    staff_id    VARCHAR(100)  NOT NULL,
    assigned_by VARCHAR(100)  NOT NULL,
    assigned_at TIMESTAMPTZ   NOT NULL,
    PRIMARY KEY (event_id, staff_id)
);

-- One issue of printed tokens. PENDING: its tokens admit nobody until a second person confirms (CONFIRMED); a
-- DECLINED batch's tokens are deleted. Tokens issued before the event was under way have no batch: valid at once.
CREATE TABLE event_token_batch (
    id         UUID          PRIMARY KEY,
    event_id   UUID          NOT NULL REFERENCES event (id),
    tokens     INTEGER       NOT NULL CHECK (tokens >= 1),
    status     VARCHAR(16)   NOT NULL,
    issued_by  VARCHAR(100)  NOT NULL,
    issued_at  TIMESTAMPTZ   NOT NULL,
    decided_by VARCHAR(100),
    decided_at TIMESTAMPTZ,
    CONSTRAINT event_token_batch_status CHECK (status IN ('PENDING', 'CONFIRMED', 'DECLINED'))
);
CREATE INDEX event_token_batch_event ON event_token_batch (event_id, status);
ALTER TABLE event_token ADD COLUMN batch_id UUID REFERENCES event_token_batch (id);

-- The paper ballots handed out for a question (registered before its counts), and who registered them.
ALTER TABLE event_question ADD COLUMN paper_ballots BIGINT CHECK (paper_ballots >= 0);
ALTER TABLE event_question ADD COLUMN paper_ballots_by VARCHAR(100);

-- A paper count entered and not yet confirmed: one entry per question at a time, never in a result.
CREATE TABLE event_paper_pending (
    poll_id    UUID          NOT NULL REFERENCES poll (id),
    option_id  BIGINT        NOT NULL REFERENCES answer_option (id),
    votes      BIGINT        NOT NULL CHECK (votes >= 0),
    entered_by VARCHAR(100)  NOT NULL,
    entered_at TIMESTAMPTZ   NOT NULL,
    PRIMARY KEY (poll_id, option_id)
);
-- Who confirmed the counts that stand (null: entered before four eyes).
ALTER TABLE event_paper_count ADD COLUMN confirmed_by VARCHAR(100);
ALTER TABLE event_paper_count ADD COLUMN confirmed_at TIMESTAMPTZ;
