package actors

import (
	"testing"

	"github.com/dossier-news/dossier/vocab"
)

// Every normalised word of the lexicons must be found by its vocabulary ID
// with the flags the map gives.
func TestInfoByID(t *testing.T) {
	for w, f := range lex.info {
		id := vocab.Lookup(w)
		if id == 0 || int(id) >= len(lex.infoByID) || lex.infoByID[id] != f {
			t.Errorf("word %q: ID %d does not give flags %b", w, id, f)
		}
	}
	if idThe != vocab.Lookup("the") || idThis != vocab.Lookup("this") || idThe == 0 || idThis == 0 {
		t.Error("the determiners have no IDs")
	}
}
