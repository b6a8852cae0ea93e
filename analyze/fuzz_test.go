package analyze

import (
	"io"
	"strings"
	"testing"

	"github.com/dossier-news/dossier/doc"
	"github.com/dossier-news/dossier/internal/work"
	"github.com/dossier-news/dossier/source"
)

// maxStepsPerToken bounds the work of the whole pipeline, in the steps the
// stages count (package work), per token of the document: every stage is
// linear in the document, its per-sentence work bounded by the text layer's
// MaxSentenceTokens. A stage that compares all pairs of a document, or
// scans to a sentence's edge for every word of it, passes the bound on a
// few kilobytes. Counting steps, not time, keeps the check independent of
// the machine and its load.
const maxStepsPerToken = 1000

// hostileSeeds are inputs of issue 12 at fuzzing size (up to 64 KB).
func hostileSeeds() []string {
	units := []string{"He said no. ", `The minister said "`, "the officials met again and ", "<p>a</p>",
		"“We object,” Mills said. ", "Mr. A. (b. c.) ", "UN envoy Helena Marsh said she said he said. ",
		"Diop met the president. The president said ", `"` + strings.Repeat("He said no. ", 10)}
	var out []string
	for _, u := range units {
		out = append(out, strings.Repeat(u, (64<<10)/len(u)), strings.Repeat(u, 50))
	}
	return out
}

// FuzzPipeline runs the whole pipeline on any input of up to 64 KB read as
// a text document: it must not panic, its layers must be valid, its JSON
// must encode, and with -tags worktest its work must stay under
// maxStepsPerToken a token:
//
//	go test ./analyze -tags worktest -fuzz FuzzPipeline
func FuzzPipeline(f *testing.F) {
	for _, s := range hostileSeeds() {
		f.Add(s)
	}
	f.Add("Lind said on Friday that the port would close. “It is over,” he said.")
	p := Default()
	f.Fuzz(func(t *testing.T, in string) {
		if len(in) > 64<<10 {
			return
		}
		text, _, err := source.CleanText([]byte(in), source.DefaultMaxBytes)
		if err != nil {
			return
		}
		d := doc.New("fuzz", text)
		d.Published = "2023-01-27"
		work.Reset()
		if err := p.Process(d); err != nil {
			t.Fatal(err)
		}
		steps := work.Count()
		if err := d.Validate(); err != nil {
			t.Fatal(err)
		}
		if err := d.WriteJSON(io.Discard, "  "); err != nil {
			t.Fatal(err)
		}
		if limit := int64(maxStepsPerToken * (len(d.Tokens) + 1)); work.On && steps > limit {
			t.Errorf("%d steps for %d tokens (%d bytes): over the bound of %d a token", steps, len(d.Tokens), len(text), maxStepsPerToken)
		}
	})
}
