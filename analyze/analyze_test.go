package analyze

import (
	"testing"

	"github.com/dossier-news/dossier/doc"
	"github.com/dossier-news/dossier/examples"
	"github.com/dossier-news/dossier/text"
)

// BenchmarkPipeline runs the full pipeline on the ~1,000-word benchmark
// document on one goroutine: ns/op is the time per document on one core.
func BenchmarkPipeline(b *testing.B) {
	text := examples.BenchText()
	p := Default()
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		d := doc.New("bench", text)
		d.Published = "2024-05-16"
		if err := p.Process(d); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkStages times each stage alone on the benchmark document, with
// the stages before it already run.
func BenchmarkStages(b *testing.B) {
	text := examples.BenchText()
	p := Default()
	for si, s := range p.Stages {
		b.Run(s.Name(), func(b *testing.B) {
			base := doc.New("bench", text)
			base.Published = "2024-05-16"
			for _, prev := range p.Stages[:si] {
				if err := prev.Process(base); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportAllocs()
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				b.StopTimer()
				d := cloneLayers(base)
				b.StartTimer()
				if err := s.Process(d); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// cloneLayers copies a document's layers so a stage can run on it again
// without seeing its own earlier output.
func cloneLayers(d *doc.Document) *doc.Document {
	c := *d
	c.Paragraphs = append([]doc.Span(nil), d.Paragraphs...)
	c.Tokens = append([]doc.Token(nil), d.Tokens...)
	c.Sentences = append([]doc.Sentence(nil), d.Sentences...)
	c.Quotations = append([]doc.Quotation(nil), d.Quotations...)
	c.Mentions = append([]doc.Mention(nil), d.Mentions...)
	c.Entities = append([]doc.Entity(nil), d.Entities...)
	c.Quotes = append([]doc.Quote(nil), d.Quotes...)
	c.Timexes = append([]doc.Timex(nil), d.Timexes...)
	c.Quantities = append([]doc.Quantity(nil), d.Quantities...)
	c.Events = append([]doc.Event(nil), d.Events...)
	c.Flags = append([]doc.Flag(nil), d.Flags...)
	c.Datelines = append([]doc.Dateline(nil), d.Datelines...)
	return &c
}

// BenchmarkWords times the text layer's shared word layer (lower case and
// vocabulary IDs) with every stage's lexicon in the vocabulary.
func BenchmarkWords(b *testing.B) {
	d := doc.New("bench", examples.BenchText())
	text.Analyze(d)
	b.ReportAllocs()
	for b.Loop() {
		text.Words(d)
	}
}
