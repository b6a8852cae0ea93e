package query

import (
	"context"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/dossier-news/dossier/store"
)

// FuzzFTSQuery checks that whatever a user types, the full-text query made
// of it parses (FTS5 has its own syntax: quotes, AND, NEAR, column
// filters, parentheses) and that highlighting its terms in any text keeps
// within the text.
func FuzzFTSQuery(f *testing.F) {
	for _, s := range []string{"river towns", `"drone strike"`, "protest*", "AND OR NOT (", `"unbalanced`, "title:x", "a - b", "NEAR(a b)", "*", `""`, "ü*", "x^y {z}"} {
		f.Add(s)
	}
	s, err := store.Open(filepath.Join(f.TempDir(), "fuzz.db"), store.Options{})
	if err != nil {
		f.Fatal(err)
	}
	defer s.Close()
	ctx := context.Background()
	f.Fuzz(func(t *testing.T, in string) {
		if !utf8.ValidString(in) {
			return
		}
		q, terms := ftsQuery(in)
		if len(terms) == 0 {
			return
		}
		var n int
		for _, cols := range []string{"{title text}", "{quotes}"} { // as Search and Quotes ask
			if err := s.DB().QueryRowContext(ctx, "SELECT count(*) FROM doc_fts WHERE doc_fts MATCH ?", cols+" : ("+q+")").Scan(&n); err != nil {
				t.Fatalf("%q gives %q: %v", in, q, err)
			}
		}
		// long enough that the snippet is cut around the first match
		text := strings.Repeat("filler words é here ", 12) + in + strings.Repeat(" more", 60) + in
		for _, m := range matches(text, terms, 0) {
			if m.Start < 0 || m.End > len(text) || m.Start >= m.End {
				t.Fatalf("match %v outside %q", m, text)
			}
		}
		ev, hs := snippet(text, 0, len(text), terms)
		if text[ev.Start:ev.End] != ev.Text || !utf8.ValidString(ev.Text) {
			t.Fatalf("snippet %v of %q", ev, text)
		}
		for _, h := range hs {
			if h.Start < ev.Start || h.End > ev.End {
				t.Fatalf("highlight %v outside the snippet %v", h, ev)
			}
		}
	})
}
