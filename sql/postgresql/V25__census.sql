-- mVoting V25: the census tables a city uploads for panel samples and weighted results (issue 17). A table is never
-- edited: a new upload is a new version, so a poll's design and its weights name the exact table they used. Each
-- cell is one stratum: district (SeoulDistrict), gender (FEMALE, MALE) and 10-year age band (10 = 14-19, 20 = 20-29,
-- ..., 70 = 70 and over: the panel starts at 14). An illustrative table (the demo's) says so wherever it is shown.
CREATE TABLE census_table (
    id           UUID         PRIMARY KEY,
    version      INTEGER      NOT NULL UNIQUE,
    title        VARCHAR(200) NOT NULL,
    source       VARCHAR(500) NOT NULL,
    illustrative BOOLEAN      NOT NULL,
    uploaded_by  VARCHAR(100) NOT NULL,
    uploaded_at  TIMESTAMPTZ  NOT NULL
);

CREATE TABLE census_cell (
    census_id  UUID        NOT NULL REFERENCES census_table (id),
    district   VARCHAR(24) NOT NULL,
    gender     VARCHAR(16) NOT NULL,
    age_band   SMALLINT    NOT NULL,
    population BIGINT      NOT NULL,
    PRIMARY KEY (census_id, district, gender, age_band),
    CONSTRAINT census_cell_population CHECK (population >= 0),
    CONSTRAINT census_cell_age_band CHECK (age_band IN (10, 20, 30, 40, 50, 60, 70))
);
