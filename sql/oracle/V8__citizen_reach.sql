-- mVoting V8 for Oracle: invited-poll lookup and per-installation push language (see postgresql/V8__citizen_reach.sql).
CREATE INDEX poll_listed_voter_voter ON poll_listed_voter (voter_key);
ALTER TABLE push_installation ADD (language VARCHAR2(8 CHAR) DEFAULT 'ko' NOT NULL);
ALTER TABLE push_installation ADD CONSTRAINT push_installation_language CHECK (language IN ('ko', 'en'));
