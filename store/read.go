package store

import (
	"context"
	"database/sql"
	"fmt"

	"github.com/dossier-news/dossier/doc"
)

// Get returns the stored document with this external id, as extract made
// it, with its corpus links (story, duplicate_of, entity actors) from the
// columns that linking writes. ErrNotFound when there is none.
func (s *Store) Get(ctx context.Context, id string) (*doc.Document, error) {
	k, ok, err := s.Lookup(ctx, id)
	if err != nil {
		return nil, s.explain("reading", err)
	}
	if !ok {
		return nil, fmt.Errorf("%q: %w", id, ErrNotFound)
	}
	return s.Doc(ctx, k.Doc)
}

// Doc returns the stored document with this internal id (documents.doc),
// as Get does.
func (s *Store) Doc(ctx context.Context, n int64) (*doc.Document, error) {
	var ds []*doc.Document
	err := s.load(ctx, "WHERE doc = ?", []any{n}, func(_ int64, d *doc.Document) error {
		ds = append(ds, d)
		return nil
	})
	if err != nil {
		return nil, err
	}
	if len(ds) == 0 {
		return nil, fmt.Errorf("document #%d: %w", n, ErrNotFound)
	}
	return ds[0], nil
}

// eachBatch is how many documents Each reads per query: enough to make the
// queries cheap, few enough that memory stays flat and no read
// transaction stays open long.
const eachBatch = 256

// Each calls fn for every stored document in the order stored, with its
// internal id, as Get returns them. It stops at fn's first error. Memory
// stays flat: documents are read a batch at a time.
func (s *Store) Each(ctx context.Context, fn func(n int64, d *doc.Document) error) error {
	last := int64(0)
	for {
		got := 0
		err := s.load(ctx, "WHERE doc > ? ORDER BY doc LIMIT ?", []any{last, eachBatch}, func(n int64, d *doc.Document) error {
			got++
			last = n
			return fn(n, d)
		})
		if err != nil {
			return err
		}
		if got < eachBatch {
			return nil
		}
	}
}

// load decodes the documents that a WHERE clause selects and gives them
// their corpus links.
func (s *Store) load(ctx context.Context, where string, args []any, fn func(int64, *doc.Document) error) error {
	rows, err := s.db.QueryContext(ctx, "SELECT doc, text, layers, story, duplicate_of FROM documents "+where, args...)
	if err != nil {
		return s.explain("reading", err)
	}
	type row struct {
		n int64
		d *doc.Document
	}
	var batch []row
	lo, hi := int64(-1), int64(-1)
	for rows.Next() {
		var n int64
		var textZ, layersZ []byte
		var story, dup sql.NullString
		if err := rows.Scan(&n, &textZ, &layersZ, &story, &dup); err != nil {
			rows.Close()
			return s.explain("reading", err)
		}
		d, err := decodeStored(textZ, layersZ)
		if err != nil {
			rows.Close()
			return fmt.Errorf("store %s, document #%d: %w (run \"dossier check --db %s\")", s.path, n, err, s.path)
		}
		d.Story, d.DuplicateOf = story.String, dup.String
		batch = append(batch, row{n, d})
		if lo < 0 || n < lo {
			lo = n
		}
		hi = max(hi, n)
	}
	if err := rows.Close(); err != nil {
		return s.explain("reading", err)
	}
	if err := rows.Err(); err != nil {
		return s.explain("reading", err)
	}
	if len(batch) == 0 {
		return nil
	}
	byDoc := make(map[int64]*doc.Document, len(batch))
	for _, r := range batch {
		byDoc[r.n] = r.d
	}
	if err := s.loadActors(ctx, lo, hi, byDoc); err != nil {
		return err
	}
	if err := s.loadFacts(ctx, lo, hi, byDoc); err != nil {
		return err
	}
	for _, r := range batch {
		if err := fn(r.n, r.d); err != nil {
			return err
		}
	}
	return nil
}

// loadActors sets Entity.Actor from the entities table for the documents
// with internal ids in [lo, hi].
func (s *Store) loadActors(ctx context.Context, lo, hi int64, byDoc map[int64]*doc.Document) error {
	rows, err := s.db.QueryContext(ctx, "SELECT doc, n, actor FROM entities WHERE entity BETWEEN ? AND ? AND actor IS NOT NULL", lo*maxFacts, hi*maxFacts+maxFacts-1)
	if err != nil {
		return s.explain("reading", err)
	}
	defer rows.Close()
	for rows.Next() {
		var n int64
		var i int
		var actor string
		if err := rows.Scan(&n, &i, &actor); err != nil {
			return s.explain("reading", err)
		}
		if d := byDoc[n]; d != nil && i >= 0 && i < len(d.Entities) {
			d.Entities[i].Actor = actor
		}
	}
	return rows.Err()
}

// ErrorRow is one recorded input failure.
type ErrorRow struct {
	Source, ID, Message, Time string
}

// Errors lists the recorded failures, oldest first.
func (s *Store) Errors(ctx context.Context) ([]ErrorRow, error) {
	rows, err := s.db.QueryContext(ctx, "SELECT source, coalesce(doc_id, ''), message, time FROM errors ORDER BY id")
	if err != nil {
		return nil, s.explain("reading", err)
	}
	defer rows.Close()
	var out []ErrorRow
	for rows.Next() {
		var e ErrorRow
		if err := rows.Scan(&e.Source, &e.ID, &e.Message, &e.Time); err != nil {
			return nil, s.explain("reading", err)
		}
		out = append(out, e)
	}
	return out, rows.Err()
}
