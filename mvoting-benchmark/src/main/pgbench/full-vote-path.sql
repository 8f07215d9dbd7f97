-- mvoting-benchmark (diagnostic): every statement of one cast as the app issues it, raw, one transaction:
-- the shared advisory lock on the poll, the poll read, the participation row and the sealed inbox ballot
-- (see BallotBoxService.cast, AdvisoryLocks and BallotLedger). The gap between this rate and the sustained
-- Gatling rate is what WildFly, JPA, JSON and HTTP cost on the same two cores.
-- Usage: pgbench -n -f full-vote-path.sql -D poll=<uuid> -c 16 -j 2 -T 30 mvoting_bench
BEGIN;
SELECT count(*) FROM (SELECT pg_advisory_xact_lock_shared(1297481729, hashtext(':poll'))) AS l;
SELECT id, status, opens_at, closes_at, version FROM poll WHERE id = ':poll'::uuid;
INSERT INTO participation (poll_id, voter_key, channel, voted_on, sealed_receipt)
    VALUES (':poll'::uuid, uuid_send(gen_random_uuid()) || uuid_send(gen_random_uuid()), 'APP', current_date,
            uuid_send(gen_random_uuid()) || uuid_send(gen_random_uuid()) || uuid_send(gen_random_uuid())
              || uuid_send(gen_random_uuid()))
    ON CONFLICT DO NOTHING;
INSERT INTO ballot_inbox (id, poll_id, receipt_key, sealed_ballot)
    VALUES (gen_random_uuid(), ':poll'::uuid, uuid_send(gen_random_uuid()) || uuid_send(gen_random_uuid()),
            uuid_send(gen_random_uuid()) || uuid_send(gen_random_uuid()) || uuid_send(gen_random_uuid())
              || uuid_send(gen_random_uuid()) || uuid_send(gen_random_uuid()));
END;
