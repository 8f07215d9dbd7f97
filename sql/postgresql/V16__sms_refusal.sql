-- mVoting V16: refused SMS requests, counted for the operators (issue 14, SMS pumping): per day in the city's zone,
-- reason, where from and to whom, both masked (203.0.113.x or an IPv6 /48; +82 10-****-5678), never in full.
CREATE TABLE sms_refusal (
    refused_on  DATE        NOT NULL,
    reason      VARCHAR(32) NOT NULL,
    origin      VARCHAR(64) NOT NULL,
    destination VARCHAR(32) NOT NULL,
    refusals    INTEGER     NOT NULL,
    last_at     TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (refused_on, reason, origin, destination),
    CONSTRAINT sms_refusal_reason CHECK (reason IN ('ADDRESS_LIMIT', 'NUMBER_LIMIT', 'DAILY_BUDGET', 'COUNTRY'))
);
