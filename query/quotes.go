package query

import (
	"context"
	"database/sql"
	"fmt"
	"sort"
	"strings"

	"github.com/dossier-news/dossier/store"
)

// QuoteFilter asks for quotes.
type QuoteFilter struct {
	Filter
	// Speaker keeps the quotes whose resolved speaker bears the name
	// (Names says how a name matches), whatever the text says ("he").
	Speaker string
	// About keeps the quotes whose content holds these words (full text).
	About string
}

// Quote is one stored quote with its evidence.
type Quote struct {
	Doc     Doc      `json:"document"`
	N       int      `json:"n"` // the quote's index in its document
	Kind    string   `json:"kind"`
	Speaker string   `json:"speaker,omitempty"` // the resolved speaker's canonical name
	Actor   string   `json:"actor,omitempty"`   // the speaker's corpus-wide actor
	Source  string   `json:"source,omitempty"`  // the mention that says it, as written ("he")
	Cue     string   `json:"cue,omitempty"`
	Content Evidence `json:"content"`
}

// Quotes answers "what was said, by whom, where, when": the quotes that
// match, newest stored first (ingest stores a corpus in publication
// order), the later quotes of a document before the earlier.
func Quotes(ctx context.Context, s *store.Store, f QuoteFilter) ([]Quote, error) {
	b, err := f.bounds()
	if err != nil {
		return nil, err
	}
	var w where
	var names []string
	if f.Speaker != "" {
		names, err = Names(ctx, s.DB(), f.Speaker)
		if err != nil {
			return nil, err
		}
		if len(names) == 0 {
			return nil, nil
		}
	}
	var about []term
	if f.About != "" && s.Backend() == "postgres" {
		return nil, fmt.Errorf("quotes --about: %w", store.ErrNotOnPostgres)
	}
	if f.About != "" {
		var fq string
		fq, about = ftsQuery(f.About)
		if len(about) == 0 {
			return nil, nil
		}
		// The index's quotes column finds the documents whose quotes hold
		// the words; the quotes themselves are checked below.
		w.add("q.doc IN (SELECT rowid FROM doc_fts WHERE doc_fts MATCH ?)", "{quotes} : ("+fq+")")
	}
	w.documentFilter(f.Filter, b, true)
	limit := f.limit()
	if about != nil {
		limit = min(50*limit, 5000) // most quotes of a matching document are about something else
	}
	var ids []int64
	if len(names) == 0 {
		ids, err = quoteIDs(ctx, s, &w, limit)
	} else {
		ids, err = speakerQuoteIDs(ctx, s, names, &w, limit)
	}
	if err != nil {
		return nil, err
	}
	qs, err := quotesByID(ctx, s, ids)
	if err != nil || about == nil {
		return qs, err
	}
	var out []Quote
	for _, q := range qs {
		if hasAll(q.Content.Text, about) {
			out = append(out, q)
		}
		if len(out) == f.limit() {
			break
		}
	}
	return out, nil
}

// quoteIDs returns the ids of the newest stored quotes (quotes q,
// documents d) a condition selects, newest first: walking the quotes
// backwards stops at the limit.
func quoteIDs(ctx context.Context, s *store.Store, w *where, limit int) ([]int64, error) {
	var ids []int64
	var id int64
	err := scanRows(ctx, s.DB(), "SELECT q.quote FROM quotes q JOIN documents d ON d.doc = q.doc"+w.sql()+" ORDER BY q.quote DESC LIMIT ?",
		append(w.args, limit), []any{&id}, func() (bool, error) {
			ids = append(ids, id)
			return true, nil
		})
	return ids, err
}

// speakerQuoteIDs returns the ids of the newest quotes of any of the
// speakers' names that a condition selects: one walk of the speaker index
// backwards per name, each stopping at the limit, merged. A name with
// thousands of quotes costs no more than one with a few.
func speakerQuoteIDs(ctx context.Context, s *store.Store, names []string, w *where, limit int) ([]int64, error) {
	var all []int64
	from := " FROM entities e INDEXED BY entities_name JOIN quotes q ON q.speaker = e.entity"
	if len(w.conds) > 0 {
		from += " JOIN documents d ON d.doc = q.doc"
	}
	for _, name := range names {
		nw := where{conds: append([]string{"e.name = ?"}, w.conds...), args: append([]any{name}, w.args...)}
		var id int64
		// the name's entities in index order are in document order: newest
		// first, the walk stops at the limit
		err := scanRows(ctx, s.DB(), "SELECT q.quote"+from+nw.sql()+" ORDER BY e.entity DESC, q.quote DESC LIMIT ?",
			append(nw.args, limit), []any{&id}, func() (bool, error) {
				all = append(all, id)
				return true, nil
			})
		if err != nil {
			return nil, err
		}
	}
	sort.Slice(all, func(i, j int) bool { return all[i] > all[j] })
	if len(all) > limit {
		all = all[:limit]
	}
	return all, nil
}

// quotesByID reads quotes by id, in the order of ids.
func quotesByID(ctx context.Context, s *store.Store, ids []int64) ([]Quote, error) {
	if len(ids) == 0 {
		return nil, nil
	}
	marks := strings.TrimSuffix(strings.Repeat("?, ", len(ids)), ", ")
	args := make([]any, len(ids))
	for i, id := range ids {
		args[i] = id
	}
	q := `SELECT q.quote, ` + docColumns + `, q.n, q.kind, coalesce(e.name, ''), coalesce(e.actor, ''),
		q.source_start, q.source_end, q.cue_start, q.cue_end, q.content_start, q.content_end
		FROM quotes q JOIN documents d ON d.doc = q.doc
		LEFT JOIN entities e ON e.entity = q.speaker WHERE q.quote IN (` + marks + `)`
	byID := map[int64]Quote{}
	var r Quote
	var id int64
	var start, end int
	var ss, se, cs, ce sql.NullInt64
	dest := append(append([]any{&id}, r.Doc.scanArgs()...), &r.N, &r.Kind, &r.Speaker, &r.Actor, &ss, &se, &cs, &ce, &start, &end)
	tx := newTexts(s)
	// optional cuts an absent (NULL) span as "".
	optional := func(s, e sql.NullInt64) (string, error) {
		if !s.Valid || !e.Valid {
			return "", nil
		}
		ev, err := tx.evidence(ctx, r.Doc.n, int(s.Int64), int(e.Int64))
		return ev.Text, err
	}
	err := scanRows(ctx, s.DB(), q, args, dest, func() (bool, error) {
		ev, err := tx.evidence(ctx, r.Doc.n, start, end)
		if err != nil {
			return false, err
		}
		r.Content = ev
		if r.Source, err = optional(ss, se); err != nil {
			return false, err
		}
		if r.Cue, err = optional(cs, ce); err != nil {
			return false, err
		}
		byID[id] = r
		return true, nil
	})
	if err != nil {
		return nil, err
	}
	out := make([]Quote, 0, len(ids))
	for _, id := range ids {
		if q, ok := byID[id]; ok {
			out = append(out, q)
		}
	}
	return out, nil
}
