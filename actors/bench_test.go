package actors

import (
	"os"
	"strings"
	"testing"

	"github.com/dossier-news/dossier/doc"
	"github.com/dossier-news/dossier/text"
)

// benchDoc is about 1,000 words of news text, made by repeating the test
// article (its names and pronouns repeat, as in long reports).
func benchDoc() *doc.Document {
	words := len(strings.Fields(article))
	var b strings.Builder
	for n := 0; n < 1000; n += words {
		b.WriteString(article)
		b.WriteString("\n\n")
	}
	d := doc.New("bench", b.String())
	text.Analyze(d)
	return d
}

// BenchmarkActors measures the stage alone on a 1,000-word document.
func BenchmarkActors(b *testing.B) {
	d := benchDoc()
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		Analyze(d)
	}
}

// BenchmarkTextAndActors measures the text layer and the stage together,
// for comparison with the text layer alone.
func BenchmarkTextAndActors(b *testing.B) {
	d := benchDoc()
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		text.Analyze(d)
		Analyze(d)
	}
}

func BenchmarkTextOnly(b *testing.B) {
	d := benchDoc()
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		text.Analyze(d)
	}
}

// BenchmarkExamples measures the stage on the bundled example articles
// joined into one document, the document `dossier bench` uses by default.
func BenchmarkExamples(b *testing.B) {
	x, err1 := os.ReadFile("../examples/harbour-strike.txt")
	y, err2 := os.ReadFile("../examples/lakeport-ceasefire.txt")
	if err1 != nil || err2 != nil {
		b.Skip("examples/ not found beside the package")
	}
	d := doc.New("examples", string(x)+"\n\n"+string(y))
	text.Analyze(d)
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		Analyze(d)
	}
}
