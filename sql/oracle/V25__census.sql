-- mVoting V25 for Oracle: the census tables for panel samples and weighted results (see postgresql/V25__census.sql).
CREATE TABLE census_table (
    id           RAW(16)            PRIMARY KEY,
    version      NUMBER(10)         NOT NULL UNIQUE,
    title        VARCHAR2(200 CHAR) NOT NULL,
    source       VARCHAR2(500 CHAR) NOT NULL,
    illustrative NUMBER(1)          NOT NULL,
    uploaded_by  VARCHAR2(100 CHAR) NOT NULL,
    uploaded_at  TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE TABLE census_cell (
    census_id  RAW(16)           NOT NULL REFERENCES census_table (id),
    district   VARCHAR2(24 CHAR) NOT NULL,
    gender     VARCHAR2(16 CHAR) NOT NULL,
    age_band   NUMBER(5)         NOT NULL,
    population NUMBER(19)        NOT NULL,
    PRIMARY KEY (census_id, district, gender, age_band),
    CONSTRAINT census_cell_population CHECK (population >= 0),
    CONSTRAINT census_cell_age_band CHECK (age_band IN (10, 20, 30, 40, 50, 60, 70))
);
