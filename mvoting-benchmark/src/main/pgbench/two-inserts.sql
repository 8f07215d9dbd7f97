-- mvoting-benchmark: the vote path's two essential inserts, raw, one transaction per vote (as the app
-- commits one transaction per cast). Random voter key (32 bytes), random ballot id and receipt, the same
-- poll for every client. Usage: pgbench -n -f two-inserts.sql -D poll=<uuid> -c 16 -j 2 -T 30 mvoting_bench
-- The app's statements are in mvoting-ejb/.../persistence/BallotLedger.java (recordParticipation, recordBallot).
BEGIN;
INSERT INTO participation (poll_id, voter_key, channel, voted_on, sealed_receipt)
    VALUES (':poll'::uuid, uuid_send(gen_random_uuid()) || uuid_send(gen_random_uuid()), 'APP', current_date,
            uuid_send(gen_random_uuid()) || uuid_send(gen_random_uuid()) || uuid_send(gen_random_uuid())
              || uuid_send(gen_random_uuid()) || uuid_send(gen_random_uuid()))
    ON CONFLICT DO NOTHING;
INSERT INTO ballot (id, poll_id, receipt, cast_hour)
    VALUES (gen_random_uuid(), ':poll'::uuid, upper(substr(replace(gen_random_uuid()::text, '-', ''), 1, 16)),
            date_trunc('hour', now()));
END;
