package store

import (
	"context"
	"embed"
	"fmt"
	"io/fs"
	"path"
	"sort"
	"strconv"
	"strings"
)

// The schema is a numbered series of SQL files: schema/common/NNNN_name.sql
// (portable) and schema/<backend>/NNNN_name.sql (what only that backend
// can say, such as full-text search). Version N is both files N, applied
// in one transaction and recorded in schema_version. A new version is a
// new pair of files; a released file is never edited.
//
//go:embed schema
var schemaFS embed.FS

// Latest is the schema version this binary writes.
var Latest = latestVersion()

func latestVersion() int {
	max := 0
	for _, dir := range []string{"schema/common", "schema/sqlite", "schema/postgres"} {
		ents, _ := fs.ReadDir(schemaFS, dir)
		for _, e := range ents {
			if n, ok := versionOf(e.Name()); ok && n > max {
				max = n
			}
		}
	}
	return max
}

// versionOf reads N from "NNNN_name.sql".
func versionOf(name string) (int, bool) {
	num, _, ok := strings.Cut(name, "_")
	if !ok || !strings.HasSuffix(name, ".sql") {
		return 0, false
	}
	n, err := strconv.Atoi(num)
	return n, err == nil && n > 0
}

// migrationSQL returns the statements of version n for the backend.
func migrationSQL(backend string, n int) (string, error) {
	var parts []string
	for _, dir := range []string{"schema/common", "schema/" + backend} {
		ents, _ := fs.ReadDir(schemaFS, dir)
		sort.Slice(ents, func(i, j int) bool { return ents[i].Name() < ents[j].Name() })
		for _, e := range ents {
			if v, ok := versionOf(e.Name()); ok && v == n {
				b, err := schemaFS.ReadFile(path.Join(dir, e.Name()))
				if err != nil {
					return "", err
				}
				parts = append(parts, commonFor(backend, string(b)))
			}
		}
	}
	if len(parts) == 0 {
		return "", fmt.Errorf("schema version %d has no SQL file (a bug in Dossier's build)", n)
	}
	return strings.Join(parts, "\n"), nil
}

// Version returns the store's schema version (0 for an empty database).
func (s *Store) Version(ctx context.Context) (int, error) {
	var n int
	err := s.db.QueryRowContext(ctx, s.b.tableExists, "schema_version").Scan(&n)
	if err != nil {
		return 0, s.explain("reading", err)
	}
	if n == 0 {
		return 0, nil
	}
	var v int
	if err := s.db.QueryRowContext(ctx, "SELECT coalesce(max(version), 0) FROM schema_version").Scan(&v); err != nil {
		return 0, s.explain("reading the schema version of", err)
	}
	return v, nil
}

func errNewer(path string, v int) error {
	return fmt.Errorf("store %s has schema version %d, newer than this dossier knows (%d): upgrade dossier (go install github.com/dossier-news/dossier/cmd/dossier@latest) to open it", path, v, Latest)
}

// migrate brings the schema up to Latest, one version per transaction.
// The transaction takes the write lock first (BEGIN IMMEDIATE), so two
// processes opening a new store at once migrate it once.
func (s *Store) migrate(ctx context.Context) error {
	for {
		tx, err := s.db.BeginTx(ctx, nil)
		if err != nil {
			return s.explain("migrating", err)
		}
		if s.b.migrateLock != "" {
			if _, err := tx.ExecContext(ctx, s.b.migrateLock); err != nil {
				tx.Rollback()
				return s.explain("migrating", err)
			}
		}
		if _, err := tx.ExecContext(ctx, "CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL, applied TEXT NOT NULL)"); err != nil {
			tx.Rollback()
			return s.explain("migrating", err)
		}
		var v int
		if err := tx.QueryRowContext(ctx, "SELECT coalesce(max(version), 0) FROM schema_version").Scan(&v); err != nil {
			tx.Rollback()
			return s.explain("migrating", err)
		}
		if v > Latest {
			tx.Rollback()
			return errNewer(s.path, v)
		}
		if v == Latest {
			if err := tx.Commit(); err != nil {
				return s.explain("migrating", err)
			}
			return nil
		}
		q, err := migrationSQL(s.b.name, v+1)
		if err != nil {
			tx.Rollback()
			return err
		}
		if _, err := tx.ExecContext(ctx, q); err != nil {
			tx.Rollback()
			return s.explain(fmt.Sprintf("migrating to schema version %d", v+1), err)
		}
		if _, err := tx.ExecContext(ctx, "INSERT INTO schema_version (version, applied) VALUES (?, ?)", v+1, now()); err != nil {
			tx.Rollback()
			return s.explain("migrating", err)
		}
		if err := tx.Commit(); err != nil {
			return s.explain("migrating", err)
		}
	}
}
