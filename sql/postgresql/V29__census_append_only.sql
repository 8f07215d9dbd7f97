-- mVoting V29: a census table is never edited (V25): a sample's allocation and a weighted result name the version
-- they used, so its rows must stay as they were. census_table and census_cell join the append-only tables of V22:
-- the application's role may read and add rows, and the trigger refuses UPDATE, DELETE and TRUNCATE to all but the
-- owner. A correction is the next version.
DO $$
DECLARE
    t TEXT;
BEGIN
    FOREACH t IN ARRAY ARRAY['census_table', 'census_cell'] LOOP
        EXECUTE format('CREATE TRIGGER mvoting_append_only BEFORE UPDATE OR DELETE ON %I'
                       ' FOR EACH ROW EXECUTE FUNCTION mvoting_refuse_change()', t);
        EXECUTE format('CREATE TRIGGER mvoting_append_only_truncate BEFORE TRUNCATE ON %I'
                       ' FOR EACH STATEMENT EXECUTE FUNCTION mvoting_refuse_change()', t);
    END LOOP;
END
$$;
