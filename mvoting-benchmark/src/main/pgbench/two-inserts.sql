-- mvoting-benchmark: the cast's two inserts, raw, one transaction per vote (as the app commits one
-- transaction per cast): the participation row (ON CONFLICT DO NOTHING on (poll, voter key)) and the sealed
-- ballot in ballot_inbox. Random 32-byte voter key, random ~80-byte sealed payloads, one poll for all clients.
-- Usage: pgbench -n -f two-inserts.sql -D poll=<uuid> -c 16 -j 2 -T 30 mvoting_bench
-- The app's statements: mvoting-ejb/.../persistence/BallotLedger.java (recordParticipation, recordSealedBallot).
BEGIN;
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
