-- mVoting V24 for Oracle: which node runs each once-per-cluster job (see postgresql/V24__cluster_lease.sql).
CREATE TABLE cluster_lease (
    job        VARCHAR2(64 CHAR)  PRIMARY KEY,
    holder     VARCHAR2(128 CHAR) NOT NULL,
    expires_at TIMESTAMP WITH TIME ZONE NOT NULL,
    held_since TIMESTAMP WITH TIME ZONE NOT NULL
);
