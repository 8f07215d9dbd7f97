-- mVoting V22: what is written once stays written, even for the application's own login.
--
-- Why: with one database login for migrations and the application, whoever holds that login (or gets code running
-- in the server) can edit or delete audit events, participation rows, ballots and checkpoints. Migrations now run
-- as the schema owner and the application as a separate role (SchemaMigration grants it SELECT and INSERT here,
-- never UPDATE, DELETE or TRUNCATE: the grants follow the deployment's role name, which no migration knows). The
-- trigger below is the second lock: it refuses UPDATE, DELETE and TRUNCATE on these tables to anyone but the table's
-- owner, so a later careless GRANT, or a superuser working as another role, does not open them either.
-- The tables that carry the trigger ARE the list of append-only tables: SchemaMigration reads it from the catalogue.
CREATE FUNCTION mvoting_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    owner_name NAME;
BEGIN
    SELECT pg_get_userbyid(relowner) INTO owner_name FROM pg_class WHERE oid = TG_RELID;
    IF current_user <> owner_name THEN
        RAISE EXCEPTION 'mVoting: % on % refused: its rows are written once (only the schema owner % may change them)',
            TG_OP, TG_TABLE_NAME, owner_name USING ERRCODE = 'insufficient_privilege';
    END IF;
    IF TG_LEVEL = 'STATEMENT' THEN
        RETURN NULL;
    END IF;
    RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
END
$$;

DO $$
DECLARE
    t TEXT;
BEGIN
    FOREACH t IN ARRAY ARRAY['audit_event', 'audit_checkpoint', 'participation', 'device_participation', 'ballot',
                             'ballot_choice', 'final_tally', 'ballot_quarantine'] LOOP
        EXECUTE format('CREATE TRIGGER mvoting_append_only BEFORE UPDATE OR DELETE ON %I'
                       ' FOR EACH ROW EXECUTE FUNCTION mvoting_refuse_change()', t);
        EXECUTE format('CREATE TRIGGER mvoting_append_only_truncate BEFORE TRUNCATE ON %I'
                       ' FOR EACH STATEMENT EXECUTE FUNCTION mvoting_refuse_change()', t);
    END LOOP;
END
$$;
