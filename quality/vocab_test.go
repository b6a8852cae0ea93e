package quality

import (
	"testing"

	"github.com/dossier-news/dossier/doc"
	"github.com/dossier-news/dossier/text"
	"github.com/dossier-news/dossier/vocab"
)

// This package adds no words to the vocabulary; the stages that do are not
// linked into its tests, so the test adds a few of its own.
var _ = []vocab.ID{vocab.Add("the"), vocab.Add("minister's"), vocab.Add("said"), vocab.Add("o'brien"), vocab.Add("monday")}

// A word's hash taken from the vocabulary must be the hash of its bytes,
// whatever its case or apostrophes: the model is keyed by it.
func TestVocabHashes(t *testing.T) {
	d := doc.New("t", "THE Minister’s office SAID the ceasefire would hold, O’Brien told Reuters on Monday.")
	text.Analyze(d)
	c := &checker{d: d}
	h := c.hashes(nil)
	known := 0
	for i, tok := range d.Tokens {
		want := uint64(0)
		if tok.Kind == doc.Word {
			want = wordHash(d.TokenText(i))
			if d.WordIDs[i] != 0 {
				known++
			}
		}
		if h[i] != want {
			t.Errorf("token %q: hash %x, want %x", d.TokenText(i), h[i], want)
		}
	}
	if known == 0 {
		t.Error("no word of the sentence is in the vocabulary: the test checks nothing")
	}
}
