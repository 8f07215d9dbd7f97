-- mVoting V12: SMS opt-out for citizens' invitations. Every invitation a citizen's poll sends carries an opt-out
-- link; a number that opted out is never messaged again by anyone's citizen poll. Numbers are known here only by
-- their voter key (a keyed hash), never in clear.
CREATE TABLE sms_opt_out (
    voter_key     BYTEA       PRIMARY KEY,
    opted_out_at  TIMESTAMPTZ NOT NULL
);

-- The short token in an invitation's opt-out link, and the number (voter key) it stands for.
CREATE TABLE sms_opt_out_token (
    token     VARCHAR(32) PRIMARY KEY,
    voter_key BYTEA       NOT NULL
);
