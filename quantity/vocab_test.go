package quantity

import (
	"strings"
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

// The number filter read by vocabulary ID must answer as the filter does
// on the word as written, whatever its case.
func TestMaybeByID(t *testing.T) {
	x, err := load()
	if err != nil {
		t.Fatal(err)
	}
	m := x.maybeByID()
	for id := 1; id < len(m); id++ {
		w := vocab.Word(vocab.ID(id))
		for _, v := range []string{w, strings.ToUpper(w), strings.ToUpper(w[:1]) + w[1:]} {
			if isASCII(v) && x.maybe.has(v) != m[id] {
				t.Errorf("%q: filter by ID says %v, on the text %v", v, m[id], x.maybe.has(v))
			}
		}
	}
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return false
		}
	}
	return true
}
