-- mvoting-benchmark (sizing): the mixer's statements for one batch, raw, one transaction, as BallotMixer issues them:
-- the sealed ballots taken from the inbox (DELETE ... RETURNING, SKIP LOCKED), one clear ballot each in random order
-- (fresh id, a 14-character receipt, the hour), one ballot_choice per ballot (one mark), the tally upsert. Used by
-- per-ballot-costs.sh to measure WAL and storage per mixed ballot; the decryption in WildFly is not part of it.
-- Usage: psql -v poll=<uuid> -v batch=250 -f mixer-move.sql mvoting_bench
BEGIN;
CREATE TEMP TABLE taken ON COMMIT DROP AS
  WITH t AS (DELETE FROM ballot_inbox WHERE id IN (SELECT id FROM ballot_inbox WHERE poll_id = :'poll'::uuid
                                                   LIMIT :batch FOR UPDATE SKIP LOCKED)
             RETURNING id)
  SELECT gen_random_uuid() AS id,
         upper(substr(md5(random()::text), 1, 4) || '-' || substr(md5(random()::text), 1, 4) || '-'
               || substr(md5(random()::text), 1, 4)) AS receipt
  FROM t;
INSERT INTO ballot (id, poll_id, receipt, cast_hour)
  SELECT id, :'poll'::uuid, receipt, date_trunc('hour', now()) FROM taken ORDER BY random();
INSERT INTO ballot_choice (ballot_id, option_id, preference_rank, points)
  SELECT id, 1 + (random() * 2)::int, NULL, 1 FROM taken;
INSERT INTO tally_slot (poll_id, option_id, slot, votes, points)
  SELECT :'poll'::uuid, o, 0, 1, 1 FROM generate_series(0, 3) o
  ON CONFLICT (poll_id, option_id, slot) DO UPDATE
  SET votes = tally_slot.votes + EXCLUDED.votes, points = tally_slot.points + EXCLUDED.points;
COMMIT;
