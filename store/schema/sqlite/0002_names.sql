-- The full-text index over names (schema/common/0002_names.sql), and the
-- triggers that keep names and its index in step with the entities stored.
CREATE VIRTUAL TABLE name_fts USING fts5 (name, content = 'names', content_rowid = 'id');
INSERT INTO name_fts (name_fts) VALUES ('rebuild');
CREATE TRIGGER entities_names AFTER INSERT ON entities BEGIN
    INSERT OR IGNORE INTO names (name) VALUES (new.name);
END;
CREATE TRIGGER names_fts AFTER INSERT ON names BEGIN
    INSERT INTO name_fts (rowid, name) VALUES (new.id, new.name);
END;
