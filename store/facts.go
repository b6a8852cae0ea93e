package store

import (
	"context"
	"database/sql"
	"fmt"

	"github.com/dossier-news/dossier/doc"
)

// The quotes, timexes, quantities and flags of a stored document live in
// their rows alone (Encode leaves them out of the layers): loadFacts puts
// them back, in layer order, for the documents with internal ids in
// [lo, hi]. The round-trip tests hold the result to extract's bytes.
func (s *Store) loadFacts(ctx context.Context, lo, hi int64, byDoc map[int64]*doc.Document) error {
	from, to := lo*maxFacts, hi*maxFacts+maxFacts-1
	for _, f := range []struct {
		query string
		scan  func(*sql.Rows, map[int64]*doc.Document) error
	}{
		{`SELECT doc, n, kind, speaker, content_start, content_end, cue_start, cue_end, source_start, source_end, confidence
			FROM quotes WHERE quote BETWEEN ? AND ? ORDER BY quote`, scanQuote},
		{`SELECT doc, n, start, "end", type, value, granularity, anchor, mod FROM timexes WHERE timex BETWEEN ? AND ? ORDER BY timex`, scanTimex},
		{`SELECT doc, n, start, "end", value, bound, category, counts, unit, ordinal FROM quantities WHERE quantity BETWEEN ? AND ? ORDER BY quantity`, scanQuantity},
		{`SELECT doc, n, start, "end", kind, why FROM flags WHERE flag BETWEEN ? AND ? ORDER BY flag`, scanFlag},
	} {
		if err := s.eachFact(ctx, f.query, from, to, byDoc, f.scan); err != nil {
			return err
		}
	}
	return nil
}

// eachFact runs a query over a key range and scans each row into its
// document.
func (s *Store) eachFact(ctx context.Context, query string, from, to int64, byDoc map[int64]*doc.Document, scan func(*sql.Rows, map[int64]*doc.Document) error) error {
	rows, err := s.db.QueryContext(ctx, query, from, to)
	if err != nil {
		return s.explain("reading", err)
	}
	defer rows.Close()
	for rows.Next() {
		if err := scan(rows, byDoc); err != nil {
			return fmt.Errorf("store %s: %w (run \"dossier check --db %s\")", s.path, err, s.path)
		}
	}
	if err := rows.Err(); err != nil {
		return s.explain("reading", err)
	}
	return nil
}

// appendAt appends v as item n of a layer; rows come in key order, so a
// gap means a row is missing.
func appendAt[T any](layer *[]T, n int, v T, what string, docN int64) error {
	if n != len(*layer) {
		return fmt.Errorf("document #%d: %s %d is missing", docN, what, len(*layer))
	}
	*layer = append(*layer, v)
	return nil
}

func span(start, end sql.NullInt64) doc.Span {
	if !start.Valid || !end.Valid {
		return doc.Span{}
	}
	return doc.Span{Start: int(start.Int64), End: int(end.Int64)}
}

func scanQuote(rows *sql.Rows, byDoc map[int64]*doc.Document) error {
	var docN int64
	var n int
	var kind string
	var speaker, cs, ce, ss, se sql.NullInt64
	q := doc.Quote{Speaker: -1}
	if err := rows.Scan(&docN, &n, &kind, &speaker, &q.Content.Start, &q.Content.End, &cs, &ce, &ss, &se, &q.Confidence); err != nil {
		return err
	}
	d := byDoc[docN]
	if d == nil {
		return nil
	}
	q.Kind = doc.QuoteKind(kind)
	if speaker.Valid {
		q.Speaker = int(speaker.Int64 - docN*maxFacts)
	}
	q.Cue, q.Source = span(cs, ce), span(ss, se)
	return appendAt(&d.Quotes, n, q, "quote", docN)
}

func scanTimex(rows *sql.Rows, byDoc map[int64]*doc.Document) error {
	var docN int64
	var n int
	var x doc.Timex
	var gran, anchor, mod sql.NullString
	if err := rows.Scan(&docN, &n, &x.Start, &x.End, &x.Type, &x.Value, &gran, &anchor, &mod); err != nil {
		return err
	}
	d := byDoc[docN]
	if d == nil {
		return nil
	}
	x.Granularity, x.Anchor, x.Mod = gran.String, anchor.String, mod.String
	return appendAt(&d.Timexes, n, x, "timex", docN)
}

func scanQuantity(rows *sql.Rows, byDoc map[int64]*doc.Document) error {
	var docN int64
	var n int
	var q doc.Quantity
	var cat, counts, unit sql.NullString
	if err := rows.Scan(&docN, &n, &q.Start, &q.End, &q.Value, &q.Bound, &cat, &counts, &unit, &q.Ordinal); err != nil {
		return err
	}
	d := byDoc[docN]
	if d == nil {
		return nil
	}
	q.Category, q.Counts, q.Unit = cat.String, counts.String, unit.String
	return appendAt(&d.Quantities, n, q, "quantity", docN)
}

func scanFlag(rows *sql.Rows, byDoc map[int64]*doc.Document) error {
	var docN int64
	var n int
	var f doc.Flag
	var kind string
	var why sql.NullString
	if err := rows.Scan(&docN, &n, &f.Start, &f.End, &kind, &why); err != nil {
		return err
	}
	d := byDoc[docN]
	if d == nil {
		return nil
	}
	f.Kind, f.Why = doc.FlagKind(kind), why.String
	return appendAt(&d.Flags, n, f, "flag", docN)
}
