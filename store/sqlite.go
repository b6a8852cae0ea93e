package store

import (
	"net/url"
	"time"

	_ "modernc.org/sqlite" // the "sqlite" database/sql driver: pure Go, FTS5 built in
)

// backend is what differs between databases: the driver, how to open it,
// and the SQL of full-text search. Everything else is the common schema.
type backend struct {
	name   string // the folder of its own migrations in schema/
	driver string
	dsn    func(path string, readOnly bool) string
	// tableExists counts the tables named by its one argument.
	tableExists string
	// Full-text rows: insert (rowid, columns...) and delete by rowid.
	insertDocText, deleteDocText     string
	insertQuoteText, deleteQuoteText string
	// Counts of indexed rows, to check the indexes are in step.
	countDocText, countQuoteText string
	// Orphans: indexed rows whose document or quote is gone.
	orphanDocText, orphanQuoteText string
}

// sqliteBackend is the default: one file, WAL mode (readers never wait for
// the writer), synchronous=NORMAL (a commit survives the process being
// killed; only a power cut may lose the last commits, never the file's
// consistency), foreign keys enforced, and a busy timeout so that a
// reader meeting a checkpoint waits instead of failing. Write transactions
// begin IMMEDIATE: they take the write lock at BEGIN, so two writers queue
// rather than deadlock.
var sqliteBackend = &backend{
	name:   "sqlite",
	driver: "sqlite",
	dsn: func(path string, readOnly bool) string {
		q := url.Values{}
		q.Add("_pragma", "busy_timeout(30000)")
		q.Add("_pragma", "foreign_keys(1)")
		q.Add("_pragma", "synchronous(NORMAL)")
		q.Add("_pragma", "cache_size(-16000)")
		if readOnly {
			q.Add("_pragma", "query_only(1)")
		} else {
			q.Add("_pragma", "journal_mode(WAL)")
			q.Set("_txlock", "immediate")
		}
		return "file:" + url.PathEscape(path) + "?" + q.Encode()
	},
	tableExists:     "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = ?",
	insertDocText:   "INSERT INTO doc_fts (rowid, title, text) VALUES (?, ?, ?)",
	deleteDocText:   "DELETE FROM doc_fts WHERE rowid = ?",
	insertQuoteText: "INSERT INTO quote_fts (rowid, content) VALUES (?, ?)",
	deleteQuoteText: "DELETE FROM quote_fts WHERE rowid = ?",
	countDocText:    "SELECT count(*) FROM doc_fts_docsize",
	countQuoteText:  "SELECT count(*) FROM quote_fts_docsize",
	orphanDocText:   "SELECT count(*) FROM doc_fts_docsize WHERE id NOT IN (SELECT doc FROM documents)",
	orphanQuoteText: "SELECT count(*) FROM quote_fts_docsize WHERE id NOT IN (SELECT quote FROM quotes)",
}

func now() string { return time.Now().UTC().Format(time.RFC3339) }
