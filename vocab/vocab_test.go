package vocab

import (
	"fmt"
	"testing"
)

// Every word added must be found under its own ID once the vocabulary is
// frozen, by each look-up route, and words never added must get 0.
func TestLookup(t *testing.T) {
	added := map[string]ID{}
	for i := 0; i < 3000; i++ {
		w := fmt.Sprintf("word%d", i)
		added[w] = Add(w)
	}
	for _, w := range []string{"a", "-", "ceasefire", "o'clock", "état", "word12", "word12345678"} {
		added[w] = Add(w)
	}
	if Add("ceasefire") != added["ceasefire"] {
		t.Fatal("adding a word twice gave it two IDs")
	}
	Freeze()
	for w, id := range added {
		key, _ := KeyOf([]byte(w))
		if id == 0 || Lookup(w) != id || LookupKey([]byte(w), key) != id || Word(id) != w || len(w) <= 8 && LookupShort(key.head, len(w)) != id {
			t.Errorf("%q: added as %d, found as %d", w, id, Lookup(w))
		}
	}
	for _, w := range []string{"", "b", "word3000", "Ceasefire", "etat", "a ", "word12\x00", "word1234567", "ceasefirf"} {
		key, _ := KeyOf([]byte(w))
		if id := Lookup(w); id != 0 || LookupKey([]byte(w), key) != 0 || len(w) > 0 && len(w) <= 8 && LookupShort(key.head, len(w)) != 0 {
			t.Errorf("%q was never added but has ID %d", w, id)
		}
	}
	defer func() {
		if recover() == nil {
			t.Error("Add after Freeze did not panic")
		}
	}()
	Add("late")
}

// After the freeze, adding a word the vocabulary has is harmless.
func TestAddKnownAfterFreeze(t *testing.T) {
	id := Add("ceasefire")
	Freeze()
	if Add("ceasefire") != id || Size() < int(id)+1 {
		t.Error("adding a known word after the freeze gave another ID")
	}
}
