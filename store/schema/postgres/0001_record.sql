-- Full-text search, PostgreSQL: the counterpart of schema/sqlite/0001's
-- FTS5 table. The common tables come from schema/common with their types
-- mapped (migrate.go: pgTypes). One row per document with two tsvectors
-- ('simple' configuration: words lower-cased, no stemming, as FTS5's
-- unicode61 tokenizer does): body (the title weighted A, the text D) and
-- quotes (the quotes' contents), each with a GIN index. As in SQLite, the
-- text itself is kept once, compressed, in documents.text.
CREATE TABLE doc_fts (
    doc    BIGINT PRIMARY KEY REFERENCES documents (doc) ON DELETE CASCADE,
    body   TSVECTOR NOT NULL,
    quotes TSVECTOR NOT NULL
);
CREATE INDEX doc_fts_body ON doc_fts USING GIN (body);
CREATE INDEX doc_fts_quotes ON doc_fts USING GIN (quotes);
