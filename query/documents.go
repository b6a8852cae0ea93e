package query

// This file (the serve helper's) lists stored documents for the API and the
// pages: the one question that is about documents rather than facts.

import (
	"context"
	"fmt"
	"strings"

	"github.com/dossier-news/dossier/store"
)

// DocumentsFilter narrows a list of documents. Since and Until compare
// with the publication date as a prefix: "2024", "2024-03" or
// "2024-03-12", inclusive.
type DocumentsFilter struct {
	Since, Until string
	Source       string // the outlet (URL host) or the source read from
	Story        string // documents of one story (set by linking)
	// Before is a cursor: only documents stored before the one with this
	// internal id. 0 starts at the newest.
	Before int64
	Limit  int // 0 is 20; at most 1000
}

// DocumentSummary is one line of a list of documents.
type DocumentSummary struct {
	ID          string   `json:"id"`
	Title       string   `json:"title,omitempty"`
	URL         string   `json:"url,omitempty"`
	Outlet      string   `json:"outlet,omitempty"`
	Published   string   `json:"published,omitempty"`
	Ingested    string   `json:"ingested"`
	Quality     *float64 `json:"quality,omitempty"`
	Words       int      `json:"words"`
	Quotes      int      `json:"quotes"`
	Events      int      `json:"events"`
	Story       string   `json:"story,omitempty"`
	DuplicateOf string   `json:"duplicate_of,omitempty"`
	// Seq is the document's internal id: the cursor for the next page.
	Seq int64 `json:"-"`
}

// ListDocuments answers "what is stored": documents newest stored first,
// a page at a time. next is the cursor for the page after (0 when this is
// the last).
func ListDocuments(ctx context.Context, s *store.Store, f DocumentsFilter) (docs []DocumentSummary, next int64, err error) {
	limit := f.Limit
	if limit <= 0 {
		limit = 20
	}
	limit = min(limit, 1000)
	var conds []string
	var args []any
	add := func(c string, a ...any) { conds = append(conds, c); args = append(args, a...) }
	if f.Before > 0 {
		add("d.doc < ?", f.Before)
	}
	if f.Source != "" {
		add("(d.outlet = ? OR d.source = ?)", f.Source, f.Source)
	}
	if f.Story != "" {
		add("d.story = ?", f.Story)
	}
	if f.Since != "" {
		if err := CheckDate(f.Since); err != nil {
			return nil, 0, fmt.Errorf("since %q: %w", f.Since, err)
		}
		add("d.published >= ?", f.Since)
	}
	if f.Until != "" {
		if err := CheckDate(f.Until); err != nil {
			return nil, 0, fmt.Errorf("until %q: %w", f.Until, err)
		}
		// "~" sorts after every character of an ISO date, so that
		// "2024-03~" is above every day and time of March 2024.
		add("d.published < ?", f.Until+"~")
	}
	q := `SELECT d.doc, d.id, coalesce(d.title, ''), coalesce(d.url, ''), coalesce(d.outlet, ''), coalesce(d.published, ''),
		d.ingested, d.quality, d.words, coalesce(d.story, ''), coalesce(d.duplicate_of, ''),
		(SELECT count(*) FROM quotes q WHERE q.doc = d.doc), (SELECT count(*) FROM events e WHERE e.doc = d.doc)
		FROM documents d`
	if len(conds) > 0 {
		q += " WHERE " + strings.Join(conds, " AND ")
	}
	q += " ORDER BY d.doc DESC LIMIT ?"
	args = append(args, limit+1)
	rows, err := s.DB().QueryContext(ctx, q, args...)
	if err != nil {
		return nil, 0, fmt.Errorf("listing documents: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var d DocumentSummary
		var quality *float64
		if err := rows.Scan(&d.Seq, &d.ID, &d.Title, &d.URL, &d.Outlet, &d.Published, &d.Ingested, &quality, &d.Words,
			&d.Story, &d.DuplicateOf, &d.Quotes, &d.Events); err != nil {
			return nil, 0, fmt.Errorf("listing documents: %w", err)
		}
		d.Quality = quality
		docs = append(docs, d)
	}
	if err := rows.Err(); err != nil {
		return nil, 0, fmt.Errorf("listing documents: %w", err)
	}
	if len(docs) > limit {
		docs = docs[:limit]
		next = docs[limit-1].Seq
	}
	return docs, next, nil
}

// CheckDate checks that s is a year, a month or a day in ISO form.
func CheckDate(s string) error {
	const layout = "0000-00-00"
	if len(s) != 4 && len(s) != 7 && len(s) != 10 {
		return fmt.Errorf("not a date: give a year (2024), a month (2024-03) or a day (2024-03-12)")
	}
	for i := 0; i < len(s); i++ {
		if layout[i] == '-' && s[i] != '-' || layout[i] == '0' && (s[i] < '0' || s[i] > '9') {
			return fmt.Errorf("not a date: give a year (2024), a month (2024-03) or a day (2024-03-12)")
		}
	}
	return nil
}
