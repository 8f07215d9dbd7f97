-- mVoting V24: which node of a cluster runs each once-per-cluster job (issue 16): the mixer, poll closing, the
-- hall's clock, the outbox sweep, the directory sync and the clean-ups. A node runs a job only while it holds the
-- job's lease; it renews the lease as it runs, and when the node dies the lease runs out and another node takes it.
-- Times are the database's clock, so nodes whose clocks differ still agree. One row per job, written only by
-- ClusterLeases; the holder is the node's name (jboss.node.name), nothing about any voter.
CREATE TABLE cluster_lease (
    job        VARCHAR(64)  PRIMARY KEY,
    holder     VARCHAR(128) NOT NULL,
    expires_at TIMESTAMPTZ  NOT NULL,
    held_since TIMESTAMPTZ  NOT NULL
);
