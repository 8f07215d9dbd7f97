-- mvoting-benchmark (diagnostic): every statement of one cast as the app issues it, raw, one transaction:
-- the shared advisory lock on the poll, the poll read, participation, ballot, ballot_choice and the
-- tally-slot upsert (see BallotBoxService.cast, AdvisoryLocks and BallotLedger). The gap between this
-- rate and two-inserts.sql is the cost of the extra statements; the gap between this rate and the
-- sustained Gatling rate is what WildFly, JPA, JSON and HTTP cost on the same two cores.
-- Usage: pgbench -n -f full-vote-path.sql -D poll=<uuid> -c 16 -j 2 -T 30 mvoting_bench
\set slot random(0, 15)
\set option random(1, 3)
BEGIN;
SELECT count(*) FROM (SELECT pg_advisory_xact_lock_shared(1297481729, hashtext(':poll'))) AS l;
SELECT id, status, opens_at, closes_at, version FROM poll WHERE id = ':poll'::uuid;
INSERT INTO participation (poll_id, voter_key, channel, voted_on, sealed_receipt)
    VALUES (':poll'::uuid, uuid_send(gen_random_uuid()) || uuid_send(gen_random_uuid()), 'APP', current_date,
            uuid_send(gen_random_uuid()) || uuid_send(gen_random_uuid()) || uuid_send(gen_random_uuid())
              || uuid_send(gen_random_uuid()) || uuid_send(gen_random_uuid()))
    ON CONFLICT DO NOTHING;
SELECT gen_random_uuid() AS ballot_id \gset
INSERT INTO ballot (id, poll_id, receipt, cast_hour)
    VALUES (':ballot_id'::uuid, ':poll'::uuid, upper(substr(replace(gen_random_uuid()::text, '-', ''), 1, 16)),
            date_trunc('hour', now()));
INSERT INTO ballot_choice (ballot_id, option_id, preference_rank, points)
    VALUES (':ballot_id'::uuid, :option, NULLIF(0, 0), 1);
INSERT INTO tally_slot (poll_id, option_id, slot, votes, points)
    VALUES (':poll'::uuid, 0, :slot, 1, 0), (':poll'::uuid, :option, :slot, 1, 1)
    ON CONFLICT (poll_id, option_id, slot) DO UPDATE
    SET votes = tally_slot.votes + EXCLUDED.votes, points = tally_slot.points + EXCLUDED.points;
END;
