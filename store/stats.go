package store

import (
	"context"
	"database/sql"
	"os"
)

// Stats summarises a store.
type Stats struct {
	Documents  int
	TextBytes  int64 // the texts' bytes, uncompressed
	Words      int64
	First      string // earliest publication date, "" when none is known
	Last       string
	Undated    int // documents without a publication date
	Entities   int
	Quotes     int
	Events     int
	Timexes    int
	Quantities int
	Flags      int
	Errors     int
	// ByOutlet counts documents per outlet (the URL's host; "" for
	// documents without a URL), most first.
	ByOutlet  []Count
	FileBytes int64 // the store's size on disk, write-ahead log included
}

// Count is a name and how many.
type Count struct {
	Name string
	N    int
}

// Stats counts what the store holds.
func (s *Store) Stats(ctx context.Context) (Stats, error) {
	var st Stats
	var first, last sql.NullString
	err := s.db.QueryRowContext(ctx, `SELECT count(*), coalesce(sum(text_bytes), 0), coalesce(sum(words), 0),
		min(published), max(published), count(*) - count(published) FROM documents`).
		Scan(&st.Documents, &st.TextBytes, &st.Words, &first, &last, &st.Undated)
	if err != nil {
		return st, s.explain("reading", err)
	}
	st.First, st.Last = first.String, last.String
	for _, c := range []struct {
		table string
		n     *int
	}{{"entities", &st.Entities}, {"quotes", &st.Quotes}, {"events", &st.Events}, {"timexes", &st.Timexes},
		{"quantities", &st.Quantities}, {"flags", &st.Flags}, {"errors", &st.Errors}} {
		if err := s.db.QueryRowContext(ctx, "SELECT count(*) FROM "+c.table).Scan(c.n); err != nil {
			return st, s.explain("reading", err)
		}
	}
	rows, err := s.db.QueryContext(ctx, "SELECT coalesce(outlet, ''), count(*) AS c FROM documents GROUP BY 1 ORDER BY c DESC, 1")
	if err != nil {
		return st, s.explain("reading", err)
	}
	defer rows.Close()
	for rows.Next() {
		var c Count
		if err := rows.Scan(&c.Name, &c.N); err != nil {
			return st, s.explain("reading", err)
		}
		st.ByOutlet = append(st.ByOutlet, c)
	}
	if s.b.sizeQuery != "" {
		if err := s.db.QueryRowContext(ctx, s.b.sizeQuery).Scan(&st.FileBytes); err != nil {
			return st, s.explain("reading", err)
		}
		return st, rows.Err()
	}
	for _, suffix := range []string{"", "-wal"} {
		if fi, err := os.Stat(s.path + suffix); err == nil {
			st.FileBytes += fi.Size()
		}
	}
	return st, rows.Err()
}
