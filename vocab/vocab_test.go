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

func TestTable(t *testing.T) {
	var tb Table[int]
	tb.Set(5, 50)
	if tb.Get(5) != 50 || tb.Get(4) != 0 || tb.Get(500) != 0 || tb.Ptr(500) != nil || *tb.Ptr(5) != 50 {
		t.Error("Table does not give back what was set")
	}
}
