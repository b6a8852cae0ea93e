package events

import (
	"testing"

	"github.com/dossier-news/dossier/doc"
	"github.com/dossier-news/dossier/examples"
	"github.com/dossier-news/dossier/text"
)

// BenchmarkEvents codes the project's benchmark document (the bundled
// articles, about 1,000 words) with the text layer only, the other layers
// empty.
func BenchmarkEvents(b *testing.B) {
	d := doc.New("bench", examples.BenchText())
	text.Analyze(d)
	words := 0
	for _, t := range d.Tokens {
		if t.Kind == doc.Word || t.Kind == doc.Number {
			words++
		}
	}
	b.ReportMetric(float64(words), "words")
	getLex()
	var st Stage
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if err := st.Process(d); err != nil {
			b.Fatal(err)
		}
	}
}
