-- mVoting V26: PANEL_SAMPLE polls (issue 17, parts 2-4). A poll's sample design (approved with the poll), its quota
-- cells (target and filled: a cast reserves a slot with UPDATE ... WHERE filled < target, and the CHECK below makes an
-- overshoot impossible even for a bug), the seeded draw (who, which cell, which rank: re-run from the recorded seed it
-- gives the same people), how each panel member can be reached, the coarse stratum a ballot carries, and the
-- per-stratum counts the mixer keeps.

-- How a panel member is reached: the voter key their phone votes with (written when they join or sign in) and their
-- number, sealed like listed numbers (written at each sign-in while they are in the panel). Withdrawing from the panel
-- deletes the profile and, by the cascade, this row: no number is kept for someone who left.
CREATE TABLE panel_contact (
    citizen_id   UUID        PRIMARY KEY REFERENCES citizen_profile (citizen_id) ON DELETE CASCADE,
    voter_key    BYTEA       NOT NULL,
    phone_sealed BYTEA,
    phone_masked VARCHAR(32),
    updated_at   TIMESTAMPTZ NOT NULL
);

-- The design of a PANEL_SAMPLE poll, edited while the poll is a draft; seed, algorithm and drawn_at are written once,
-- by the draw at approval.
CREATE TABLE sample_design (
    poll_id               UUID         PRIMARY KEY REFERENCES poll (id),
    kind                  VARCHAR(16)  NOT NULL,
    dimensions            VARCHAR(40)  NOT NULL,
    target_per_cell       INTEGER,
    total_n               INTEGER,
    census_version        INTEGER,
    filter_gender         VARCHAR(16),
    filter_min_age        SMALLINT,
    filter_max_age        SMALLINT,
    filter_districts      VARCHAR(1000),
    overdraw              SMALLINT     NOT NULL,
    replace_after_minutes INTEGER      NOT NULL,
    link_base             VARCHAR(500),
    seed                  BYTEA,
    algorithm             VARCHAR(300),
    drawn_at              TIMESTAMPTZ,
    updated_by            VARCHAR(100) NOT NULL,
    updated_at            TIMESTAMPTZ  NOT NULL,
    CONSTRAINT sample_design_kind CHECK (kind IN ('TARGETS', 'PROPORTIONAL'))
);

-- One quota cell of a design: "GANGNAM/*/*" (district only), "*/FEMALE/40", "*/*/*" (no stratification).
CREATE TABLE sample_cell (
    poll_id UUID        NOT NULL REFERENCES sample_design (poll_id),
    cell    VARCHAR(64) NOT NULL,
    target  INTEGER     NOT NULL,
    filled  INTEGER     NOT NULL,
    PRIMARY KEY (poll_id, cell),
    CONSTRAINT sample_cell_target CHECK (target >= 0),
    CONSTRAINT sample_cell_quota CHECK (filled >= 0 AND filled <= target)
);

-- The draw: each drawn member's cell, rank in it, and stratum at the draw; invited_at once invited (ranks 1..target at
-- the draw, later ranks as replacements). This is the participation side: it never meets a ballot.
CREATE TABLE sample_member (
    poll_id    UUID        NOT NULL REFERENCES sample_design (poll_id),
    citizen_id UUID        NOT NULL,
    cell       VARCHAR(64) NOT NULL,
    draw_rank  INTEGER     NOT NULL,
    voter_key  BYTEA       NOT NULL,
    district   VARCHAR(24) NOT NULL,
    gender     VARCHAR(16) NOT NULL,
    age_band   SMALLINT    NOT NULL,
    invited_at TIMESTAMPTZ,
    PRIMARY KEY (poll_id, citizen_id),
    CONSTRAINT sample_member_rank UNIQUE (poll_id, cell, draw_rank)
);
CREATE INDEX sample_member_voter ON sample_member (poll_id, voter_key);

-- The coarse stratum a panel ballot carries (NULL for every other poll), written by the mixer with the clear ballot.
ALTER TABLE ballot ADD COLUMN stratum_district VARCHAR(24);
ALTER TABLE ballot ADD COLUMN stratum_gender VARCHAR(16);
ALTER TABLE ballot ADD COLUMN stratum_age_band SMALLINT;

-- Ballots (option_id 0) and choices per option, per stratum, kept by the mixer: results per stratum need no counting.
CREATE TABLE stratum_tally (
    poll_id   UUID        NOT NULL,
    district  VARCHAR(24) NOT NULL,
    gender    VARCHAR(16) NOT NULL,
    age_band  SMALLINT    NOT NULL,
    option_id BIGINT      NOT NULL,
    votes     BIGINT      NOT NULL,
    PRIMARY KEY (poll_id, district, gender, age_band, option_id)
);
