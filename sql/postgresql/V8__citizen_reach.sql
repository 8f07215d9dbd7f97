-- mVoting V8: reaching citizens. "Polls I am invited to" finds a citizen's LISTED polls by voter key; an app
-- installation says which language its notifications should be in (Korean unless it asks for English).
CREATE INDEX poll_listed_voter_voter ON poll_listed_voter (voter_key);
ALTER TABLE push_installation ADD COLUMN language VARCHAR(8) NOT NULL DEFAULT 'ko';
ALTER TABLE push_installation ADD CONSTRAINT push_installation_language CHECK (language IN ('ko', 'en'));
