package text

import (
	"testing"
	"unicode/utf8"

	"github.com/dossier-news/dossier/doc"
)

// FuzzAnalyze checks the text layer's invariants on any valid UTF-8 input:
// no panic; every span inside the text; tokens in order, never overlapping,
// covering every non-space character; sentences in order, inside their
// paragraphs, with token ranges that match their spans.
func FuzzAnalyze(f *testing.F) {
	for _, s := range []string{
		"Mr. Guterres said “this is unacceptable.” He left.",
		"U.S. troops. The U.N. said: \"no\" ... ’90s Guterres’ 17,500-person then-army",
		"“Open\n\n“Continued,” he said. ‘ said.",
		"BAMAKO, Mali (AP) — 1.5 million, 2,250; No. 5 Jan. 27",
		"", "\"", "''''", "a.b.c.d.", "......", "“‘’”", "\n\n\n", "-- - -", "\uFFFD",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if !utf8.ValidString(s) {
			return // the readers repair invalid UTF-8 before the text layer sees it
		}
		d := doc.New("f", s)
		Analyze(d)
		if err := d.Validate(); err != nil {
			t.Fatal(err)
		}
		covered := make([]bool, len(s))
		for _, tk := range d.Tokens {
			if tk.End <= tk.Start {
				t.Fatalf("empty token at %d", tk.Start)
			}
			for i := tk.Start; i < tk.End; i++ {
				covered[i] = true
			}
		}
		for i, r := range s {
			if !covered[i] && !isSpace(r) {
				t.Fatalf("character %q at %d is in no token", r, i)
			}
		}
		prevEnd := 0
		for i, se := range d.Sentences {
			if se.Start < prevEnd || se.End <= se.Start {
				t.Fatalf("sentence %d [%d,%d) out of order", i, se.Start, se.End)
			}
			prevEnd = se.End
			if se.Para < 0 || se.Para >= len(d.Paragraphs) || !d.Paragraphs[se.Para].Contains(se.Span) {
				t.Fatalf("sentence %d outside its paragraph", i)
			}
			if d.Tokens[se.Tokens.First].Start != se.Start || d.Tokens[se.Tokens.End-1].End != se.End {
				t.Fatalf("sentence %d token range does not match its span", i)
			}
		}
		for _, q := range d.Quotations {
			if q.Content.Start > q.Content.End || q.Content.End > len(s) {
				t.Fatalf("quotation content %v outside the text", q.Content)
			}
		}
	})
}
