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
	// Full-text rows: insert a document's (rowid, title, text, quotes).
	insertDocText string
	// The count of indexed rows, to check the index is in step.
	countDocText string
	// Orphans: indexed rows whose document is gone.
	orphanDocText string
	// returning: the documents INSERT gives the new doc by RETURNING
	// (PostgreSQL) rather than LastInsertId.
	returning bool
	// migrateLock, when set, is run first in each migration's transaction
	// so that processes opening a new store at once migrate it once.
	migrateLock string
	// sizeQuery, when set, gives the store's size in bytes (a SQLite
	// store's is its files').
	sizeQuery string
	// structureCheck and foreignKeyCheck, when set, are the database's own
	// checks (Check): rows of messages ("ok" when sound), and a count of
	// orphan rows. PostgreSQL enforces foreign keys on every write.
	structureCheck, foreignKeyCheck string
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
		// The writer's batches touch more pages than the default cache
		// holds; spilling them mid-batch writes them twice.
		q.Add("_pragma", "cache_size(-65536)")
		// Statement journals in memory: a multi-row INSERT keeps one (to
		// undo itself on an error), and on disk it was a quarter of the
		// writer's time in pwrite calls.
		q.Add("_pragma", "temp_store(MEMORY)")
		if readOnly {
			q.Add("_pragma", "query_only(1)")
		} else {
			q.Add("_pragma", "journal_mode(WAL)")
			// Checkpoint every 8,000 pages (32 MB) rather than 1,000: a
			// page written by several batches is copied to the file once.
			q.Add("_pragma", "wal_autocheckpoint(8000)")
			q.Set("_txlock", "immediate")
		}
		return "file:" + url.PathEscape(path) + "?" + q.Encode()
	},
	tableExists:     "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = ?",
	insertDocText:   "INSERT INTO doc_fts (rowid, title, text, quotes) VALUES (?, ?, ?, ?)",
	countDocText:    "SELECT count(*) FROM doc_fts_docsize",
	orphanDocText:   "SELECT count(*) FROM doc_fts_docsize WHERE id NOT IN (SELECT doc FROM documents)",
	structureCheck:  "PRAGMA quick_check",
	foreignKeyCheck: "SELECT count(*) FROM pragma_foreign_key_check",
}

func now() string { return time.Now().UTC().Format(time.RFC3339) }
