package store

import (
	"context"
	"fmt"

	"github.com/dossier-news/dossier/doc"
)

// Problem is one thing wrong with a store, with what to do about it.
type Problem struct {
	What string
	Fix  string
}

func (p Problem) String() string { return p.What + ": " + p.Fix }

// restore is the advice when the store's own structure is damaged.
const restore = "restore the last backup (docs/STORE.md: VACUUM INTO), or ingest the sources again into a new store with --db"

// Check verifies a store's integrity: the schema version, the database
// file's own structure, foreign keys (no orphan rows), the full-text
// indexes in step with the documents and quotes, and every stored
// document decoding into a valid document whose facts match its rows.
// progress, when not nil, is called every few thousand documents. It
// returns the problems found (none: the store is sound); the error is for
// a store that cannot be read at all.
func (s *Store) Check(ctx context.Context, progress func(done int)) ([]Problem, error) {
	var out []Problem
	add := func(fix, format string, args ...any) { out = append(out, Problem{fmt.Sprintf(format, args...), fix}) }
	v, err := s.Version(ctx)
	if err != nil {
		return nil, err
	}
	if v != Latest {
		add("open it with this dossier for writing to migrate it, or use the dossier that wrote it", "schema version %d, this dossier expects %d", v, Latest)
		return out, nil
	}
	if s.b.structureCheck != "" {
		rows, err := s.db.QueryContext(ctx, s.b.structureCheck)
		if err != nil {
			return nil, s.explain("checking", err)
		}
		for rows.Next() {
			var msg string
			rows.Scan(&msg)
			if msg != "ok" {
				add(restore, "database structure: %s", msg)
			}
		}
		rows.Close()
	}
	var orphans int
	if s.b.foreignKeyCheck != "" {
		if err := s.db.QueryRowContext(ctx, s.b.foreignKeyCheck).Scan(&orphans); err != nil {
			return nil, s.explain("checking", err)
		}
	}
	if orphans > 0 {
		add(restore, "%d row(s) of facts refer to no stored document (orphans)", orphans)
	}
	out = append(out, s.checkText(ctx)...)
	dp, err := s.checkDocs(ctx, progress)
	if err != nil {
		return nil, err
	}
	return append(out, dp...), nil
}

// checkText compares the full-text index with the documents.
func (s *Store) checkText(ctx context.Context) []Problem {
	var out []Problem
	for _, c := range []struct{ table, count, indexed, orphans string }{
		{"documents", "SELECT count(*) FROM documents", s.b.countDocText, s.b.orphanDocText},
	} {
		var rows, indexed, orphans int
		err := s.db.QueryRowContext(ctx, c.count).Scan(&rows)
		if err == nil {
			err = s.db.QueryRowContext(ctx, c.indexed).Scan(&indexed)
		}
		if err == nil {
			err = s.db.QueryRowContext(ctx, c.orphans).Scan(&orphans)
		}
		if err != nil {
			out = append(out, Problem{fmt.Sprintf("the full-text index of %s cannot be read: %v", c.table, err), restore})
			continue
		}
		if rows != indexed || orphans > 0 {
			out = append(out, Problem{fmt.Sprintf("the full-text index of %s is out of step: %d rows, %d indexed, %d indexed rows without their row", c.table, rows, indexed, orphans), restore})
		}
	}
	return out
}

// factCounts are the relational rows a document's layers should have.
var factCounts = []struct {
	table string
	n     func(d *doc.Document) int
}{
	{"entities", func(d *doc.Document) int { return len(d.Entities) }},
	{"quotes", func(d *doc.Document) int { return len(d.Quotes) }},
	{"events", func(d *doc.Document) int { return len(d.Events) }},
	{"timexes", func(d *doc.Document) int { return len(d.Timexes) }},
	{"quantities", func(d *doc.Document) int { return len(d.Quantities) }},
	{"flags", func(d *doc.Document) int { return len(d.Flags) }},
}

// checkDocs decodes every stored document and compares its layers with its
// rows. It reports at most a few problems of each kind.
func (s *Store) checkDocs(ctx context.Context, progress func(int)) ([]Problem, error) {
	counts := make([]map[int64]int, len(factCounts))
	for i, f := range factCounts {
		m, err := s.countByDoc(ctx, f.table)
		if err != nil {
			return nil, err
		}
		counts[i] = m
	}
	var out []Problem
	bad := 0
	done := 0
	last := int64(0)
	for {
		var batch []int64
		rows, err := s.db.QueryContext(ctx, "SELECT doc FROM documents WHERE doc > ? ORDER BY doc LIMIT ?", last, eachBatch)
		if err != nil {
			return nil, s.explain("checking", err)
		}
		for rows.Next() {
			var n int64
			rows.Scan(&n)
			batch = append(batch, n)
		}
		rows.Close()
		if len(batch) == 0 {
			break
		}
		last = batch[len(batch)-1]
		for _, n := range batch {
			d, err := s.Doc(ctx, n)
			if err == nil {
				err = d.Validate()
			}
			if err == nil {
				for i, f := range factCounts {
					if got, want := counts[i][n], f.n(d); got != want {
						err = fmt.Errorf("%d %s rows, its layers hold %d", got, f.table, want)
						break
					}
				}
			}
			if err != nil {
				bad++
				if bad <= 5 {
					out = append(out, Problem{fmt.Sprintf("stored document #%d: %v", n, err), restore})
				}
			}
			done++
			if progress != nil && done%5000 == 0 {
				progress(done)
			}
		}
	}
	if bad > 5 {
		out = append(out, Problem{fmt.Sprintf("%d stored documents in all are damaged", bad), restore})
	}
	return out, nil
}

func (s *Store) countByDoc(ctx context.Context, table string) (map[int64]int, error) {
	rows, err := s.db.QueryContext(ctx, "SELECT doc, count(*) FROM "+table+" GROUP BY doc")
	if err != nil {
		return nil, s.explain("checking", err)
	}
	defer rows.Close()
	m := map[int64]int{}
	for rows.Next() {
		var n int64
		var c int
		if err := rows.Scan(&n, &c); err != nil {
			return nil, s.explain("checking", err)
		}
		m[n] = c
	}
	return m, rows.Err()
}
