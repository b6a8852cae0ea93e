package timex

import (
	"testing"

	"github.com/dossier-news/dossier/vocab"
)

// Every listed word must be found by its vocabulary ID, with the entry and
// flags the map gives.
func TestWordsByID(t *testing.T) {
	l := load()
	for w, e := range l.words {
		id := vocab.Lookup(w)
		if id == 0 || int(id) >= len(l.byID) || l.byID[id].e != e || l.byID[id].f != l.entries[e-1].f {
			t.Errorf("word %q: ID %d does not lead to entry %d", w, id, e)
		}
	}
}
