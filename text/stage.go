package text

import "github.com/dossier-news/dossier/doc"

// Stage is the pipeline stage that builds the text layer.
type Stage struct{}

// Name returns "text".
func (Stage) Name() string { return "text" }

// Process builds paragraphs, tokens, quotation marks and sentences.
func (Stage) Process(d *doc.Document) error {
	Analyze(d)
	return nil
}
