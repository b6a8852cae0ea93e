-- Full-text search, SQLite FTS5. Both tables are contentless (content=''):
-- the text is kept once, compressed, in documents.text; the index alone is
-- stored here, so snippets are cut from the decompressed text by the
-- caller. contentless_delete=1 lets a document's rows be removed.
-- doc_fts.rowid = documents.doc; quote_fts.rowid = quotes.quote.
CREATE VIRTUAL TABLE doc_fts USING fts5 (title, text, content = '', contentless_delete = 1);
CREATE VIRTUAL TABLE quote_fts USING fts5 (content, content = '', contentless_delete = 1);
