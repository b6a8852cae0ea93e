package quotes

import (
	"testing"

	"github.com/dossier-news/dossier/doc"
	"github.com/dossier-news/dossier/text"
)

// FuzzExtract feeds arbitrary text through the text layer and the stage:
// no panic, and every quote's spans lie inside the text in order.
func FuzzExtract(f *testing.F) {
	for _, s := range []string{
		"“We will not back down,” she said.",
		"Okafor told the board that Lind is “fully behind it. ‘ said.",
		"According to the police, two were arrested.",
		"“A\n\n“B,” he said. “C",
		"''It is over,'' said Mr. King. ''Done.''",
		"He said: \n\n“",
		"“…” ― X",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d := doc.New("fuzz", s)
		text.Analyze(d)
		Analyze(d)
		for _, q := range d.Quotes {
			for _, sp := range []doc.Span{q.Content, q.Cue, q.Source} {
				if sp.Start < 0 || sp.End > len(d.Text) || sp.Start > sp.End {
					t.Fatalf("span %v outside text of %d bytes", sp, len(d.Text))
				}
			}
			if q.Content.Len() == 0 {
				t.Fatalf("empty content")
			}
		}
	})
}
