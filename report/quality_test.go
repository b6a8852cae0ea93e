package report

import (
	"strings"
	"testing"

	"github.com/dossier-news/dossier/doc"
)

// TestQualitySection checks the section shows the score, its reasons and
// each flag with its text and reason, and stays silent without the layer.
func TestQualitySection(t *testing.T) {
	d := doc.New("t", "The talks ended. rice field.")
	d.Flags = []doc.Flag{{Span: doc.Span{Start: 17, End: 28}, Kind: "mt_artefact", Why: "a Japanese ending"}}
	d.Quality = &doc.Quality{Score: 0.4, Reasons: []string{"1 machine-translation tell"}}
	var b strings.Builder
	renderQuality(&b, d)
	for _, want := range []string{"score 0.40", "1 machine-translation tell", "[mt_artefact] 17-28 \"rice field.\"", "a Japanese ending"} {
		if !strings.Contains(b.String(), want) {
			t.Errorf("section lacks %q:\n%s", want, b.String())
		}
	}
	b.Reset()
	renderQuality(&b, doc.New("t", "Clean."))
	if b.Len() != 0 {
		t.Errorf("section without a quality layer printed %q", b.String())
	}
}
