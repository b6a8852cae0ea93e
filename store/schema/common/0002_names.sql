-- Names: every distinct canonical name of an entity, kept by a trigger
-- (schema/<backend>/0002_names.sql) as entities are stored. A question by
-- name ("dossier quotes --speaker Nebenzia") finds the names holding its
-- words in the small full-text index over this table, then the quotes,
-- events and entities of those names through their indexes, instead of
-- reading every entity (package query).
CREATE TABLE names (
    id   INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE
);
INSERT INTO names (name) SELECT DISTINCT name FROM entities;
-- the actors of a name, read from the index alone
CREATE INDEX entities_name_actor ON entities (name, actor);
