package text

import "github.com/dossier-news/dossier/doc"

// Stage is the pipeline stage that builds the text layer.
type Stage struct{}

// Name returns "text".
func (Stage) Name() string { return "text" }

// Requires lists the layers the stage reads.
func (Stage) Requires() doc.Layers {
	return doc.LayersOf(doc.LayerText)
}

// Provides lists the layers the stage fills.
func (Stage) Provides() doc.Layers {
	return doc.LayersOf(doc.LayerParagraphs, doc.LayerTokens, doc.LayerQuotations, doc.LayerSentences, doc.LayerWords, doc.LayerNews)
}

// Process builds paragraphs, tokens, quotation marks and sentences.
func (Stage) Process(d *doc.Document) error {
	Analyze(d)
	return nil
}
