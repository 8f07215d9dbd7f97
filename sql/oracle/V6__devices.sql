-- mVoting V6 for Oracle: device bindings, device participation and rate-limit windows (see postgresql/V6__devices.sql).
CREATE TABLE device_binding (
    device_key RAW(32)                  PRIMARY KEY,
    voter_key  RAW(32)                  NOT NULL,
    bound_at   TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX device_binding_voter ON device_binding (voter_key);
CREATE TABLE device_participation (
    poll_id    RAW(16) NOT NULL,
    device_key RAW(32) NOT NULL,
    PRIMARY KEY (poll_id, device_key)
);
CREATE TABLE rate_limit_window (
    bucket       VARCHAR2(96 CHAR)             NOT NULL,
    window_start TIMESTAMP WITH TIME ZONE NOT NULL,
    hits         NUMBER(10)               NOT NULL,
    PRIMARY KEY (bucket, window_start)
);
CREATE INDEX rate_limit_window_start ON rate_limit_window (window_start);
