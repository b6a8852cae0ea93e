// Package store keeps analysed documents in a database: the record that
// Dossier's questions are asked of. The default backend is a SQLite file
// (pure Go, modernc.org/sqlite, with FTS5), created when absent, in WAL mode;
// the schema is versioned SQL embedded in the binary (schema/), portable
// except for the full-text part, so that a PostgreSQL backend can follow.
//
// Each document is kept twice over, for two jobs (docs/STORE.md):
//   - its text and its extract JSON (with the text left out), compressed:
//     the source of truth, read back with doc.Decode, so that "dossier show"
//     and "dossier export" print exactly what "dossier extract" printed;
//   - relational rows for each fact (entities, quotes, events, event
//     arguments, timexes, quantities, flags) with their byte offsets, and
//     full-text indexes over title and text and over quote content, for
//     queries.
//
// One writer at a time (Tx, inside the lock that LockWriter takes); any
// number of readers, which WAL lets run beside the writer.
package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"os"
	"strings"
	"syscall"
)

// DefaultPath is the store used when no --db is given.
const DefaultPath = "dossier.db"

// Options control how a store is opened.
type Options struct {
	// ReadOnly opens an existing store for reading: it is never created or
	// migrated, and a missing file is an error.
	ReadOnly bool
}

// Store is an open store.
type Store struct {
	db   *sql.DB
	path string
	b    *backend
}

// ErrNotFound is returned when no stored document has the id asked for.
var ErrNotFound = errors.New("no stored document has this id")

// Open opens the store at path, creating it and bringing its schema up to
// date unless o.ReadOnly. A store written by a newer Dossier (a higher
// schema version) is refused: its layout is unknown to this binary.
func Open(path string, o Options) (*Store, error) {
	if path == "" {
		path = DefaultPath
	}
	if IsPostgres(path) {
		return openPostgres(path, o)
	}
	if o.ReadOnly {
		if _, err := os.Stat(path); err != nil {
			if errors.Is(err, os.ErrNotExist) {
				return nil, fmt.Errorf("no store at %s: create one with \"dossier ingest --db %s SOURCE...\", or name another with --db", path, path)
			}
			return nil, fmt.Errorf("store %s: %w", path, err)
		}
	}
	if !o.ReadOnly {
		if err := writable(path); err != nil {
			return nil, err
		}
	}
	return openWith(sqliteBackend, path, path, o)
}

// openWith opens the database at dsn (named by name in messages) with the
// backend b and prepares its schema.
func openWith(b *backend, dsn, name string, o Options) (*Store, error) {
	db, err := sql.Open(b.driver, b.dsn(dsn, o.ReadOnly))
	if err != nil {
		return nil, fmt.Errorf("opening store %s: %w", name, err)
	}
	s := &Store{db: db, path: name, b: b}
	err = s.prepare(context.Background(), o)
	if o.ReadOnly && errors.Is(err, errOlder) && writable(dsn) == nil {
		// A reader of a store that an older dossier wrote brings its
		// schema up to date first, when it may write the file, so that
		// upgrading dossier does not stop "show" or "export".
		db.Close()
		w, werr := Open(dsn, Options{})
		if werr != nil {
			return nil, werr
		}
		w.Close()
		return Open(dsn, o)
	}
	if err != nil {
		db.Close()
		return nil, err
	}
	return s, nil
}

// errOlder marks a store whose schema is older than this binary's.
var errOlder = errors.New("older schema")

// writable checks that an existing store file can be written, so that a
// read-only file or disk gets a clear error rather than the database's
// "unable to open".
func writable(path string) error {
	f, err := os.OpenFile(path, os.O_RDWR, 0)
	if err == nil {
		return f.Close()
	}
	if errors.Is(err, os.ErrNotExist) {
		return nil
	}
	if errors.Is(err, syscall.EROFS) || errors.Is(err, os.ErrPermission) {
		return fmt.Errorf("store %s is read-only (%v): nothing can be added to it; make it writable, or ingest into a store elsewhere with --db", path, err)
	}
	return fmt.Errorf("store %s: %w", path, err)
}

// prepare checks the schema version and migrates a writable store.
func (s *Store) prepare(ctx context.Context, o Options) error {
	// A cheap read first: it turns "not a database" and permission
	// problems into one clear error before anything else.
	if _, err := s.db.ExecContext(ctx, "SELECT 1"); err != nil {
		return s.explain("opening", err)
	}
	if o.ReadOnly {
		v, err := s.Version(ctx)
		if err != nil {
			return err
		}
		if v > Latest {
			return errNewer(s.path, v)
		}
		if v < Latest {
			return fmt.Errorf("store %s has schema version %d, this dossier writes version %d: make the file writable once, or run \"dossier ingest --db %s\" with no source, to migrate it (%w)", s.path, v, Latest, s.path, errOlder)
		}
		return nil
	}
	return s.migrate(ctx)
}

// Path is the store's file.
func (s *Store) Path() string { return s.path }

// DB gives the database handle to packages that ask their own questions
// (query, link). Writes go through Tx.
func (s *Store) DB() *sql.DB { return s.db }

// Close closes the store.
func (s *Store) Close() error { return s.db.Close() }

// explain turns a database error into one that says what to do.
func (s *Store) explain(doing string, err error) error {
	msg := err.Error()
	switch {
	case contains(msg, "readonly", "read-only", "attempt to write a readonly database"):
		return fmt.Errorf("%s store %s: the file or its folder is read-only (%v): make it writable, or ingest into a store elsewhere with --db", doing, s.path, err)
	case contains(msg, "disk is full", "database or disk is full", "SQLITE_FULL", "no space left"):
		return fmt.Errorf("%s store %s: the disk is full (%v): free space and run the same command again; what was committed is kept", doing, s.path, err)
	case contains(msg, "file is not a database", "SQLITE_NOTADB"):
		return fmt.Errorf("%s store %s: this file is not a Dossier store (%v): name another file with --db", doing, s.path, err)
	case contains(msg, "unable to open", "cannot open", "CANTOPEN"):
		return fmt.Errorf("%s store %s: cannot open the file (%v): check that its folder exists and is writable", doing, s.path, err)
	case contains(msg, "database is locked", "SQLITE_BUSY"):
		return fmt.Errorf("%s store %s: another process holds the store (%v): wait for it to finish and run again", doing, s.path, err)
	}
	return fmt.Errorf("%s store %s: %w", doing, s.path, err)
}

func contains(s string, subs ...string) bool {
	s = strings.ToLower(s)
	for _, sub := range subs {
		if strings.Contains(s, strings.ToLower(sub)) {
			return true
		}
	}
	return false
}
