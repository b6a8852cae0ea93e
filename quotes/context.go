package quotes

import (
	"strings"
	"sync"

	"github.com/dossier-news/dossier/doc"
	"github.com/dossier-news/dossier/learn"
)

// ctx is what the stage knows about one document while it works: the
// lower-case form of every token and the quotation each token lies in.
type ctx struct {
	d      *doc.Document
	low    []string
	kinds  []doc.TokenKind     // the tokens' kinds, packed (isMark and its kin run over every token)
	inQ    []int32             // index into d.Quotations of the outermost quotation whose content holds the token, or -1
	roles  []doc.QuoteMarkRole // role of each quotation mark token
	fbuf   learn.Features
	memo   [][3]int // source starts ranked in the current sentence: end, lower bound, start
	atts   []att    // the current sentence's attributions
	kept   []att    // the current sentence's attributions that dropRedundant keeps
	out    []att    // the document's attributions
	debris []int    // indexes of the flags a content overlaps (clearDebris)
	cbuf   learn.Features
	lx     []uint64 // cached lexical bits of tokens (0: not yet looked up)
	// wid is each token's vocabulary ID where low holds the text layer's
	// lower case of it (d.LowerOf), so the ID stands for low; noID where
	// low is something else (a word with capitals that the text layer did
	// not flag keeps them in low, as the models were trained)
	wid []uint32
	whc []uint32 // cached hashes of token forms (0: not yet computed)
	shc []uint32 // cached hashes of token shapes
	wcc []uint64 // cached hashes of token word classes, with bit 32 set once computed
	// sents are the text layer's sentences, which alone decides where a
	// sentence ends (inside brackets it does not)
	sents []doc.Sentence
	// sentHasQ says whether the current sentence holds a quotation mark
	sentHasQ bool
	// sure are the positions of the sure verbs of saying outside
	// quotations in the current sentence
	sure []int
	// headline says whether the current sentence is a title-case
	// headline in the first paragraph, where cue words are capitalised
	// ("Senator Says Talks Have Stalled")
	headline bool
	// o are the stage's options for this document
	o Options
}

// beginSentence resets what the context knows about the sentence [a, b).
func (c *ctx) beginSentence(a, b int) {
	c.memo = c.memo[:0]
	c.sure = c.sure[:0]
	for i := a; i < b; i++ {
		if c.inQ[i] < 0 && c.has(i, bitSure) {
			c.sure = append(c.sure, i)
		}
	}
	c.sentHasQ = false
	c.headline = c.titleCase(a, b)
	for i := a; i < b; i++ {
		if c.isMark(i) && c.role(i) != doc.MarkApostrophe {
			c.sentHasQ = true
			break
		}
	}
}

// titleCase reports whether [a, b) lies in the document's first
// paragraph and capitalises all its longer words but one.
//
// It is not yet the text layer's Sentence.Headline: reading that instead
// changes the cue candidates the model is trained on, and retrained it
// measured worse (5-fold CV on PolNeAR train, exact source/cue/content
// F1 71.34/68.11/57.96 -> 71.21/68.02/57.86), so this rule stays until the
// two are reconciled.
func (c *ctx) titleCase(a, b int) bool {
	ps := c.d.Paragraphs
	if len(ps) == 0 || c.d.Tokens[a].Start >= ps[0].End || b-a < 4 {
		return false
	}
	low, words := 0, 0
	for k := a; k < b; k++ {
		t := c.d.Tokens[k]
		if t.Kind != doc.Word || t.End-t.Start < 4 || c.inQ[k] >= 0 {
			continue
		}
		words++
		if !t.Has(doc.FlagCap) && !t.Has(doc.FlagAllCaps) {
			low++
		}
	}
	return words >= 3 && low <= 1
}

// release returns the context's buffers for the next document.
func (c *ctx) release() {
	huge := len(c.d.Tokens) > doc.PooledTokens
	c.d = nil
	if !huge {
		ctxPool.Put(c)
	}
}

// grow returns s resized to n, reusing its array when it is large enough.
func grow[T any](s []T, n int) []T {
	if cap(s) < n {
		return make([]T, n)
	}
	return s[:n]
}

var ctxPool = sync.Pool{New: func() any { return new(ctx) }}

func newCtx(d *doc.Document) *ctx {
	c := ctxPool.Get().(*ctx)
	c.d = d
	c.low = grow(c.low, len(d.Tokens))
	c.inQ = grow(c.inQ, len(d.Tokens))
	c.kinds = grow(c.kinds, len(d.Tokens))
	c.roles = grow(c.roles, len(d.Tokens))
	c.lx = grow(c.lx, len(d.Tokens))
	clear(c.lx)
	c.whc = grow(c.whc, len(d.Tokens))
	c.shc = grow(c.shc, len(d.Tokens))
	c.wcc = grow(c.wcc, len(d.Tokens))
	clear(c.whc)
	clear(c.shc)
	clear(c.wcc)
	c.wid = grow(c.wid, len(d.Tokens))
	// the per-token slices in locals, resliced to the token count: the
	// compiler keeps them in registers and drops the bounds checks, where
	// inQ[i] reloads the slice from c after every store
	toks := d.Tokens
	n := len(toks)
	inQ, kinds, roles, wid, low := c.inQ[:n], c.kinds[:n], c.roles[:n], c.wid[:n], c.low[:n]
	ids, wbits := d.WordIDs[:n], d.WordBits[:n]
	for i, t := range toks {
		inQ[i] = -1
		kinds[i] = t.Kind
		roles[i] = 0
		wid[i] = noID
		switch t.Kind {
		case doc.QuoteMark:
			r, ok := d.Marks[i]
			if !ok {
				r = doc.MarkUnpaired
			}
			roles[i] = r
		case doc.Word:
			// a capitalised word is lower-cased; any other word keeps its
			// text, which is its lower case when it has no capitals
			if t.Flags&(doc.FlagCap|doc.FlagAllCaps) != 0 || wbits[i]&(doc.WordUpper|doc.WordNonASCII) == 0 {
				low[i] = d.LowerOf(i)
				wid[i] = ids[i]
				continue
			}
		}
		w := d.Text[t.Start:t.End]
		if t.Flags&(doc.FlagCap|doc.FlagAllCaps) != 0 {
			w = strings.ToLower(w)
		}
		low[i] = w
	}
	c.markRoles()
	c.sents = d.Sentences
	for qi, q := range d.Quotations {
		if q.Unclosed {
			// where an unclosed quotation ends is unknown: its words may
			// still hold cues ("“We will stay, the mayor said.")
			continue
		}
		r := d.TokensIn(q.Content)
		for k := r.First; k < r.End; k++ {
			if c.inQ[k] < 0 {
				c.inQ[k] = int32(qi)
			}
		}
	}
	return c
}

// paraStart reports whether token i is the first of a paragraph.
func (c *ctx) paraStart(i int) bool {
	if i == 0 {
		return true
	}
	return strings.IndexByte(c.d.Text[c.d.Tokens[i-1].End:c.d.Tokens[i].Start], '\n') >= 0
}

// has reports whether token i's word carries the lexical bit (bitStop,
// bitOpener, ...); the word is looked up once a document, by its vocabulary
// ID where it has one.
func (c *ctx) has(i int, bit uint64) bool {
	if i < 0 || i >= len(c.lx) {
		return false
	}
	b := c.lx[i]
	if b == 0 {
		if id := c.wid[i]; id != noID {
			if int(id) < len(lex.idBits) {
				b = lex.idBits[id]
			}
		} else {
			b = lex.bits[c.low[i]]
		}
		b |= bitKnown
		c.lx[i] = b
	}
	return b&bit != 0
}

// heads is lex.heads of token i's word (headCue, ...).
func (c *ctx) heads(i int) uint8 {
	c.has(i, 0)
	return uint8(c.lx[i] / bitHeadCue & 7)
}

// noID marks a token whose low is not the text layer's lower case.
const noID = ^uint32(0)

func (c *ctx) kind(i int) doc.TokenKind { return c.kinds[i] }

func (c *ctx) isWord(i int) bool {
	k := c.kinds[i]
	return k == doc.Word || k == doc.Number
}

func (c *ctx) isMark(i int) bool { return c.kinds[i] == doc.QuoteMark }

func (c *ctx) role(i int) doc.QuoteMarkRole { return c.roles[i] }

// markRoles reads a doubled mark (the ” of some wires) as one, in the
// roles newCtx copied from the text layer: the half that the pairing left
// as an apostrophe takes the role of the half it touches.
func (c *ctx) markRoles() {
	d := c.d
	for i, k := range c.kinds {
		if k != doc.QuoteMark || c.roles[i] != doc.MarkApostrophe && c.roles[i] != doc.MarkUnpaired {
			continue
		}
		t := d.Tokens[i]
		if c.roles[i] == doc.MarkUnpaired && c.paraStart(i) && i+1 < len(d.Tokens) && d.Tokens[i+1].Kind == doc.Word && d.Tokens[i+1].Start == t.End {
			// a mark that opens a paragraph and matches nothing opens a
			// quotation all the same (“ lost, or a straight " the text
			// layer could not pair); it runs to the paragraph's end
			c.roles[i] = doc.MarkOpen
		} else if i+1 < len(d.Tokens) && d.Tokens[i+1].Kind == doc.QuoteMark && d.Tokens[i+1].Start == t.End && c.roles[i+1] == doc.MarkOpen {
			c.roles[i] = doc.MarkOpen
		} else if i > 0 && d.Tokens[i-1].Kind == doc.QuoteMark && d.Tokens[i-1].End == t.Start && c.roles[i-1] == doc.MarkClose {
			c.roles[i] = doc.MarkClose
		}
	}
}

func (c *ctx) isOpen(i int) bool { return c.isMark(i) && c.role(i) == doc.MarkOpen }
func (c *ctx) isClose(i int) bool {
	return c.isMark(i) && c.role(i) != doc.MarkOpen && c.role(i) != doc.MarkApostrophe
}

// punctEdge reports tokens that a content or source span never starts or
// ends with.
func (c *ctx) punctEdge(i int) bool {
	if c.d.Tokens[i].Kind != doc.Punct {
		return false
	}
	switch c.low[i] {
	case ",", ";", ":", ".", "—", "–", "-", "--", "!", "?", "...", "…":
		return true
	}
	return false
}

// shape is a coarse description of a token for features.
func (c *ctx) shape(i int) string {
	if i < 0 {
		return "BOS"
	}
	if i >= len(c.low) {
		return "EOS"
	}
	t := c.d.Tokens[i]
	switch t.Kind {
	case doc.QuoteMark:
		switch c.role(i) {
		case doc.MarkOpen:
			return "QO"
		case doc.MarkApostrophe:
			return "AP"
		}
		return "QC"
	case doc.Punct:
		return c.low[i]
	case doc.Number:
		return "9"
	case doc.Symbol:
		return "$"
	}
	if t.Has(doc.FlagAllCaps) {
		return "AA"
	}
	if t.Has(doc.FlagCap) {
		return "Aa"
	}
	return "a"
}

// word is the token's lower-case form, or a boundary marker.
func (c *ctx) word(i int) string {
	if i < 0 {
		return "<s>"
	}
	if i >= len(c.low) {
		return "</s>"
	}
	return c.low[i]
}
