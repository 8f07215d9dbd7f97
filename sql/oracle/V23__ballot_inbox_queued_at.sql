-- mVoting V23 for Oracle: when each sealed ballot entered the inbox (see postgresql/V23__ballot_inbox_queued_at.sql).
ALTER TABLE ballot_inbox ADD (queued_at TIMESTAMP WITH TIME ZONE DEFAULT CURRENT_TIMESTAMP NOT NULL);
