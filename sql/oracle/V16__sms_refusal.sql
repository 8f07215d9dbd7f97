-- mVoting V16 for Oracle: refused SMS requests counted for the operators (see postgresql/V16__sms_refusal.sql).
CREATE TABLE sms_refusal (
    refused_on  DATE                     NOT NULL,
    reason      VARCHAR2(32 CHAR)        NOT NULL,
    origin      VARCHAR2(64 CHAR)        NOT NULL,
    destination VARCHAR2(32 CHAR)        NOT NULL,
    refusals    NUMBER(10)               NOT NULL,
    last_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (refused_on, reason, origin, destination),
    CONSTRAINT sms_refusal_reason CHECK (reason IN ('ADDRESS_LIMIT', 'NUMBER_LIMIT', 'DAILY_BUDGET', 'COUNTRY'))
);
