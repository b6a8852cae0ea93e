package events

import (
	"strings"
	"sync"

	"github.com/dossier-news/dossier/doc"
)

// view is the per-document state of the coder: lower-cased token texts and
// token kinds, so that the matcher never allocates per comparison.
type view struct {
	d      *doc.Document
	lower  []string
	caps   []bool // the word has an upper-case letter: a name (al-Thani, McCain)
	info   []*formInfo
	inName []bool
	class  []uint16 // cls of each token, read far more often than it changes
	none   formInfo
	L      *lex

	// the layers the coder scans per event, when they are in text order
	// (by start, no span ending before it starts): a binary search then
	// finds where a sentence's or clause's share begins
	mSorted, tSorted, qSorted bool

	condSent int  // the sentence whose cond is cached, or -1
	cond     bool // whether that sentence has a condition word
	parts    [][2]int
	argSlab  []doc.Argument // the document's arguments: new for each document, the events keep it
	cands    []hit          // triggers' buffers
	hits     []hit
	events   []doc.Event // Code's buffer of the document's events

	edge               edges     // the clause edges of the current sentence (edges.go)
	quotes, quotations spanIndex // quoteOf's look-ups
}

// inOrder reports whether n spans, given by span, are sorted by start and
// none ends before it starts.
func inOrder(n int, span func(int) doc.Span) bool {
	prev := -1
	for i := 0; i < n; i++ {
		s := span(i)
		if s.Start < prev || s.End < s.Start {
			return false
		}
		prev = s.Start
	}
	return true
}

// from returns the first of n sorted spans that starts at or after start.
func from(n int, span func(int) doc.Span, start int) int {
	lo, hi := 0, n
	for lo < hi {
		m := int(uint(lo+hi) >> 1)
		if span(m).Start < start {
			lo = m + 1
		} else {
			hi = m
		}
	}
	return lo
}

var viewPool = sync.Pool{New: func() any { return new(view) }}

// newView prepares the per-document state; release gives it back. Lower
// case forms point into the text or into the dictionary's own keys, so a
// document costs no string allocations: a capitalised word the dictionary
// does not know (a name) is kept as "", since no rule looks at its letters.
func newView(d *doc.Document, L *lex) *view {
	v := viewPool.Get().(*view)
	toks := d.Tokens
	n := len(toks)
	v.d, v.L = d, L
	v.lower = grow(v.lower, n)
	v.caps = grow(v.caps, n)
	v.info = grow(v.info, n)
	v.inName = grow(v.inName, n)
	v.class = grow(v.class, n)
	v.condSent = -1
	v.edge.lo, v.edge.hi = -1, -1
	v.quotes.built, v.quotations.built = false, false
	v.argSlab = nil
	v.mSorted = inOrder(len(d.Mentions), func(i int) doc.Span { return d.Mentions[i].Span })
	v.tSorted = inOrder(len(d.Timexes), func(i int) doc.Span { return d.Timexes[i].Span })
	v.qSorted = inOrder(len(d.Quantities), func(i int) doc.Span { return d.Quantities[i].Span })
	byID := L.byID
	// the view's slices in locals, resliced to the tokens' length: the
	// compiler then keeps them in registers and drops the bounds checks,
	// where v.caps[i] reloads the slice from v after every store
	ids, wbits := d.WordIDs[:n], d.WordBits[:n]
	lower, capsOf, info, inName, class := v.lower[:n], v.caps[:n], v.info[:n], v.inName[:n], v.class[:n]
	prevCaps, prevWord, prevSlash := false, false, false
	for i := range toks {
		t := &toks[i]
		s := d.Text[t.Start:t.End]
		caps := false
		f := &v.none
		if t.Kind == doc.Word {
			// the text layer's lower case and vocabulary ID (package vocab):
			// no hashing here
			if id := ids[i]; int(id) < len(byID) && byID[id] != nil {
				f = byID[id]
			}
			if b := wbits[i]; b&doc.WordNonASCII == 0 {
				// ASCII: lower case differs exactly when there are capitals
				if b&doc.WordUpper != 0 {
					caps = true
					if len(s) <= 32 {
						// a capitalised word the dictionary does not know (a
						// name) is kept as "": no rule looks at its letters
						s = ""
						if f != &v.none {
							s = f.word
						}
					} else {
						s = d.LowerOf(i)
					}
				}
			} else if low := d.LowerOf(i); low != s {
				switch {
				case s == "’S":
					s = "'s"
					f = L.possessiveOr(&v.none)
				case len(s) <= 32 && isASCII(s):
					// a capitalised word the dictionary does not know (a
					// name) is kept as "": no rule looks at its letters
					caps = true
					s = ""
					if f != &v.none {
						s = f.word
					}
				default:
					caps = true
					s = low
				}
			} else if s == "’s" {
				s = "'s"
				f = L.possessiveOr(&v.none)
			}
		} else if s == "’" || s == "‘" {
			s = "'"
		}
		capsOf[i] = caps
		lower[i] = s
		info[i] = f
		// inside a name ("SPLM/A", "Cessation Of Hostilities") a
		// capitalised "A" or "Of" is no function word; the token before's
		// facts are carried in locals rather than read back
		in := caps && (prevCaps && prevWord || prevSlash)
		inName[i] = in
		var c uint16
		if !in {
			c = f.class
		}
		class[i] = c
		prevCaps, prevWord, prevSlash = caps, t.Kind == doc.Word, s == "/"
	}
	return v
}

func (v *view) release() {
	huge := len(v.d.Tokens) > doc.PooledTokens
	v.d = nil
	v.argSlab = nil
	clear(v.info)
	if !huge {
		viewPool.Put(v)
	}
}

func grow[T any](s []T, n int) []T {
	if cap(s) < n {
		return make([]T, n)
	}
	return s[:n]
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return false
		}
	}
	return true
}

func hasUpper(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= 'A' && c <= 'Z' || c >= 0x80 {
			return true
		}
	}
	return false
}

// cls returns the word classes of token i: none inside a name.
func (v *view) cls(i int) uint16 { return v.class[i] }

func (v *view) isWord(i int) bool { return v.d.Tokens[i].Kind == doc.Word }

// isCap reports whether token i is a capitalised word that can be part of a
// name: not a function word.
func (v *view) isCap(i int) bool {
	t := v.d.Tokens[i]
	if t.Kind != doc.Word || !v.caps[i] {
		return false
	}
	return v.cls(i)&(cDet|cAux|cBe|cPrep|cSub|cRel|cNeg|cFuture|cHypo|cCond|cPron|cNum|cTime) == 0 && !isMonth(v.lower[i])
}

// boundary reports whether token i ends a clause for argument search.
func (v *view) boundary(i int) bool {
	t := v.d.Tokens[i]
	if t.Kind == doc.Punct {
		s := v.lower[i]
		return s != "-" && s != "’" && s != "'" && s != "&" && s != "/"
	}
	return false
}

// hard reports whether token i separates clauses so strongly that a framing
// event does not reach past it.
func (v *view) hard(i int) bool {
	s := v.lower[i]
	return s == ";" || s == ":" || s == "but" || s == "—" || s == "–"
}

// hit is one pattern matched in a sentence.
type hit struct {
	first, end int // tokens [first, end)
	pat        int32
}

// matchAt tries pattern p at token i and returns the end of the match.
func (v *view) matchAt(p *pattern, i, limit int) (int, bool) {
	j := i
	for k := 0; k < len(p.elems); k++ {
		el := &p.elems[k]
		if el.gap {
			// The next element must occur within maxGap tokens.
			next := &p.elems[k+1]
			found := -1
			for g := 0; g <= maxGap && j+g < limit; g++ {
				if g > 0 && v.boundary(j+g-1) && v.lower[j+g-1] != "“" {
					break
				}
				if v.elemOK(next, j+g) {
					found = j + g
					break
				}
				if v.d.Tokens[j+g].Kind == doc.Punct && v.lower[j+g] != "-" {
					break
				}
			}
			if found < 0 {
				return 0, false
			}
			j = found + 1
			k++
			continue
		}
		if j >= limit || !v.elemOK(el, j) {
			return 0, false
		}
		j++
	}
	return j, true
}

func (v *view) elemOK(el *element, i int) bool {
	kind := v.d.Tokens[i].Kind // not the whole token: a copy on every call
	if el.neg {
		return v.cls(i)&cNeg != 0
	}
	if el.cap {
		return v.isCap(i)
	}
	if kind != doc.Word {
		return false
	}
	if v.caps[i] && isMonth(v.lower[i]) && i > 0 && v.d.Tokens[i-1].Kind == doc.Word {
		return false // "in March" is no march
	}
	w := v.lower[i]
	if el.exact {
		for _, a := range el.alts {
			if a == w {
				return true
			}
		}
		return false
	}
	for _, l := range v.info[i].lemmaIDs {
		for _, a := range el.altIDs {
			if a == l {
				return true
			}
		}
	}
	return false
}

// triggers finds the event words of sentence s: every pattern match, the
// longest kept where matches overlap.
func (v *view) triggers(s doc.Sentence) []hit {
	cands := v.cands[:0]
	defer func() { v.cands = cands[:0] }()
	for i := s.Tokens.First; i < s.Tokens.End; i++ {
		ps := v.info[i].first
		if len(ps) == 0 {
			continue
		}
		best := hit{first: -1}
		for _, pi := range ps {
			p := &v.L.patterns[pi]
			end, ok := v.matchAt(p, i, s.Tokens.End)
			if !ok {
				continue
			}
			if !p.noun && v.nounUse(i, s.Tokens.First) {
				continue
			}
			if p.noun && end < s.Tokens.End && v.cls(end)&cGroup != 0 {
				continue // "aid agencies", "protest leaders": a modifier
			}
			if best.first < 0 || better(&v.L.patterns[pi], end-i, &v.L.patterns[best.pat], best.end-best.first) {
				best = hit{first: i, end: end, pat: pi}
			}
		}
		if best.first >= 0 {
			cands = append(cands, best)
		}
	}
	// Resolve overlaps: the larger pattern wins, then the earlier one.
	out := v.hits[:0] // the caller is done with the last sentence's
	defer func() { v.hits = out[:0] }()
	for len(cands) > 0 {
		bi := 0
		for k := 1; k < len(cands); k++ {
			if better(&v.L.patterns[cands[k].pat], cands[k].end-cands[k].first, &v.L.patterns[cands[bi].pat], cands[bi].end-cands[bi].first) {
				bi = k
			}
		}
		b := cands[bi]
		out = append(out, b)
		rest := cands[:0]
		for k, c := range cands {
			if k != bi && (c.end <= b.first || c.first >= b.end) {
				rest = append(rest, c)
			}
		}
		cands = rest
	}
	// back in text order
	for a := 1; a < len(out); a++ {
		for b := a; b > 0 && out[b].first < out[b-1].first; b-- {
			out[b], out[b-1] = out[b-1], out[b]
		}
	}
	return out
}

// nounUse reports whether the word at i is used as a noun, so that a verb
// pattern does not apply: after a determiner ("the attack", "a fair
// offer") or a preposition ("reached by telephone"). nouns.txt decides on
// nouns.
func (v *view) nounUse(i, lo int) bool {
	if i == lo {
		return false
	}
	p := v.lower[i-1]
	c := v.cls(i - 1)
	if c&cDet != 0 && p != "that" {
		return true
	}
	if c&cPrep != 0 && p != "to" && !strings.HasSuffix(v.lower[i], "ing") {
		return true // but "after carrying out a coup" is a verb
	}
	// determiner + one adjective: "a generous offer"
	// (but "the opposition condemned" is a verb in the past)
	return i-2 >= lo && v.cls(i-2)&cDet != 0 && v.lower[i-2] != "that" && v.isWord(i-1) && !v.caps[i-1] && c == 0 && !strings.HasSuffix(p, "ly") && !strings.HasSuffix(v.lower[i], "ed")
}

func better(p *pattern, n int, q *pattern, m int) bool {
	// A verb pattern beats a noun pattern one word longer: "lifted a state
	// of emergency" is the lifting, not the emergency.
	ps, qs := p.size, q.size
	if p.noun {
		ps--
	}
	if q.noun {
		qs--
	}
	if ps != qs {
		return ps > qs
	}
	if p.noun != q.noun {
		return !p.noun
	}
	return n < m
}
