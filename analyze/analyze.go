// Package analyze assembles Dossier's default pipeline: the stages, in the
// order in which each one's inputs are ready. Adding a capability means
// adding its stage here.
package analyze

import (
	"github.com/dossier-news/dossier/events"
	"github.com/dossier-news/dossier/pipeline"
	"github.com/dossier-news/dossier/text"
)

// Default returns the full analysis pipeline.
func Default() *pipeline.Pipeline {
	return pipeline.New(
		text.Stage{},
		// actors, quality, quotes, timex, quantity: added by their packages
		events.Stage{},
	)
}
