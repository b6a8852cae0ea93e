package timex

import (
	"math"
	"math/bits"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/dossier-news/dossier/doc"
)

// Stage is the pipeline stage that fills Document.Timexes. It also reads a
// dateline ("WASHINGTON, Jan. 27 (Reuters) -") into Document.Published when
// the input gave no publication date.
type Stage struct{}

// Name returns "timex".
func (Stage) Name() string { return "timex" }

// Requires lists the layers the stage reads.
func (Stage) Requires() doc.Layers {
	return doc.LayersOf(doc.LayerText, doc.LayerTokens, doc.LayerSentences, doc.LayerWords, doc.LayerNews, doc.LayerFlags)
}

// Provides lists the layers the stage fills.
func (Stage) Provides() doc.Layers { return doc.LayersOf(doc.LayerTimexes) }

// Process finds and normalises the document's temporal expressions.
func (Stage) Process(d *doc.Document) error {
	// Published is an ISO 8601 date or nothing (the JSON contract): a
	// dateline without a year does not set it, though Find still counts
	// days and months from it.
	if d.Published == "" {
		if p := Dateline(d); p != "" && !strings.HasPrefix(p, "XXXX") {
			d.Published = p
			d.PublishedFrom = "dateline"
		}
	}
	d.Timexes = Find(d)
	return nil
}

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

// result is one normalised expression before it becomes a doc.Timex.
type result struct {
	typ, value, gran, anchor, mod string
	// when is the first day the value denotes, for expressions later in the
	// text that count from it ("two days later"); zero when there is none.
	when time.Time
	// derived marks a value counted from an earlier expression ("a year
	// earlier"): it does not become the anchor of the next one, so that a
	// chain of "a year earlier" does not drift back a year each time.
	derived bool
}

type parser struct {
	d     *doc.Document
	v     []vtok
	low   string // the lower-cased words, which vtoks slice
	l     *lexicons
	ref   time.Time
	refOK bool
	// partial is the month and day of a reference date without its year
	// (a dateline "Jan. 27" gives XXXX-01-27), set in the year 2001; used
	// for days and months counted from it, written with XXXX.
	partial   time.Time
	partialOK bool
	// last is the last expression with a calendar value, the anchor of
	// "a year earlier", "the following month" and "the year-ago quarter".
	last   result
	lastOK bool
	// dir is the direction of tense found for the last expression, in
	// sentence dirSent.
	dir     int8
	dirSent int32
	// ph caches, for each token, the longest phrase of each word list that
	// starts there: rules ask for them many times.
	ph   []int32 // per token: 0 not yet looked up, -1 none, k: hits[k-1]
	hits []phraseHit
	// dirTo is set when the last cue found was "to" before a verb, which
	// says an aim ("to mark the entry on Friday"), too weak for a weekday.
	dirTo bool
}

// Find returns the temporal expressions of d, in text order. It needs the
// text layer (tokens and sentences).
func Find(d *doc.Document) []doc.Timex {
	if len(d.Tokens) == 0 {
		return nil
	}
	sc := scratchPool.Get().(*scratch)
	if len(d.Tokens) <= doc.PooledTokens {
		defer scratchPool.Put(sc)
	}
	p := &parser{d: d, l: load()}
	pub := d.Published
	if pub == "" {
		pub = Dateline(d) // a dateline without a year (XXXX-01-27) still anchors "yesterday"
	}
	p.ref, p.refOK = parseRef(pub)
	if !p.refOK && len(pub) >= 10 && pub[:5] == "XXXX-" {
		if t, err := time.Parse("2006-01-02", "2001"+pub[4:10]); err == nil {
			p.partial, p.partialOK = t, true
		}
	}
	p.v, p.low = buildTokens(d, sc, p.l)
	p.dirSent = -1
	if cap(sc.ph) < len(p.v) {
		sc.ph = make([]int32, len(p.v))
	}
	p.ph = sc.ph[:len(p.v)]
	clear(p.ph)
	p.hits = sc.hits[:0]
	defer func() { sc.hits = p.hits[:0] }()
	// The timexes are collected in the scratch buffer and copied once into
	// a slice of their number: appending to a new slice reallocated it as
	// it grew, and the pipeline's profile showed those copies.
	out := sc.out[:0]
	defer func() {
		clear(out) // the buffer must not keep the document's strings alive
		sc.out = out[:0]
	}()
	for i := 0; i < len(p.v); {
		if f := p.v[i].f; p.v[i].bad || f&^(fWord|fQuarter) == 0 || f&^weak == 0 && p.weakStart(i) {
			i++
			continue
		}
		end, r, ok := p.match(i)
		if !ok || p.inName(i) {
			i++
			continue
		}
		if r.mod == "" && (r.typ == "DATE" || r.typ == "TIME") {
			r.mod = p.openRange(i, end, out)
		}
		out = append(out, doc.Timex{
			Span:        doc.Span{Start: int(p.v[i].start), End: int(p.v[end-1].end)},
			Type:        r.typ,
			Value:       r.value,
			Granularity: r.gran,
			Anchor:      r.anchor,
			Mod:         r.mod,
		})
		if !r.when.IsZero() && r.typ != "DURATION" && r.typ != "SET" && !r.derived {
			p.last, p.lastOK = r, true
		}
		// "April 24 and 25", "March 3-5": the second day takes the first's month
		if r.gran == "day" && r.typ == "DATE" && p.has(end-1, fNum) && p.same(i, end+1) {
			if c := p.w(end); c == "and" || c == "or" || c == "to" || c == "-" || c == "–" || c == "through" {
				if day, ok := dayNumber(p.w(end + 1)); ok && p.v[end+1].isNum() && !p.has(end+2, fMonth|fUnit) && !(end+2 < len(p.v) && p.v[end+2].kind == doc.Symbol) {
					t := time.Date(r.when.Year(), r.when.Month(), day, 0, 0, 0, 0, time.UTC)
					if t.Month() == r.when.Month() && t.After(r.when) {
						out = append(out, doc.Timex{
							Span: doc.Span{Start: int(p.v[end+1].start), End: int(p.v[end+1].end)},
							Type: "DATE", Value: dayValue(t), Granularity: "day", Anchor: "timex",
						})
						end += 2
					}
				}
			}
		}
		i = end
	}
	if len(out) == 0 {
		return nil
	}
	return append([]doc.Timex(nil), out...)
}

// rangeSignals are the words before a date that make it the bound of an
// open range ("since 2012"), with the TIMEX3 mod that says so.
var rangeSignals = map[string]string{
	"since": "ON_OR_AFTER", "from": "ON_OR_AFTER", "between": "ON_OR_AFTER",
	"until": "ON_OR_BEFORE", "till": "ON_OR_BEFORE", "through": "ON_OR_BEFORE", "by": "ON_OR_BEFORE",
	"before": "BEFORE", "after": "AFTER",
}

// openRange gives the mod of a date that bounds a range: "since 2012" is
// ON_OR_AFTER 2012; in "between March and May" and "from 2012 to 2015" the
// first date opens the range and the second closes it (ON_OR_BEFORE).
// TimeML keeps these words outside the span, as signals; the mod keeps
// their meaning with the value.
func (p *parser) openRange(i, end int, prev []doc.Timex) string {
	if i == 0 || !p.same(i, i-1) {
		return ""
	}
	w := p.w(i - 1)
	if (w == "and" || w == "to" || w == "-" || w == "–") && len(prev) > 0 {
		last := &prev[len(prev)-1]
		if last.Mod == "ON_OR_AFTER" && last.End <= int(p.v[i-1].start) && int(p.v[i-1].start)-last.End <= 2 {
			if k := p.d.TokenAt(last.Start); k > 0 {
				before := p.d.TokenText(k - 1)
				if strings.EqualFold(before, "between") && w == "and" || strings.EqualFold(before, "from") && w != "and" {
					return "ON_OR_BEFORE"
				}
			}
		}
		return ""
	}
	if w == "from" && p.w(end) != "to" && p.w(end) != "until" && p.w(end) != "through" && p.w(end) != "-" && p.w(end) != "–" {
		return "" // "from March": a start only when a "to" follows
	}
	return rangeSignals[w]
}

// inName reports whether token i is a capitalised common word inside a
// sentence, after another word: "VOA Today", "High Noon" and ABC's "This
// Week" are names, not times. Months, weekdays, holidays and seasons
// are capitalised anyway.
func (p *parser) inName(i int) bool {
	t := &p.v[i]
	if i == 0 || !p.same(i, i-1) || t.f&(fMonth|fWeekday|fHoliday) != 0 {
		return false
	}
	prev := &p.v[i-1]
	return t.cap && prev.kind == doc.Word && !t.hyph && prev.f&(fMonth|fWeekday) == 0
}

// weak flags are those of function words that start an expression only
// with a listed word after them.
const weak = fRel | fCount | fMod | fFuzzy | fHoliday | fWord | fWeakStart | fQuarter

// weakStart reports whether token i is a frequent function word ("the",
// "a", "that") followed by a word no rule looks for, so no expression can
// start there.
func (p *parser) weakStart(i int) bool {
	if p.v[i].f&fWeakStart == 0 {
		return false
	}
	return i+1 >= len(p.v) || p.v[i+1].f == 0
}

// parseRef reads the reference date from the start of an ISO 8601 date or
// date-time.
func parseRef(s string) (time.Time, bool) {
	if len(s) < 10 {
		return time.Time{}, false
	}
	t, err := time.Parse("2006-01-02", s[:10])
	if err != nil {
		return time.Time{}, false
	}
	return t, true
}

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

type rule func(p *parser, i int) (int, result, bool)

// rules lists every rule with the word flags a token needs for the rule to
// start there.
// ruleMask has, for each word flag (by bit), a bit for each rule (by
// index in rules) that a token with the flag can start: core tries only
// those, without testing every rule's need.
var ruleMask = func() (m [32]uint32) {
	if len(rules) > 32 {
		panic("timex: more than 32 rules: ruleMask needs a wider integer")
	}
	for ri, r := range rules {
		for b := range 32 {
			if r.need&(1<<b) != 0 {
				m[b] |= 1 << ri
			}
		}
	}
	return
}()

var rules = []struct {
	fn   rule
	need uint32
}{
	{(*parser).isoDate, fISO},
	{(*parser).fuzzyRef, fFuzzy},
	{(*parser).clock, fNum | fClock},
	{(*parser).weekdayRule, fWeekday},
	{(*parser).monthRule, fMonth | fNum},
	{(*parser).yearRule, fNum | fRel},
	{(*parser).decadeRule, fRel | fDigit},
	{(*parser).quarterRule, fRel | fNum | fOrdinal | fCount},
	{(*parser).relativeRule, fRel},
	{(*parser).agoRule, fCount | fNum | fUnit},
	{(*parser).durationRule, fRel | fCount | fNum | fUnit},
	{(*parser).setRule, fSet | fRel},
	{(*parser).seasonRule, fRel | fSeason},
	{(*parser).holidayRule, fRel | fHoliday},
	{(*parser).theUnitRule, fRel | fUnit},
	{(*parser).spokenYearRule, fRel | fCount},
	{(*parser).vagueRule, fRel},
	{(*parser).pluralWeekdayRule, fWeekday | fWord},
	{(*parser).anchoredDayRule, fRel | fMod},
}

// core tries the rules at i and keeps the longest match; on a tie the
// earlier rule wins.
func (p *parser) core(i int) (int, result, bool) {
	if p.w(i) == "" {
		return 0, result{}, false
	}
	bestEnd := -1
	var best result
	// the rules that need one of the token's flags, in their order: the
	// union of ruleMask over the flags, read bit by bit
	var m uint32
	for g := p.v[i].f; g != 0; g &= g - 1 {
		m |= ruleMask[bits.TrailingZeros32(g)]
	}
	for ; m != 0; m &= m - 1 {
		r := &rules[bits.TrailingZeros32(m)]
		if end, res, ok := r.fn(p, i); ok && end > bestEnd {
			bestEnd, best = end, res
		}
	}
	if bestEnd < 0 {
		return 0, result{}, false
	}
	return p.partOfDay(i, bestEnd, best)
}

// partOfDay extends a day ("Friday", "yesterday") by a following part of the
// day ("Friday night") or time ("noon Friday" is handled by clock), making a TIME.
func (p *parser) partOfDay(i, end int, r result) (int, result, bool) {
	if r.gran != "day" || r.typ != "DATE" || !p.same(i, end) {
		return end, r, true
	}
	if code, ok := p.partAt(end); ok {
		r.typ = "TIME"
		r.value += "T" + code
		r.gran = "part of day"
		return end + 1, r, true
	}
	return end, r, true
}

// ---- values ----

func pad(n, width int) string {
	s := strconv.Itoa(n)
	for len(s) < width {
		s = "0" + s
	}
	return s
}

func dayValue(t time.Time) string {
	return pad(t.Year(), 4) + "-" + pad(int(t.Month()), 2) + "-" + pad(t.Day(), 2)
}

func weekValue(t time.Time) string {
	y, w := t.ISOWeek()
	return pad(y, 4) + "-W" + pad(w, 2)
}

func quarterOf(t time.Time) int { return (int(t.Month())-1)/3 + 1 }

func isoWeekday(t time.Time) int {
	wd := int(t.Weekday())
	if wd == 0 {
		return 7
	}
	return wd
}

// unknown is the value of an expression of granularity gran whose reference
// date is not known.
func unknown(gran string) string {
	switch gran {
	case "day":
		return "XXXX-XX-XX"
	case "week":
		return "XXXX-WXX"
	case "month":
		return "XXXX-XX"
	case "quarter":
		return "XXXX-QX"
	case "decade":
		return "XXX"
	case "century":
		return "XX"
	}
	return "XXXX"
}

// shift returns the calendar unit u that lies n units from base (n = 0: the
// unit holding base), as a TIMEX3 value.
func shift(base time.Time, u unitInfo, n int) (string, string, time.Time) {
	switch u.letter {
	case "Y":
		t := time.Date(base.Year()+n, 1, 1, 0, 0, 0, 0, time.UTC)
		return pad(t.Year(), 4), "year", t
	case "M":
		t := time.Date(base.Year(), base.Month()+time.Month(n), 1, 0, 0, 0, 0, time.UTC)
		return pad(t.Year(), 4) + "-" + pad(int(t.Month()), 2), "month", t
	case "W":
		t := base.AddDate(0, 0, 7*n)
		return weekValue(t), "week", t
	case "WE":
		t := base.AddDate(0, 0, 7*n)
		return weekValue(t) + "-WE", "week", t
	case "D":
		t := base.AddDate(0, 0, n)
		return dayValue(t), "day", t
	case "Q":
		q := base.Year()*4 + quarterOf(base) - 1 + n
		t := time.Date(q/4, time.Month(q%4*3+1), 1, 0, 0, 0, 0, time.UTC)
		return pad(q/4, 4) + "-Q" + strconv.Itoa(q%4+1), "quarter", t
	case "DE":
		dec := base.Year()/10 + n
		return pad(dec, 3), "decade", time.Date(dec*10, 1, 1, 0, 0, 0, 0, time.UTC)
	case "CE":
		c := base.Year()/100 + n
		return pad(c, 2), "century", time.Date(c*100, 1, 1, 0, 0, 0, 0, time.UTC)
	}
	return "", "", time.Time{}
}

// rel is the value of "this/last/next UNIT" counted from the publication date.
func (p *parser) rel(u unitInfo, n int) result {
	if !p.refOK && p.partialOK && u.letter == "M" {
		v, g, _ := shift(p.partial, u, n)
		return result{typ: "DATE", value: "XXXX" + v[4:], gran: g, anchor: "published"}
	}
	if !p.refOK {
		g := u.gran
		v := unknown(g)
		if u.letter == "WE" {
			v += "-WE"
		}
		return result{typ: "DATE", value: v, gran: g}
	}
	v, g, t := shift(p.ref, u, n)
	return result{typ: "DATE", value: v, gran: g, anchor: "published", when: t}
}

func durationValue(n int, u unitInfo) string {
	if u.letter == "DE" && n > 0 {
		return "P" + strconv.Itoa(10*n) + "Y" // TimeML writes "two decades" P20Y
	}
	num := "X"
	if n >= 0 {
		num = strconv.Itoa(n)
	}
	letter := u.letter
	if u.time {
		return "PT" + num + letter
	}
	return "P" + num + letter
}
