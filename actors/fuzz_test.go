package actors

import (
	"strconv"
	"testing"
	"unicode/utf8"

	"github.com/dossier-news/dossier/doc"
	"github.com/dossier-news/dossier/text"
)

// FuzzAnalyze checks the layers' invariants on any text: mentions inside
// the text and in order, entity ids in the order of first mentions, every
// entity's mentions pointing back to it.
func FuzzAnalyze(f *testing.F) {
	for _, s := range []string{
		article,
		"Mr. King said he would go. JORDAN: Washington, who",
		"“ ’s , who he she they the foreign minister said",
		"UN Secretary-General. The secretary-general said. Mali’s army, known as FAMa",
		"University of of Of The the ( , known as",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if !utf8.ValidString(s) {
			return
		}
		d := doc.New("fuzz", s)
		text.Analyze(d)
		Analyze(d)
		last := doc.Span{}
		for i, m := range d.Mentions {
			if m.Start < 0 || m.End > len(s) || m.Start >= m.End {
				t.Fatalf("mention %d %v outside the text or empty", i, m.Span)
			}
			if i > 0 && m.Start < last.Start {
				t.Fatalf("mention %d starts before mention %d", i, i-1)
			}
			last = m.Span
			if m.Entity >= len(d.Entities) {
				t.Fatalf("mention %d points to entity %d of %d", i, m.Entity, len(d.Entities))
			}
		}
		prev := -1
		for i, e := range d.Entities {
			if e.ID != "E"+strconv.Itoa(i+1) {
				t.Fatalf("entity %d has id %s", i, e.ID)
			}
			if len(e.Mentions) == 0 {
				t.Fatalf("entity %s has no mention", e.ID)
			}
			for _, mi := range e.Mentions {
				if d.Mentions[mi].Entity != i {
					t.Fatalf("entity %s lists mention %d of another entity", e.ID, mi)
				}
			}
			if first := d.Mentions[e.Mentions[0]].Start; first < prev {
				t.Fatalf("entity %s is numbered out of order", e.ID)
			} else {
				prev = first
			}
		}
	})
}
