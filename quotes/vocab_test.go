package quotes

import (
	"testing"

	"github.com/dossier-news/dossier/doc"
	"github.com/dossier-news/dossier/text"
	"github.com/dossier-news/dossier/vocab"
)

// Every word of the lists must lead, by its vocabulary ID, to the bits the
// map gives, since ctx.has reads the ID first.
func TestBitsByID(t *testing.T) {
	for w, b := range lex.bits {
		id := vocab.Lookup(w)
		if id == 0 || int(id) >= len(lex.idBits) || lex.idBits[id] != b {
			t.Errorf("word %q: ID %d does not lead to its bits", w, id)
		}
	}
}

// A token's bits and head bits are the same whether its word is read by ID
// or, for a word with capitals the text layer did not flag, by the map.
func TestHasByIDAndByMap(t *testing.T) {
	d := doc.New("t", "The minister SAID on Monday that McAdams told reporters the iPhone deal, which analysts said was sound, is off.")
	text.Analyze(d)
	c := newCtx(d)
	defer c.release()
	for i := range d.Tokens {
		want := lex.bits[c.low[i]]
		c.has(i, 0)
		if got := c.lx[i] &^ bitKnown; got != want {
			t.Errorf("token %q: bits %b, map gives %b", c.low[i], got, want)
		}
		if got, want := c.heads(i), lex.heads[c.low[i]]; got != want {
			t.Errorf("token %q: head bits %b, map gives %b", c.low[i], got, want)
		}
	}
}
