package quantity

import (
	"strings"
	"testing"

	"github.com/dossier-news/dossier/doc"
	"github.com/dossier-news/dossier/text"
)

// benchText is about 1,000 words of news prose written for the benchmark,
// dense in figures so that the costly paths run.
func benchText() string {
	para := "Gunmen killed at least 12 soldiers and wounded 30 others near the border on Sunday, the army said. " +
		"The United Nations mission, which has more than 13,000 troops, said 165 of its peacekeepers had been killed since 2013. " +
		"Donors pledged $2.5 billion in aid, while prices rose by 12 percent in the capital. " +
		"Hundreds of people fled their homes, and officials said the four countries that sent troops were leaving. " +
		"The minister told reporters that the government remained committed to the peace agreement and to dialogue with all parties. "
	var b strings.Builder
	for b.Len() < 6200 {
		b.WriteString(para)
		b.WriteString("\n\n")
	}
	return b.String()
}

func BenchmarkQuantity(b *testing.B) {
	d := doc.New("bench", benchText())
	text.Analyze(d)
	words := 0
	for _, t := range d.Tokens {
		if t.Kind == doc.Word || t.Kind == doc.Number {
			words++
		}
	}
	x, err := Load()
	if err != nil {
		b.Fatal(err)
	}
	var st Stage
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if err := st.Process(d); err != nil {
			b.Fatal(err)
		}
	}
	_ = x
	b.ReportMetric(float64(words), "words/doc") // after the loop: ResetTimer drops reported metrics
}

// BenchmarkText is the text layer on the same document, for scale.
func BenchmarkText(b *testing.B) {
	d := doc.New("bench", benchText())
	for i := 0; i < b.N; i++ {
		text.Analyze(d)
	}
}
