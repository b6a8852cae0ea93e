package doc

import "strings"

// Layer names one layer of a Document: a group of fields that one stage
// fills and later stages read. Stages declare the layers they require and
// provide (package pipeline checks the order before it runs anything), in
// the manner of spaCy's "assigns" and "requires".
type Layer uint8

// The layers, in the order the default pipeline makes them.
const (
	// LayerText is the input: Text and the metadata a reader gives (ID,
	// Title, Published). Every document has it.
	LayerText       Layer = iota
	LayerParagraphs       // Paragraphs
	LayerTokens           // Tokens
	LayerQuotations       // Quotations and Marks
	LayerSentences        // Sentences
	LayerWords            // Lower, LowerOdd, WordIDs, WordBits: the derived word cache
	LayerNews             // Datelines: the news structure of the text
	LayerMentions         // Mentions
	LayerEntities         // Entities
	LayerFlags            // Flags
	LayerQuality          // Quality
	LayerQuotes           // Quotes
	LayerTimexes          // Timexes (and Published, when a dateline gives it)
	LayerQuantities       // Quantities
	LayerEvents           // Events
	numLayers
)

var layerNames = [...]string{
	LayerText:       "text",
	LayerParagraphs: "paragraphs",
	LayerTokens:     "tokens",
	LayerQuotations: "quotations",
	LayerSentences:  "sentences",
	LayerWords:      "words",
	LayerNews:       "news",
	LayerMentions:   "mentions",
	LayerEntities:   "entities",
	LayerFlags:      "flags",
	LayerQuality:    "quality",
	LayerQuotes:     "quotes",
	LayerTimexes:    "timexes",
	LayerQuantities: "quantities",
	LayerEvents:     "events",
}

// String returns the layer's name as `dossier pipeline` prints it.
func (l Layer) String() string {
	if l < numLayers {
		return layerNames[l]
	}
	return "unknown"
}

// Layers is a set of layers.
type Layers uint32

// LayersOf returns the set of the given layers.
func LayersOf(ls ...Layer) Layers {
	var s Layers
	for _, l := range ls {
		s |= 1 << l
	}
	return s
}

// Has reports whether l is in the set.
func (s Layers) Has(l Layer) bool { return s&(1<<l) != 0 }

// List returns the set's layers in the order of the constants.
func (s Layers) List() []Layer {
	var out []Layer
	for l := Layer(0); l < numLayers; l++ {
		if s.Has(l) {
			out = append(out, l)
		}
	}
	return out
}

// String lists the set's layer names, comma-separated ("tokens, sentences").
func (s Layers) String() string {
	var names []string
	for _, l := range s.List() {
		names = append(names, l.String())
	}
	return strings.Join(names, ", ")
}
