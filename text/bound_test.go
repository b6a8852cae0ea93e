package text

import (
	"strings"
	"testing"
)

// TestSentenceBound checks that an over-long run without a sentence end is
// cut at MaxSentenceTokens, at the best break of each piece, and that the
// pieces cover the run with no token lost.
func TestSentenceBound(t *testing.T) {
	cases := []struct {
		name, unit string
		wantEnd    string // the text every cut piece but the last ends with
	}{
		{"no punctuation", "the officials met again ", ""},
		{"commas", "the officials met, again ", ","},
		{"semicolons beat commas", "they met, again; ", ";"},
		{"unclosed quotations", `The minister said "`, ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			d := analyzed(strings.Repeat(c.unit, 2000))
			if len(d.Sentences) < 2 {
				t.Fatalf("%d sentences: the run was not cut", len(d.Sentences))
			}
			next := 0
			for i, s := range d.Sentences {
				n := s.Tokens.End - s.Tokens.First
				if n > MaxSentenceTokens || n <= 0 {
					t.Fatalf("sentence %d has %d tokens (bound %d)", i, n, MaxSentenceTokens)
				}
				if s.Tokens.First != next {
					t.Fatalf("sentence %d starts at token %d, want %d", i, s.Tokens.First, next)
				}
				next = s.Tokens.End
				if i < len(d.Sentences)-1 && c.wantEnd != "" && !strings.HasSuffix(d.Slice(s.Span), c.wantEnd) {
					t.Errorf("sentence %d ends %q, want a cut after %q", i, d.Slice(s.Span)[max(0, s.Len()-20):], c.wantEnd)
				}
			}
			if next != len(d.Tokens) {
				t.Errorf("sentences end at token %d of %d", next, len(d.Tokens))
			}
		})
	}
	// a real sentence, however long for news, is never cut
	d := analyzed(strings.Repeat("the talks went on, ", 60) + "and ended.")
	if len(d.Sentences) != 1 {
		t.Errorf("a sentence of %d tokens was cut into %d", len(d.Tokens), len(d.Sentences))
	}
}
