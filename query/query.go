// Package query holds every question Dossier answers about its store, as Go
// functions: Search (full text over articles and quotes), Quotes, Events,
// Figures, Actor, Actors and Timeline. The command line calls them, and so
// will the API and the web pages: nothing else asks the store questions,
// so a fact is computed in one place.
//
// Every answer carries its evidence: the document's id and the byte offsets
// of the text it was read from, with that text. Names are matched through
// the resolved speaker or actor, not the words as written: a quote whose
// source is "he" is found under the name of the entity "he" was resolved
// to, and when linking has grouped entities into corpus-wide actors
// (entities.actor), under every name of the actor.
//
// Filters common to every question (Filter): Since and Until (by the
// fact's own date where it has one, else the publication date), Source
// (the outlet or the source a document was read from) and Limit. Answers
// come in a stable order: newest stored first (ingest stores a corpus in
// publication order), unless said otherwise.
package query

import (
	"context"
	"database/sql"
	"fmt"
	"strings"
	"time"

	"github.com/dossier-news/dossier/store"
)

// DefaultLimit is how many answers a question gives when Limit is 0.
const DefaultLimit = 20

// Filter narrows any question.
type Filter struct {
	// Since and Until bound the date of each fact, inclusive: a year
	// (2024), a month (2024-03) or a day (2024-03-12). A fact's date is
	// its own where it has one (an event's), else its document's
	// publication date; a fact with neither is left out when a bound is
	// given.
	Since, Until string
	// Source keeps the documents of one outlet ("example.org", the URL's
	// host) or read from one source (a path, a feed URL).
	Source string
	// Limit caps the answers; 0 is DefaultLimit.
	Limit int
}

// bounds are a Filter's dates as half-open day strings: since <= date <
// before. Empty strings are open ends.
type bounds struct{ since, before string }

// Check validates a filter's dates and returns its bounds.
func (f Filter) bounds() (bounds, error) {
	var b bounds
	if f.Since != "" {
		t, _, err := parseBound(f.Since)
		if err != nil {
			return b, fmt.Errorf("--since %q: %w", f.Since, err)
		}
		b.since = t.Format("2006-01-02")
	}
	if f.Until != "" {
		t, unit, err := parseBound(f.Until)
		if err != nil {
			return b, fmt.Errorf("--until %q: %w", f.Until, err)
		}
		switch unit {
		case "year":
			t = t.AddDate(1, 0, 0)
		case "month":
			t = t.AddDate(0, 1, 0)
		default:
			t = t.AddDate(0, 0, 1)
		}
		b.before = t.Format("2006-01-02")
	}
	if b.since != "" && b.before != "" && b.since >= b.before {
		return b, fmt.Errorf("--since %s is after --until %s: nothing can match", f.Since, f.Until)
	}
	return b, nil
}

// parseBound reads 2024, 2024-03 or 2024-03-12.
func parseBound(s string) (time.Time, string, error) {
	for _, l := range []struct{ layout, unit string }{{"2006-01-02", "day"}, {"2006-01", "month"}, {"2006", "year"}} {
		if t, err := time.Parse(l.layout, s); err == nil {
			return t, l.unit, nil
		}
	}
	return time.Time{}, "", fmt.Errorf("not a date: give a year (2024), a month (2024-03) or a day (2024-03-12)")
}

// in reports whether a day (YYYY-MM-DD, or a longer ISO date-time) lies
// within the bounds. An unknown date lies within open bounds only.
func (b bounds) in(day string) bool {
	if day == "" {
		return b.since == "" && b.before == ""
	}
	if len(day) > 10 {
		day = day[:10]
	}
	return (b.since == "" || day >= b.since) && (b.before == "" || day < b.before)
}

func (f Filter) limit() int {
	if f.Limit <= 0 {
		return DefaultLimit
	}
	return f.Limit
}

// where builds the SQL conditions of a filter over the documents table
// aliased d, by publication date (for facts without a date of their own)
// when byPublished.
type where struct {
	conds []string
	args  []any
}

func (w *where) add(cond string, args ...any) {
	w.conds = append(w.conds, cond)
	w.args = append(w.args, args...)
}

// in adds "col IN (?, ?, ...)" for vals.
func (w *where) in(col string, vals []string) {
	marks := strings.TrimSuffix(strings.Repeat("?, ", len(vals)), ", ")
	w.conds = append(w.conds, col+" IN ("+marks+")")
	for _, v := range vals {
		w.args = append(w.args, v)
	}
}

func (w *where) sql() string {
	if len(w.conds) == 0 {
		return ""
	}
	return " WHERE " + strings.Join(w.conds, " AND ")
}

// documentFilter adds a filter's source condition, and its dates by
// publication when byPublished.
func (w *where) documentFilter(f Filter, b bounds, byPublished bool) {
	if f.Source != "" {
		w.add("(d.outlet = ? OR d.source = ?)", f.Source, f.Source)
	}
	if !byPublished {
		return
	}
	if b.since != "" {
		w.add("d.published >= ?", b.since)
	}
	if b.before != "" {
		w.add("d.published < ?", b.before)
	}
}

// Doc is the document an answer comes from.
type Doc struct {
	ID        string `json:"id"`
	Title     string `json:"title,omitempty"`
	URL       string `json:"url,omitempty"`
	Outlet    string `json:"outlet,omitempty"`
	Published string `json:"published,omitempty"`
	Story     string `json:"story,omitempty"`
	n         int64  // documents.doc
}

// docColumns are the columns that fill a Doc, from documents aliased d.
const docColumns = "d.doc, d.id, coalesce(d.title, ''), coalesce(d.url, ''), coalesce(d.outlet, ''), coalesce(d.published, ''), coalesce(d.story, '')"

func (d *Doc) scanArgs() []any {
	return []any{&d.n, &d.ID, &d.Title, &d.URL, &d.Outlet, &d.Published, &d.Story}
}

// Evidence is a stretch of a document's text: byte offsets, end exclusive.
type Evidence struct {
	Start int    `json:"start"`
	End   int    `json:"end"`
	Text  string `json:"text"`
}

// texts caches the texts of the documents one answer reads.
type texts struct {
	s *store.Store
	m map[int64]string
}

func newTexts(s *store.Store) *texts { return &texts{s: s, m: map[int64]string{}} }

func (t *texts) get(ctx context.Context, n int64) (string, error) {
	if s, ok := t.m[n]; ok {
		return s, nil
	}
	s, err := t.s.Text(ctx, n)
	if err != nil {
		return "", err
	}
	t.m[n] = s
	return s, nil
}

// evidence cuts [start, end) out of document n's text, checking the
// offsets: a store whose offsets do not fit its text is damaged.
func (t *texts) evidence(ctx context.Context, n int64, start, end int) (Evidence, error) {
	s, err := t.get(ctx, n)
	if err != nil {
		return Evidence{}, err
	}
	if start < 0 || end > len(s) || start > end {
		return Evidence{}, fmt.Errorf("document #%d: offsets %d-%d lie outside its %d bytes of text: the store is damaged (run \"dossier check\")", n, start, end, len(s))
	}
	return Evidence{start, end, s[start:end]}, nil
}

// ftsQuery turns what a user typed into an FTS5 query that cannot fail to
// parse: every word and every "quoted phrase" becomes a quoted phrase, a
// word ending in * a prefix, and all must match. The terms are returned
// too, for highlighting.
func ftsQuery(s string) (string, []term) {
	var parts []string
	var terms []term
	add := func(text string, prefix bool) {
		words := tokens(text)
		if len(words) == 0 {
			return
		}
		// The store's index has no positions (detail=column, for size:
		// docs/STORE.md), so a phrase asks for all its words, and the
		// callers keep the hits whose text holds the phrase (hasAll).
		p := `"` + strings.Join(words, `" AND "`) + `"`
		if prefix {
			p += " *"
		}
		if len(words) > 1 {
			p = "(" + p + ")"
		}
		parts = append(parts, p)
		terms = append(terms, term{words: words, prefix: prefix})
	}
	for len(s) > 0 {
		s = strings.TrimLeft(s, " \t\r\n")
		if s == "" {
			break
		}
		if s[0] == '"' {
			end := strings.IndexByte(s[1:], '"')
			if end < 0 {
				add(s[1:], false)
				break
			}
			add(s[1:1+end], false)
			s = s[2+end:]
			continue
		}
		end := strings.IndexAny(s, " \t\r\n\"")
		if end < 0 {
			end = len(s)
		}
		w := s[:end]
		add(strings.TrimSuffix(w, "*"), strings.HasSuffix(w, "*"))
		s = s[end:]
	}
	return strings.Join(parts, " AND "), terms
}

// term is one word or phrase of a query, its words lower-cased as the
// full-text index keeps them.
type term struct {
	words  []string
	prefix bool // the last word is a prefix
}

// tokens splits text into lower-cased words as FTS5's unicode61 tokenizer
// does: letters and digits make words, everything else separates them.
func tokens(text string) []string {
	return strings.FieldsFunc(strings.ToLower(text), func(r rune) bool { return !isWordRune(r) })
}

func isWordRune(r rune) bool {
	return r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r >= 'A' && r <= 'Z' || r > 127 && r != '\u2019' && r != '\u2018' && r != '\u201c' && r != '\u201d' && r != '\u2014' && r != '\u2013' && r != '\u00a0'
}

// scanRows runs a query and calls fn after scanning each row into dest.
func scanRows(ctx context.Context, db *sql.DB, q string, args []any, dest []any, fn func() (bool, error)) error {
	rows, err := db.QueryContext(ctx, q, args...)
	if err != nil {
		return fmt.Errorf("query: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		if err := rows.Scan(dest...); err != nil {
			return fmt.Errorf("query: %w", err)
		}
		more, err := fn()
		if err != nil {
			return err
		}
		if !more {
			break
		}
	}
	return rows.Err()
}
