// The rules' view of the tokens: lower-cased, hyphenated words split into
// their parts, and the phrase lists matched at each token.

package timex

import (
	"math"
	"strings"
	"sync"

	"github.com/dossier-news/dossier/doc"
)

// vtok is a token as the rules see it: lower-cased, with words joined by
// hyphens split into their parts ("third-quarter" is "third" "quarter"), so
// "two-year" and "two years" go through the same rules.
// It holds no pointers, so that the garbage collector neither scans nor
// guards a document's worth of them.
type vtok struct {
	ls, le     int32  // the lower-cased text: parser.low[ls:le]
	start, end int32  // byte offsets in the document
	sent       int32  // sentence index
	e          int32  // the word's entry in the word lists: lexicons.entries[e-1], or 0
	f          uint32 // word flags: which rules can start here
	kind       doc.TokenKind
	cap        bool // first letter upper case
	hyph       bool // joined by a hyphen to the previous part of the same token
	bad        bool // inside text flagged as debris: never part of a timex
}

func (t *vtok) isNum() bool { return t.kind == doc.Number }

// scratch holds the per-document buffers of the stage, reused from one
// document to the next through a pool so that a batch makes little garbage.
type scratch struct {
	v    []vtok
	buf  []byte
	ph   []int32
	hits []phraseHit
	out  []doc.Timex // the timexes while they are found; Find returns a copy
}

var scratchPool = sync.Pool{New: func() any { return new(scratch) }}

// buildTokens returns the token view of d, with every token's word flags
// and word-list entry, and the lower-cased text its tokens slice.
func buildTokens(d *doc.Document, sc *scratch, l *lexicons) ([]vtok, string) {
	// Every token is read from the text layer's lower-cased text, which
	// has the text's offsets and holds every token other than a word with
	// capitals as written, or, in the rare case of a word whose lower case
	// has another length, from a buffer after it (parser.str slices the
	// two as one string, without a branch).
	// Hyphens, digits and capitals are the same in all, so the token view
	// is built in the same pass, and a whole word's flags come from its
	// vocabulary ID (package vocab).
	//
	// The loop is kept small, with the rare cases (a new sentence, a word
	// to lower-case or to split at hyphens, debris) in functions of their
	// own: a loop with more live values than registers spills them to the
	// stack on every token.
	v := sc.v[:0]
	if cap(v) < len(d.Tokens) {
		v = make([]vtok, 0, len(d.Tokens)+len(d.Tokens)/8)
	}
	sc.buf = sc.buf[:0]
	txt, wbits, ids := d.Text, d.WordBits, d.WordIDs
	b := tokenBuilder{d: d, l: l, n: int32(len(txt))}
	plain := l.plainByID()
	for ti := range d.Tokens {
		tk := &d.Tokens[ti]
		if ti >= b.next {
			b.advance(ti)
		}
		base := vtok{ls: int32(tk.Start), le: int32(tk.End), start: int32(tk.Start), end: int32(tk.End), sent: b.si, kind: tk.Kind, cap: tk.Flags&doc.FlagCap != 0}
		if b.checkFlags {
			base.bad = d.Flagged(tk.Span)
		}
		switch tk.Kind {
		case doc.Word:
			// the text layer read the bytes: capitals or bytes outside
			// ASCII (the word is read lower-cased), hyphens (it is split)
			bits := wbits[ti]
			if lower := tk.Flags&(doc.FlagCap|doc.FlagAllCaps) != 0 || bits&(doc.WordUpper|doc.WordNonASCII) != 0; lower || bits != 0 {
				v = b.word(v, sc, base, ti, txt[tk.Start:tk.End], lower, bits&doc.WordHyphen != 0)
				continue
			}
			// a lower-case ASCII word: the vocabulary word itself when the
			// vocabulary knows it, and its flags are ready by ID
			if id := ids[ti]; id != 0 && int(id) < len(plain) {
				base.f, base.e = plain[id].f, plain[id].e
			} else {
				base.f, base.e = l.wordFlagsID(id, txt[tk.Start:tk.End])
			}
		case doc.Number:
			base.f = fNum
		}
		v = append(v, base)
	}
	lowText := d.Lower
	if len(sc.buf) > 0 {
		lowText += string(sc.buf)
	}
	sc.buf = sc.buf[:0]
	sc.v = v[:0]
	return v, lowText
}

// tokenBuilder holds buildTokens' state for the rare cases.
type tokenBuilder struct {
	d          *doc.Document
	l          *lexicons
	n          int32 // len(d.Text): the buffer of odd lower cases is at offsets n and on
	si         int32 // the sentence of the token
	next       int   // the next token where advance must run: sentence si's first or end
	checkFlags bool  // sentence si overlaps debris
}

// advance moves to the sentence of token ti, and reads whether that
// sentence overlaps debris when ti is its first token.
func (b *tokenBuilder) advance(ti int) {
	sents := b.d.Sentences
	si := int(b.si)
	for si < len(sents) && sents[si].Tokens.End <= ti {
		si++
		b.checkFlags = false
	}
	b.si = int32(si)
	b.next = math.MaxInt
	if si < len(sents) {
		if sents[si].Tokens.First == ti && len(b.d.Flags) > 0 {
			b.checkFlags = b.d.Flagged(sents[si].Span)
		}
		b.next = sents[si].Tokens.End
		if f := sents[si].Tokens.First; f > ti {
			b.next = f
		}
	}
}

// word appends a word that must be lower-cased (into the buffer) or may
// have to be split at hyphens.
//
//go:noinline
func (b *tokenBuilder) word(v []vtok, sc *scratch, base vtok, ti int, raw string, lower, hyphen bool) []vtok {
	low := raw
	if lower {
		if odd, ok := b.d.LowerOdd[ti]; ok {
			base.ls = b.n + int32(len(sc.buf))
			sc.buf = append(sc.buf, odd...)
			base.le = b.n + int32(len(sc.buf))
			low = odd
		} else {
			// d.Lower at the token's own offsets: ls, le as they are
			low = b.d.Lower[base.start:base.end]
		}
	}
	if !hyphen || int(base.le-base.ls) != len(raw) || isISO(raw) {
		base.f, base.e = b.l.wordFlagsID(b.d.WordIDs[ti], low)
		return append(v, base)
	}
	// split at hyphens, keeping byte offsets
	ls, start := base.ls, base.start
	off := 0
	first := true
	for off <= len(raw) {
		j := strings.IndexByte(raw[off:], '-')
		part := raw[off:]
		if j >= 0 {
			part = raw[off : off+j]
		}
		if part != "" {
			t := base
			t.ls = ls + int32(off)
			t.le = t.ls + int32(len(part))
			t.start = start + int32(off)
			t.end = t.start + int32(len(part))
			t.hyph = !first
			t.cap = part[0] >= 'A' && part[0] <= 'Z'
			t.kind = doc.Word
			if isDigits(part) {
				t.kind = doc.Number
			}
			t.f, t.e = b.l.wordFlags(t.kind, low[off:off+len(part)])
			v = append(v, t)
			first = false
		}
		if j < 0 {
			break
		}
		off += j + 1
	}
	return v
}

// lower lower-cases ASCII text without allocating when it is already lower
// case; other text goes through strings.ToLower.
func lower(s string) string {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= 0x80 {
			return strings.ToLower(s)
		}
		if c >= 'A' && c <= 'Z' {
			return strings.ToLower(s)
		}
	}
	return s
}

func isDigits(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// isISO reports whether s is an ISO date written as one token: 2023-01-27 or 2023-01.
func isISO(s string) bool {
	if len(s) != 10 && len(s) != 7 {
		return false
	}
	if !isDigits(s[:4]) || s[4] != '-' || !isDigits(s[5:7]) {
		return false
	}
	return len(s) == 7 || (s[7] == '-' && isDigits(s[8:]))
}

// relWords start relative expressions ("last year", "the third quarter").
var relWords = map[string]bool{
	"the": true, "this": true, "last": true, "next": true, "past": true, "coming": true,
	"previous": true, "following": true, "every": true, "each": true, "fiscal": true,
	"year": true, "noon": true, "midnight": true, "that": true, "per": true, "latest": true,
	"same": true, "these": true, "those": true, "within": true, "midday": true, "future": true, "upcoming": true,
	"nineteen": true, "twentieth": true, "twenties": true, "thirties": true, "forties": true,
	"fifties": true, "sixties": true, "seventies": true, "eighties": true, "nineties": true,
}

func (p *parser) w(i int) string {
	if i < 0 || i >= len(p.v) || p.v[i].bad {
		return ""
	}
	return p.str(i)
}

// str is the lower-cased text of token i.
func (p *parser) str(i int) string {
	t := &p.v[i]
	return p.low[t.ls:t.le]
}

// same reports whether tokens i and j exist and lie in one sentence.
func (p *parser) same(i, j int) bool {
	return i >= 0 && j >= 0 && i < len(p.v) && j < len(p.v) && p.v[i].sent == p.v[j].sent && !p.v[j].bad
}

// match tries every rule at i and keeps the longest expression.
func (p *parser) match(i int) (int, result, bool) {
	// leading words that TimeML keeps inside the span: "early", "the end of", "about"
	if n, mod := p.modAt(i); n > 0 && p.same(i, i+n) {
		k := i + n
		if end, r, ok := p.core(k); ok {
			if mod != "-" {
				r.mod = mod
			}
			if p.w(i) == "over" && p.w(k) == "the" {
				r.mod = ""
			}
			return end, r, true
		}
	}
	// "the early 1980s", "the late summer"
	if p.w(i) == "the" {
		if n, mod := p.modAt(i + 1); n > 0 && mod != "-" {
			if end, r, ok := p.core(i + 1 + n); ok && (r.gran == "decade" || r.gran == "century" || r.gran == "season" || r.gran == "year") {
				r.mod = mod
				return end, r, true
			}
		}
	}
	return p.core(i)
}

// phraseHit is the longest phrase of each list at one token (lengths 0 when none).
type phraseHit struct {
	done               bool
	numN, fuzzyN, modN int8
	holN               int8
	num                int
	fuzzy              fuzzyInfo
	mod, hol           string
}

var noHit phraseHit

// hit returns the phrases that start at token i, computing them once.
func (p *parser) hit(i int) *phraseHit {
	switch k := p.ph[i]; {
	case k > 0:
		return &p.hits[k-1]
	case k < 0:
		return &noHit
	}
	p.ph[i] = -1
	if p.v[i].f&(fCount|fFuzzy|fMod|fHoliday) == 0 || p.v[i].bad {
		return &noHit
	}
	p.hits = append(p.hits, phraseHit{})
	p.ph[i] = int32(len(p.hits))
	h := &p.hits[len(p.hits)-1]
	p.phrases(i, func(n int, v *phraseVal) {
		m := int8(n)
		if v.number != -2 && m > h.numN {
			h.numN, h.num = m, v.number
		}
		if v.fuzzy != nil && m > h.fuzzyN {
			h.fuzzyN, h.fuzzy = m, *v.fuzzy
		}
		if v.modifer != "" && m > h.modN {
			h.modN, h.mod = m, v.modifer
		}
		if v.holiday != "" && m > h.holN {
			h.holN, h.hol = m, v.holiday
		}
	})
	return h
}

// phrases calls fn with the length and value of every phrase of the word
// lists that starts at token i.
func (p *parser) phrases(i int, fn func(n int, v *phraseVal)) {
	if p.v[i].e == 0 {
		return
	}
	e := &p.l.entries[p.v[i].e-1]
	if e.single != nil {
		fn(1, e.single)
	}
	for k := range e.multi {
		mp := &e.multi[k]
		ok := true
		for j, r := range mp.rest {
			if !p.same(i, i+1+j) || p.str(i+1+j) != r {
				ok = false
				break
			}
		}
		if ok {
			fn(1+len(mp.rest), &mp.val)
		}
	}
}

// modAt returns the modifier phrase at i ("early", "the end of") and its length.
func (p *parser) modAt(i int) (int, string) {
	if i >= len(p.v) || p.v[i].f&fMod == 0 {
		return 0, ""
	}
	h := p.hit(i)
	return int(h.modN), h.mod
}
