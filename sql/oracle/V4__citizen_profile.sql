-- mVoting V4 for Oracle: citizen panel profile and featured poll (see postgresql/V4__citizen_profile.sql).
CREATE TABLE citizen_profile (
    citizen_id      RAW(16)       PRIMARY KEY REFERENCES citizen (id) ON DELETE CASCADE,
    gender          VARCHAR2(16 CHAR)  NOT NULL,
    district        VARCHAR2(24 CHAR)  NOT NULL,
    birth_year      NUMBER(5)     NOT NULL,
    consented_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    consent_version VARCHAR2(16 CHAR)  NOT NULL,
    updated_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT citizen_profile_birth_year CHECK (birth_year BETWEEN 1900 AND 2100)
);
CREATE TABLE featured_poll (
    place       VARCHAR2(16 CHAR)  PRIMARY KEY,
    poll_id     RAW(16)       NOT NULL REFERENCES poll (id),
    featured_by VARCHAR2(100 CHAR) NOT NULL,
    featured_at TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX participation_voter ON participation (voter_key);
