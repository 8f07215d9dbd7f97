-- mVoting V28: the policy cycle (issue 17 part 7). What a city poll led to: agenda -> decision -> execution ->
-- evaluation, each step dated (a day in the city's calendar), with a short text and an optional PDF, entered by the
-- poll's department and shown publicly beside its results. Nothing here is ever edited: a correction is a new row that
-- names the row it replaces (replaces_id), so the public page shows the current text and the history stays readable;
-- the tables carry the append-only trigger of V22 (the application's role may only read and add rows).
CREATE TABLE policy_step (
    id          UUID         PRIMARY KEY,
    poll_id     UUID         NOT NULL REFERENCES poll (id),
    stage       VARCHAR(16)  NOT NULL,
    occurred_on DATE         NOT NULL,
    summary     VARCHAR(500) NOT NULL,
    replaces_id UUID         REFERENCES policy_step (id),
    recorded_by VARCHAR(100) NOT NULL,
    recorded_at TIMESTAMPTZ  NOT NULL,
    CONSTRAINT policy_step_stage CHECK (stage IN ('AGENDA', 'DECISION', 'EXECUTION', 'EVALUATION')),
    -- a step is corrected once: its correction is corrected in turn, so the history is a chain, not a tree
    CONSTRAINT policy_step_replaced_once UNIQUE (replaces_id)
);
CREATE INDEX policy_step_poll ON policy_step (poll_id, recorded_at);

-- A step's document: a PDF kept in the database (like a results summary's), attached once to one step.
CREATE TABLE policy_document (
    step_id     UUID         PRIMARY KEY REFERENCES policy_step (id),
    file_name   VARCHAR(200) NOT NULL,
    byte_size   INTEGER      NOT NULL,
    sha256      BYTEA        NOT NULL,
    content     BYTEA        NOT NULL,
    attached_by VARCHAR(100) NOT NULL,
    attached_at TIMESTAMPTZ  NOT NULL
);

-- Once per poll: the first DECISION step tells the citizens who took part (push and, for LISTED polls, SMS); the
-- primary key makes a second decision, a correction or a retried request notify nobody again.
CREATE TABLE policy_decision_notice (
    poll_id     UUID        PRIMARY KEY REFERENCES poll (id),
    step_id     UUID        NOT NULL REFERENCES policy_step (id),
    pushes      INTEGER     NOT NULL,
    texts       INTEGER     NOT NULL,
    notified_at TIMESTAMPTZ NOT NULL
);

DO $$
DECLARE
    t TEXT;
BEGIN
    FOREACH t IN ARRAY ARRAY['policy_step', 'policy_document', 'policy_decision_notice'] LOOP
        EXECUTE format('CREATE TRIGGER mvoting_append_only BEFORE UPDATE OR DELETE ON %I'
                       ' FOR EACH ROW EXECUTE FUNCTION mvoting_refuse_change()', t);
        EXECUTE format('CREATE TRIGGER mvoting_append_only_truncate BEFORE TRUNCATE ON %I'
                       ' FOR EACH STATEMENT EXECUTE FUNCTION mvoting_refuse_change()', t);
    END LOOP;
END
$$;
