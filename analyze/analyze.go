// Package analyze assembles Dossier's default pipeline: the stages, in the
// order in which each one's inputs are ready (pipeline.New checks the order
// against the layers each stage declares). Adding a capability means
// adding its stage here.
package analyze

import (
	"github.com/dossier-news/dossier/actors"
	"github.com/dossier-news/dossier/events"
	"github.com/dossier-news/dossier/pipeline"
	"github.com/dossier-news/dossier/quality"
	"github.com/dossier-news/dossier/quantity"
	"github.com/dossier-news/dossier/quotes"
	"github.com/dossier-news/dossier/text"
	"github.com/dossier-news/dossier/timex"
)

// Default returns the full analysis pipeline.
func Default() *pipeline.Pipeline { return With(quality.Options{}) }

// With returns the full analysis pipeline with the quality stage's options
// (the mt_suspect threshold).
func With(q quality.Options) *pipeline.Pipeline {
	return pipeline.MustNew(
		text.Stage{},
		actors.Stage{},
		quality.Stage{Options: q}, // flags debris before quotes, timex, quantity and events read the text
		quotes.Stage{},            // who said what; reads the actors' mentions and the quality flags
		timex.Stage{},
		quantity.Stage{},
		events.Stage{}, // last: reads every other layer
	)
}
