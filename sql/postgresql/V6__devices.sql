-- mVoting V6: devices and rate limits. A device is what the app or the mobile web's long-lived cookie says it
-- is; only a keyed hash of its identifier is stored. A device-level (unauthenticated) poll takes one ballot
-- per device, and a device a citizen signed in on counts as that citizen.

-- First sign-in on a device binds it to that citizen's voter key; later sign-ins by others do not move it.
CREATE TABLE device_binding (
    device_key BYTEA       PRIMARY KEY,
    voter_key  BYTEA       NOT NULL,
    bound_at   TIMESTAMPTZ NOT NULL
);
CREATE INDEX device_binding_voter ON device_binding (voter_key);

-- Devices that cast a ballot in a device-level poll (beside the voter's participation row): the primary key
-- is "one vote per device". No foreign key to poll, for the same reason as participation.
CREATE TABLE device_participation (
    poll_id    UUID  NOT NULL,
    device_key BYTEA NOT NULL,
    PRIMARY KEY (poll_id, device_key)
);

-- Fixed-window counters for rate limits: one row per limited subject (a keyed hash, never an address in
-- clear) and window. Old windows are deleted by the hourly clean-up.
CREATE TABLE rate_limit_window (
    bucket       VARCHAR(96) NOT NULL,
    window_start TIMESTAMPTZ NOT NULL,
    hits         INTEGER     NOT NULL,
    PRIMARY KEY (bucket, window_start)
);
CREATE INDEX rate_limit_window_start ON rate_limit_window (window_start);
