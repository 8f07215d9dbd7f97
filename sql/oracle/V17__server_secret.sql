-- mVoting V17 for Oracle: the server secret's fingerprint (see postgresql/V17__server_secret.sql).
CREATE TABLE server_secret (
    id          NUMBER(5)    PRIMARY KEY,
    fingerprint VARCHAR2(64 CHAR) NOT NULL,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT server_secret_one_row CHECK (id = 1)
);
