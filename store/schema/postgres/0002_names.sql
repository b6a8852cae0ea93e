-- The names table (schema/common/0002_names.sql) kept in step with the
-- entities stored, as schema/sqlite/0002's trigger does, and a GIN index
-- over its words in place of SQLite's name_fts.
CREATE FUNCTION entities_names() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO names (name) VALUES (NEW.name) ON CONFLICT (name) DO NOTHING;
    RETURN NEW;
END $$;
CREATE TRIGGER entities_names AFTER INSERT ON entities FOR EACH ROW EXECUTE FUNCTION entities_names();
CREATE INDEX names_words ON names USING GIN (to_tsvector('simple', name));
