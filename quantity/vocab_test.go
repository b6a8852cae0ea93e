package quantity

import (
	"testing"

	"github.com/dossier-news/dossier/vocab"
)

// Every word of words, cats and numbers must be found by its vocabulary ID
// with the bits scan.info computes from the maps.
func TestInfoByID(t *testing.T) {
	x, err := load()
	if err != nil {
		t.Fatal(err)
	}
	check := func(w string) {
		want := uint32(x.words[w]) | infoDone
		if _, ok := x.cats[w]; ok {
			want |= infoCat
		}
		if _, ok := x.numbers[w]; ok {
			want |= infoNumber
		}
		id := vocab.Lookup(w)
		if id == 0 || int(id) >= len(x.infoByID) || x.infoByID[id] != want {
			t.Errorf("word %q: ID %d does not give bits %b", w, id, want)
		}
	}
	for w := range x.words {
		check(w)
	}
	for w := range x.cats {
		check(w)
	}
	for w := range x.numbers {
		check(w)
	}
}
