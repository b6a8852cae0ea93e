package query

import (
	"context"
	"strings"

	"github.com/dossier-news/dossier/store"
)

// FigureFilter asks for figures.
type FigureFilter struct {
	Filter
	// Category keeps one category: killed, wounded, troops, personnel,
	// displaced, arrested, abducted, ... or a counted noun.
	Category string
}

// Figure is one stored quantity with its bound and evidence.
type Figure struct {
	Doc      Doc      `json:"document"`
	N        int      `json:"n"`
	Value    float64  `json:"value"`
	Bound    string   `json:"bound"` // exact, min, max, approx
	Category string   `json:"category,omitempty"`
	Counts   string   `json:"counts,omitempty"`
	Unit     string   `json:"unit,omitempty"`
	Text     Evidence `json:"text"`
	// Context is the sentence around the figure, cut from the text at
	// sentence ends.
	Context Evidence `json:"context"`
}

// Figures answers "how many": the quantities that match, with their
// bounds, newest stored first (as Quotes orders quotes).
// Ordinals ("his second term") are not figures.
func Figures(ctx context.Context, s *store.Store, f FigureFilter) ([]Figure, error) {
	b, err := f.bounds()
	if err != nil {
		return nil, err
	}
	var w where
	w.add("q.ordinal = 0")
	if f.Category != "" {
		w.add("q.category = ?", strings.ToLower(f.Category))
	}
	w.documentFilter(f.Filter, b, true)
	q := `SELECT ` + docColumns + `, q.n, q.value, q.bound, coalesce(q.category, ''), coalesce(q.counts, ''), coalesce(q.unit, ''),
		q.start, q."end" FROM quantities q JOIN documents d ON d.doc = q.doc` + w.sql() + `
		ORDER BY q.quantity DESC LIMIT ?`
	var out []Figure
	var r Figure
	var start, end int
	dest := append(r.Doc.scanArgs(), &r.N, &r.Value, &r.Bound, &r.Category, &r.Counts, &r.Unit, &start, &end)
	tx := newTexts(s)
	err = scanRows(ctx, s.DB(), q, append(w.args, f.limit()), dest, func() (bool, error) {
		var err error
		if r.Text, err = tx.evidence(ctx, r.Doc.n, start, end); err != nil {
			return false, err
		}
		t, _ := tx.get(ctx, r.Doc.n)
		cs, ce := sentenceAround(t, start, end)
		r.Context = Evidence{cs, ce, t[cs:ce]}
		out = append(out, r)
		return true, nil
	})
	return out, err
}

// sentenceAround widens [start, end) to the sentence around it: back to
// just after the previous ". ", "! ", "? " or line break, forward to the
// next one. It is a plain reading of punctuation ("Mr. Smith" cuts
// early); the stored facts keep no sentence layer to read instead.
func sentenceAround(t string, start, end int) (int, int) {
	s := start
	for s > 0 {
		c := t[s-1]
		if c == '\n' || (c == ' ' && s >= 2 && (t[s-2] == '.' || t[s-2] == '!' || t[s-2] == '?')) {
			break
		}
		s--
	}
	e := end
	for e < len(t) {
		c := t[e]
		if c == '\n' {
			break
		}
		if (c == '.' || c == '!' || c == '?') && (e+1 == len(t) || t[e+1] == ' ' || t[e+1] == '\n' || t[e+1] == '"') {
			e++
			break
		}
		e++
	}
	return s, e
}
