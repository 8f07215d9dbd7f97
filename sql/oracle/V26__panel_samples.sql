-- mVoting V26 for Oracle: PANEL_SAMPLE designs, quota cells, the draw, panel contacts and per-stratum counts
-- (see postgresql/V26__panel_samples.sql).
CREATE TABLE panel_contact (
    citizen_id   RAW(16)          PRIMARY KEY REFERENCES citizen_profile (citizen_id) ON DELETE CASCADE,
    voter_key    RAW(32)          NOT NULL,
    phone_sealed RAW(128),
    phone_masked VARCHAR2(32 CHAR),
    updated_at   TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE TABLE sample_design (
    poll_id               RAW(16)             PRIMARY KEY REFERENCES poll (id),
    kind                  VARCHAR2(16 CHAR)   NOT NULL,
    dimensions            VARCHAR2(40 CHAR)   NOT NULL,
    target_per_cell       NUMBER(10),
    total_n               NUMBER(10),
    census_version        NUMBER(10),
    filter_gender         VARCHAR2(16 CHAR),
    filter_min_age        NUMBER(5),
    filter_max_age        NUMBER(5),
    filter_districts      VARCHAR2(1000 CHAR),
    overdraw              NUMBER(5)           NOT NULL,
    replace_after_minutes NUMBER(10)          NOT NULL,
    link_base             VARCHAR2(500 CHAR),
    seed                  RAW(32),
    algorithm             VARCHAR2(300 CHAR),
    drawn_at              TIMESTAMP WITH TIME ZONE,
    updated_by            VARCHAR2(100 CHAR)  NOT NULL,
    updated_at            TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT sample_design_kind CHECK (kind IN ('TARGETS', 'PROPORTIONAL'))
);

CREATE TABLE sample_cell (
    poll_id RAW(16)           NOT NULL REFERENCES sample_design (poll_id),
    cell    VARCHAR2(64 CHAR) NOT NULL,
    target  NUMBER(10)        NOT NULL,
    filled  NUMBER(10)        NOT NULL,
    PRIMARY KEY (poll_id, cell),
    CONSTRAINT sample_cell_target CHECK (target >= 0),
    CONSTRAINT sample_cell_quota CHECK (filled >= 0 AND filled <= target)
);

CREATE TABLE sample_member (
    poll_id    RAW(16)           NOT NULL REFERENCES sample_design (poll_id),
    citizen_id RAW(16)           NOT NULL,
    cell       VARCHAR2(64 CHAR) NOT NULL,
    draw_rank  NUMBER(10)        NOT NULL,
    voter_key  RAW(32)           NOT NULL,
    district   VARCHAR2(24 CHAR) NOT NULL,
    gender     VARCHAR2(16 CHAR) NOT NULL,
    age_band   NUMBER(5)         NOT NULL,
    invited_at TIMESTAMP WITH TIME ZONE,
    PRIMARY KEY (poll_id, citizen_id),
    CONSTRAINT sample_member_rank UNIQUE (poll_id, cell, draw_rank)
);
CREATE INDEX sample_member_voter ON sample_member (poll_id, voter_key);

ALTER TABLE ballot ADD (stratum_district VARCHAR2(24 CHAR), stratum_gender VARCHAR2(16 CHAR), stratum_age_band NUMBER(5));

CREATE TABLE stratum_tally (
    poll_id   RAW(16)           NOT NULL,
    district  VARCHAR2(24 CHAR) NOT NULL,
    gender    VARCHAR2(16 CHAR) NOT NULL,
    age_band  NUMBER(5)         NOT NULL,
    option_id NUMBER(19)        NOT NULL,
    votes     NUMBER(19)        NOT NULL,
    PRIMARY KEY (poll_id, district, gender, age_band, option_id)
);
