package events

import (
	"testing"

	"github.com/dossier-news/dossier/vocab"
)

// Every form of the dictionary must be found by its vocabulary ID, as the
// view reads it, with the same entry the map gives.
func TestFormsByID(t *testing.T) {
	L := getLex()
	for w, f := range L.info {
		id := vocab.Lookup(w)
		if id == 0 || int(id) >= len(L.byID) || L.byID[id] != f {
			t.Errorf("form %q: ID %d does not lead to its entry", w, id)
		}
	}
	if L.possessive != L.info["'s"] {
		t.Error("the possessive entry is not the dictionary's \"'s\"")
	}
}
