-- mVoting V23: when each sealed ballot entered the inbox, so monitoring can see the mixer's lag (issue 16: the age of
-- the oldest waiting ballot, served on /metrics).
--
-- Why this reveals nothing new: a waiting row is already tied to its participation row by the transaction that wrote
-- both (xmin), which is why the ballot is sealed while it waits; the mixer deletes the row, and its time with it,
-- when it moves the ballot into the clear tables. The cast's transaction time is what the default gives.
ALTER TABLE ballot_inbox ADD COLUMN queued_at TIMESTAMPTZ NOT NULL DEFAULT CURRENT_TIMESTAMP;
