-- mVoting V4: the optional citizen panel profile, given with explicit consent and withdrawn by deleting it.
-- It holds coarse strata only (gender, autonomous district, birth year) and never the phone number; ballots
-- stay anonymous whatever happens to the profile.
CREATE TABLE citizen_profile (
    citizen_id      UUID        PRIMARY KEY REFERENCES citizen (id) ON DELETE CASCADE,
    gender          VARCHAR(16) NOT NULL,
    district        VARCHAR(24) NOT NULL,
    birth_year      SMALLINT    NOT NULL,
    consented_at    TIMESTAMPTZ NOT NULL,
    consent_version VARCHAR(16) NOT NULL,
    updated_at      TIMESTAMPTZ NOT NULL,
    CONSTRAINT citizen_profile_birth_year CHECK (birth_year BETWEEN 1900 AND 2100)
);

-- The poll the city features at the city-hall QR code (one slot per place).
CREATE TABLE featured_poll (
    place       VARCHAR(16)  PRIMARY KEY,
    poll_id     UUID         NOT NULL REFERENCES poll (id),
    featured_by VARCHAR(100) NOT NULL,
    featured_at TIMESTAMPTZ  NOT NULL
);

-- "My participation history" looks a citizen's polls up by voter key (the primary key leads with the poll).
CREATE INDEX participation_voter ON participation (voter_key);
