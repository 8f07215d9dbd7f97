-- mVoting V12 for Oracle: SMS opt-out (see postgresql/V12__opt_out.sql).
CREATE TABLE sms_opt_out (
    voter_key    RAW(32)                  PRIMARY KEY,
    opted_out_at TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE TABLE sms_opt_out_token (
    token     VARCHAR2(32 CHAR) PRIMARY KEY,
    voter_key RAW(32)      NOT NULL
);
