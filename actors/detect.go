package actors

import (
	"strings"
	"sync"

	"github.com/dossier-news/dossier/doc"
	"github.com/dossier-news/dossier/vocab"
)

// token classes of the classify pass
const (
	cNone  uint8 = iota
	cLex         // inside a lexicon phrase (hitOf gives which)
	cTitle       // a title word
	cName        // inside a run of capitalised words that may be a name
	cPron        // a pronoun
)

type hit struct {
	first, end int // tokens
	e          *entry
	used       bool // taken into a person's prefix
}

type chunk struct {
	first, end int // tokens
	org        bool
	weak       bool // sentence-initial or headline: may be an ordinary word
	sent       int
}

// cand is a candidate mention before resolution.
type cand struct {
	first, end int // tokens of the whole mention
	nFirst     int // where the name proper starts (after titles)
	typ, kind  string
	canon      string
	role       string
	roleKey    string
	affil      string
	gender     byte
	weak       bool
	verbAfter  bool
	newRole    bool // the role was taken up here ("became president"): it replaces the old one
	guessed    bool // typed PERSON for want of evidence: a later ORG may retype it
	pron       pronoun
	sent       int
	entity     int
	drop       bool
}

type analyzer struct {
	d      *doc.Document
	cls    []uint8
	hitOf  []int32
	hits   []hit
	chunks []chunk
	cands  []cand
	sentOf []int32 // token -> sentence
	heads  []bool  // sentence is a headline
	ents   []*ent
	all    string   // the arena as a string: normalised texts of the words that change
	alen   []int32  // token -> length of its normalised text in all
	info   []uint16 // lexicon flags of word tokens
	keyBuf []byte   // phrase keys being looked up
	arena  []byte   // lower-cased capitalised tokens
	aoff   []int32  // token -> 1 + offset in arena, or 0 when its text is the text layer's

	lowerBits [lowerSize / 64]uint64 // filter of the lower-case words (lowerElsewhere), filled by lower
	lowerSet  map[string]struct{}    // the lower-case words as written, built on lowerElsewhere's first need
	idx       resolverIndex          // the resolver's look-ups by key (index.go)
	idxBuf    []int32

	// the resolver's state
	byKey     map[entKey]int
	tokBuf    []string
	pieces    []piece
	bySurname map[string]int
	byName    map[uint64]int // people by the hash of their name's words
	exactOnly bool           // no near spellings (inside headline runs)
	byFirst   map[string]int
	seen      []seen
	order     []int
	keys      []uint64 // sortCands' buffer
	entSlab   []*ent   // entities of earlier documents, reused with their slices
	refs      []mref   // emit's buffers
	newID     []int
	counts    []int
}

// pool keeps analyzers between documents, so that their slices and maps
// are allocated once per worker rather than once per document.
var pool = sync.Pool{New: func() any {
	return &analyzer{byName: map[uint64]int{}, byKey: map[entKey]int{}, bySurname: map[string]int{}, byFirst: map[string]int{}}
}}

func grow[T any](s []T, n int) []T {
	if cap(s) < n {
		return make([]T, n)
	}
	s = s[:n]
	clear(s)
	return s
}

func newAnalyzer(d *doc.Document) *analyzer {
	a := pool.Get().(*analyzer)
	n := len(d.Tokens)
	a.d = d
	a.lowerSet = nil
	a.idx.reset()
	a.cls = grow(a.cls, n)
	a.hitOf = grow(a.hitOf, n)
	a.sentOf = grow(a.sentOf, n)
	a.alen = grow(a.alen, n)
	a.info = grow(a.info, n)
	a.aoff = grow(a.aoff, n)
	a.hits, a.chunks, a.cands, a.heads, a.seen, a.order = a.hits[:0], a.chunks[:0], a.cands[:0], a.heads[:0], a.seen[:0], a.order[:0]
	clear(a.ents)
	a.ents = a.ents[:0]
	clear(a.byKey)
	clear(a.bySurname)
	clear(a.byName)
	clear(a.byFirst)
	// in locals of the token count: no bounds checks, no reloads through a
	hitOf, sentOf := a.hitOf[:n], a.sentOf[:n]
	for i := range hitOf {
		hitOf[i] = -1
		sentOf[i] = -1
	}
	a.lower()
	for si, s := range d.Sentences {
		for i := s.Tokens.First; i < s.Tokens.End && i < n; i++ {
			sentOf[i] = int32(si)
		}
	}
	return a
}

// release returns a to the pool.
func (a *analyzer) release() {
	a.d = nil
	a.lowerSet = nil
	if cap(a.cls) > doc.PooledTokens {
		return // a huge document's buffers are not kept for the next one
	}
	pool.Put(a)
}

// lower computes once the normalised text of every token (lower case,
// straight apostrophes) and its lexicon flags.
//
// The text layer's lower case (d.Lower) is the normalised text of every
// word without a curly apostrophe, and its vocabulary ID gives the word's
// flags without a look-up; only words with a curly apostrophe, and the rare
// word whose lower case has another length, are normalised here, into the
// arena, and looked up in the map on first need (is).
func (a *analyzer) lower() {
	d := a.d
	arena := a.arena[:0]
	// the filter of the lower-case words (lowerElsewhere) is filled here
	clear(a.lowerBits[:])
	byID, lh := lex.infoByID, lowerHashes()
	var pendBuf [16]int32
	pending := pendBuf[:0] // lower-case words whose normalised text is in the arena
	// a.info and a.aoff are all zero (grow): aoff 0 is no arena text
	// The layers in locals, resliced to the token count: the compiler then
	// drops their bounds checks and keeps them out of memory.
	toks := d.Tokens
	n := len(toks)
	wbits, ids, info := d.WordBits[:n], d.WordIDs[:n], a.info[:n]
	low := d.Lower
	for i := range toks {
		t := &toks[i]
		if t.Kind != doc.Word {
			continue
		}
		// the text layer read the bytes: only a word outside ASCII is
		// scanned again, for its curly apostrophes
		b := wbits[i]
		var v uint16
		if b&doc.WordHyphen != 0 {
			v = wHyphen
		}
		capd := t.Has(doc.FlagCap)
		if b&doc.WordNonASCII != 0 {
			_, _, curly, other := scanWord(d.Text, t.Start, t.End)
			if _, odd := d.LowerOdd[i]; curly || other && odd {
				w := norm(d.Text[t.Start:t.End])
				a.aoff[i] = int32(len(arena)) + 1
				a.alen[i] = int32(len(w))
				arena = append(arena, w...)
				info[i] = v
				if !capd {
					pending = append(pending, int32(i))
				}
				continue
			}
		}
		// the text layer's word: its vocabulary ID gives its flags at once,
		// and wSkip says exactly that it has none of wFiltered
		var f uint16
		if id := ids[i]; int(id) < len(byID) {
			f = byID[id]
		}
		v |= f | wDone
		if f&wFiltered == 0 {
			v |= wSkip
		}
		info[i] = v
		if !capd {
			// an ASCII word's lower case is its vocabulary word, whose
			// filter place is ready by ID
			var h uint32
			if id := ids[i]; id != 0 && b&doc.WordNonASCII == 0 && int(id) < len(lh) {
				h = lh[id]
			} else {
				h = lowerHash(low[t.Start:t.End])
			}
			a.lowerBits[h/64] |= 1 << (h % 64)
		}
	}
	a.arena = arena
	a.all = ""
	if len(arena) > 0 {
		a.all = string(arena)
	}
	for _, i := range pending {
		a.markLower(int(i), a.low(int(i)))
	}
}

// scanWord looks once at the letters of the word text[start:end]: whether
// it has capitals, hyphens, curly apostrophes (’) and other bytes outside
// ASCII (accents, which take norm's route). A word of eight bytes or fewer
// in ASCII, the common case, is read as one 64-bit word.
func scanWord(text string, start, end int) (upper, hyphen, curly, other bool) {
	const lo, hi = 0x0101010101010101, 0x8080808080808080
	if n := end - start; n > 0 && n <= 8 && start+8 <= len(text) {
		b := text[start : start+8]
		x := uint64(b[0]) | uint64(b[1])<<8 | uint64(b[2])<<16 | uint64(b[3])<<24 |
			uint64(b[4])<<32 | uint64(b[5])<<40 | uint64(b[6])<<48 | uint64(b[7])<<56
		x &= ^uint64(0) >> (64 - 8*n) // the word's bytes; the rest are zero, which match nothing below
		if x&hi == 0 {
			h := x ^ ('-' * lo)
			hyphen = (h-lo)&^h&hi != 0 // some byte is '-'
			// bytes from 'A' (0x41) to 'Z' (0x5A): adding 0x3F sets the top bit
			// from 'A' up, adding 0x25 from '[' (0x5B) up; no byte carries
			upper = (x+0x3F*lo)&^(x+0x25*lo)&hi != 0
			return
		}
	}
	for k := start; k < end; k++ {
		switch c := text[k]; {
		case c >= 'A' && c <= 'Z':
			upper = true
		case c == '-':
			hyphen = true
		case c == 0xE2 && k+2 < end && text[k+1] == 0x80 && text[k+2] == 0x99:
			curly = true
			k += 2
		case c >= 0x80:
			other = true
		}
	}
	return
}

// markLower enters the lower-case word w of token i in the lower-case
// filter, and marks it wSkip when the flag filter says it is no title, group
// noun, pronoun or lower-case phrase.
func (a *analyzer) markLower(i int, w string) {
	l := lowerHash(w)
	a.lowerBits[l/64] |= 1 << (l % 64)
	if h := filterIndex(w); filteredBits[h/64]&(1<<(h%64)) == 0 {
		a.info[i] |= wSkip
	}
}

func (a *analyzer) txt(i int) string { return a.d.TokenText(i) }
func (a *analyzer) low(i int) string {
	if o := a.aoff[i] - 1; o >= 0 {
		return a.all[o : o+a.alen[i]]
	}
	t := a.d.Tokens[i]
	return a.d.Lower[t.Start:t.End] // other tokens are as written there
}

// is reports whether token i is a word with any of the lexicon flags f.
//
// The flags of a word are looked up on first need: most words are asked only
// whether they are a title, a group noun or a pronoun, and a small filter
// answers that without a look-up (wSkip).
func (a *analyzer) is(i int, f uint16) bool {
	if i < 0 || i >= len(a.info) {
		return false
	}
	v := a.info[i]
	if v&wDone == 0 {
		if v&wSkip != 0 && f&^(wFiltered|wHyphen) == 0 {
			return v&f != 0
		}
		if a.d.Tokens[i].Kind != doc.Word {
			return false
		}
		if a.aoff[i] == 0 {
			// the text layer's word: its vocabulary ID says it
			if id := a.d.WordIDs[i]; int(id) < len(lex.infoByID) {
				v |= lex.infoByID[id]
			}
		} else {
			v |= lex.info[a.low(i)]
		}
		v |= wDone
		a.info[i] = v
	}
	return v&f != 0
}

func (a *analyzer) isWord(i int) bool {
	return i >= 0 && i < len(a.d.Tokens) && a.d.Tokens[i].Kind == doc.Word
}

func (a *analyzer) isCap(i int) bool {
	return a.isWord(i) && a.d.Tokens[i].Has(doc.FlagCap)
}

func isPossessive(s string) bool {
	return s == "’s" || s == "'s" || s == "’S" || s == "'S"
}

// sentence ranges: when the text layer made no sentences, the whole text is one.
func (a *analyzer) sentences() []doc.Sentence {
	if len(a.d.Sentences) > 0 {
		return a.d.Sentences
	}
	n := len(a.d.Tokens)
	return []doc.Sentence{{Span: doc.Span{Start: 0, End: len(a.d.Text)}, Tokens: doc.Range{First: 0, End: n}}}
}

// headline reports whether a sentence is written in capitals or title case,
// where capital letters say nothing about names.
func (a *analyzer) headline(s doc.Sentence) bool {
	words, allcaps, long := 0, 0, 0
	toks := a.d.Tokens
	for i := s.Tokens.First; i < s.Tokens.End; i++ {
		t := &toks[i]
		if t.Kind != doc.Word {
			continue
		}
		words++
		if t.Has(doc.FlagAllCaps) {
			allcaps++
		}
		if !t.Has(doc.FlagCap) && t.Len() > 4 {
			long++ // a long word in lower case: no title case
		}
	}
	if words < 3 {
		return false
	}
	if allcaps*10 >= words*7 {
		return true
	}
	if long > 0 || words < 4 {
		return false
	}
	// title case: every word capitalised but short function words
	for i := s.Tokens.First; i < s.Tokens.End; i++ {
		if t := a.d.Tokens[i]; t.Kind == doc.Word && !t.Has(doc.FlagCap) && !a.is(i, wNotName) {
			return false
		}
	}
	return true
}

// initial reports whether token i opens its sentence or a quotation, where
// a capital letter is no evidence of a name.
func (a *analyzer) initial(i, first int) bool {
	if a.d.Tokens[i].Has(doc.FlagLineStart) {
		return true
	}
	for k := i - 1; k >= first; k-- {
		t := a.d.Tokens[k]
		switch t.Kind {
		case doc.QuoteMark:
			if r, ok := a.d.Marks[k]; ok && r == doc.MarkOpen {
				return true
			}
			continue
		case doc.Punct:
			s := a.txt(k)
			if s == ":" || s == "(" || s == "—" || s == "–" || s == "-" || s == "•" {
				return true
			}
			continue
		case doc.Number:
			return false
		}
		return false
	}
	return true
}

// match finds the longest lexicon phrase starting at token i (within end).
func (a *analyzer) match(i, end int, anyCase bool) (int, *entry) {
	if !a.is(i, wLexStart) {
		return 0, nil
	}
	first := a.low(i)
	max := lex.maxWords[first]
	if max == 0 {
		return 0, nil
	}
	var bestN int
	var best *entry
	key := append(a.keyBuf[:0], first...)
	for n := 1; n <= max && i+n <= end; n++ {
		if n > 1 {
			j := i + n - 1
			if !a.isWord(j) {
				break
			}
			key = append(key, ' ')
			key = append(key, a.low(j)...)
		}
		a.keyBuf = key
		for _, e := range lex.phrases[string(key)] {
			if e.words != n || !a.caseOK(e, i, n, anyCase) {
				continue
			}
			if n > bestN || best == nil {
				bestN, best = n, e
			}
			break
		}
	}
	return bestN, best
}

func (a *analyzer) caseOK(e *entry, i, n int, anyCase bool) bool {
	if anyCase {
		return true
	}
	if e.exact {
		for k := i; k < i+n; k++ {
			t := a.d.Tokens[k]
			if !t.Has(doc.FlagAllCaps) && !strings.EqualFold(a.txt(k), "of") && len(a.txt(k)) > 1 {
				// single capitals and digits ("G7") pass below
				if !t.Has(doc.FlagCap) || hasLower(a.txt(k)) {
					return false
				}
			}
		}
		return true
	}
	c := a.txt(i)
	if c != "" && c[0] >= 'a' && c[0] <= 'z' && !e.lowerStart {
		return false // only a phrase written in lower case in the data ("al-Qaeda") may start so
	}
	for k := 0; k < n && k < 32; k++ {
		if e.capMask&(1<<k) != 0 && !a.d.Tokens[i+k].Has(doc.FlagCap) {
			return false
		}
	}
	return true
}

func hasLower(s string) bool {
	for _, r := range s {
		if r >= 'a' && r <= 'z' {
			return true
		}
	}
	return false
}

var particles = map[string]bool{"de": true, "du": true, "des": true, "da": true, "dos": true, "das": true,
	"del": true, "della": true, "di": true, "van": true, "von": true, "der": true, "den": true, "al": true,
	"el": true, "bin": true, "ibn": true, "ben": true, "abu": true, "la": true, "le": true, "ter": true}

// connectors may join the words of an organisation's name.
var connectors = map[string]bool{"of": true, "for": true, "on": true, "the": true, "and": true, "de": true,
	"du": true, "des": true, "la": true, "le": true, "al": true, "el": true, "in": true, "to": true}

// orgRun returns the end of a capitalised run starting at i that ends in an
// organisation word ("Coordinating Azawad Movement"), or i when there is none.
func (a *analyzer) orgRun(i, end int) int {
	last := -1
	j := i
	if a.is(i, wOrgWord) && i+2 < end && a.isWord(i+1) && (a.low(i+1) == "of" || a.low(i+1) == "for" || a.low(i+1) == "on") && a.isCap(i+2) {
		// "University of Southern Indiana", "Ministry of Defence": the run
		// after the organisation word is its name
		j = i + 2
		for j < end && (a.isCap(j) || (a.is(j, wConnector) && a.isCap(j+1) && j+1 < end)) {
			j++
		}
		for j > i+2 && !a.isCap(j-1) {
			j--
		}
		return j
	}
	for j < end {
		if a.isCap(j) {
			if a.is(j, wOrgWord) && j > i {
				last = j
			}
			j++
			continue
		}
		if (a.is(j, wConnector) || (isPossessive(a.txt(j)) && j > i)) && a.isCap(j+1) && j+1 < end {
			j++ // "Bank of England", "Korean People's Army"
			continue
		}
		break
	}
	if last < 0 {
		return i
	}
	return last + 1
}

// classify marks lexicon phrases, titles, pronouns and capitalised runs.
func (a *analyzer) classify() {
	for si, s := range a.sentences() {
		head := a.headline(s)
		a.heads = append(a.heads, head)
		i, end := s.Tokens.First, s.Tokens.End
		toks, info := a.d.Tokens, a.info // in locals: not reloaded through a on every token
		for i < end {
			t := &toks[i]
			if t.Kind != doc.Word {
				i++
				continue
			}
			capd := t.Has(doc.FlagCap)
			if !capd && !head && info[i]&(wSkip|wHyphen) == wSkip && !t.Has(doc.FlagInitial) {
				// most words: lower case and in no list the questions
				// below ask about (lower-case phrase start, group noun,
				// pronoun, title), which wSkip answers without a look-up
				i++
				continue
			}
			low := a.low(i)
			var n int
			var e *entry
			if capd || head || a.is(i, wLowerStart) {
				n, e = a.match(i, end, head)
			}
			if capd && !a.is(i, wNotName) {
				if j := a.orgRun(i, end); j > i && n < j-i {
					for k := i; k < j; k++ {
						a.cls[k] = cName
					}
					a.chunks = append(a.chunks, chunk{first: i, end: j, org: true, sent: si, weak: head})
					i = j
					continue
				}
			}
			{
				if e != nil && n == 1 && e.typ == "GPE" && capd && a.nameFollows(i, end) {
					// "Chad Smith", "Jordan Peterson": a country's name that is
					// also a given name, before a surname
					e = nil
				}
				if e == nil && capd && a.nameFollows(i, end) {
					j := a.nameRun(i, end, head)
					for k := i; k < j; k++ {
						a.cls[k] = cName
					}
					a.chunks = append(a.chunks, chunk{first: i, end: j, sent: si, weak: head})
					i = j
					continue
				}
				if e != nil {
					h := int32(len(a.hits))
					a.hits = append(a.hits, hit{first: i, end: i + n, e: e})
					for k := i; k < i+n; k++ {
						a.cls[k] = cLex
						a.hitOf[k] = h
					}
					i += n
					continue
				}
			}
			if capd && a.is(i, wGroup) {
				i++ // "Officials said": a group noun, not a name
				continue
			}
			if a.is(i, wPron) {
				a.cls[i] = cPron
				i++
				continue
			}
			if (a.is(i, wTitle) && !(capd && lex.titles[low].class == tHead && a.afterHonorific(i))) || (a.is(i, wHyphen) && (strings.HasPrefix(low, "then-") || strings.HasPrefix(low, "ex-"))) {
				a.cls[i] = cTitle
				i++
				continue
			}
			if capd && !a.is(i, wNotName) && !t.Has(doc.FlagInitial) || (t.Has(doc.FlagInitial) && a.isCap(i+1)) {
				j := a.nameRun(i, end, head)
				for k := i; k < j; k++ {
					a.cls[k] = cName
				}
				weak := head || (j-i == 1 && a.initial(i, s.Tokens.First))
				a.chunks = append(a.chunks, chunk{first: i, end: j, sent: si, weak: weak})
				i = j
				continue
			}
			i++
		}
	}
}

// nameFollows reports whether token i is a given name followed by a
// capitalised word that no list knows: the start of a person's name.
func (a *analyzer) nameFollows(i, end int) bool {
	if !a.is(i, wGiven) || i+1 >= end || !a.isCap(i+1) {
		return false
	}
	j := i + 1
	return !a.is(j, wNotName|wTitle|wLexStart|wPron|wGroup|wOrgWord)
}

// afterHonorific reports whether token i follows "Mr.", "Mrs." and the like,
// so that it is a name even if it is also a title ("Mr. King").
func (a *analyzer) afterHonorific(i int) bool {
	if i == 0 || a.cls[i-1] != cTitle {
		return false
	}
	return lex.titles[a.low(i-1)].class == tHon
}

// nameRun returns the end of a run of capitalised words that may be a name.
func (a *analyzer) nameRun(i, end int, head bool) int {
	j := i + 1
	for j < end {
		t := a.d.Tokens[j]
		if t.Kind != doc.Word {
			break
		}
		low := a.low(j)
		if !t.Has(doc.FlagCap) {
			if a.is(j, wParticle) && a.isCap(j+1) && j+1 < end {
				j++
				continue
			}
			if p, rest, ok := strings.Cut(a.txt(j), "-"); ok && particles[p] && rest != "" && rest[0] >= 'A' && rest[0] <= 'Z' {
				j++ // "Hamad bin Khalifa al-Thani"
				continue
			}
			break
		}
		if a.is(j, wNotName) {
			break
		}
		if a.is(j, wTitle) && lex.titles[low].class != tMod && !a.givenOrInitial(j-1) {
			break // "Tom King", "John Major": after a given name, a surname
		}
		if a.is(j, wLexStart) {
			if n, e := a.match(j, end, head); e != nil {
				// "Michael Jordan": a one-word place after a given name or an
				// initial is a surname
				if n == 1 && (e.typ == "GPE" || e.typ == "LOC") && (a.givenOrInitial(j-1) || (j-1 == i && !lex.directions[a.low(i)] && !a.initial(i, 0))) && j+1 < len(a.cls) && !a.isCap(j+1) {
					j++
					continue
				}
				break
			}
		}
		j++
	}
	return j
}

func (a *analyzer) givenOrInitial(i int) bool {
	if a.d.Tokens[i].Has(doc.FlagInitial) {
		return true
	}
	return a.is(i, wGiven)
}

// hitEndingAt returns the lexicon hit whose last token is k, or -1.
func (a *analyzer) hitEndingAt(k int) int {
	if k < 0 || a.cls[k] != cLex {
		return -1
	}
	h := int(a.hitOf[k])
	if a.hits[h].end != k+1 {
		return -1
	}
	return h
}

// countryOf gives the country an affiliation hit stands for, or "".
func countryOf(e *entry) string {
	switch {
	case e.kind == kDemonym || e.kind == kCapital:
		return e.country
	case e.typ == "GPE" && lex.countries[e.canon] != nil:
		return e.canon
	}
	return ""
}

var prefixFunc = map[string]bool{"the": true, "to": true, "of": true, "for": true, "at": true, "in": true}

// piece is one element of the words before a name.
type piece struct {
	first, end int
	kind       uint8 // 't' title, 'l' lexicon, 'p' possessive, 'f' function word
	hit        int
}

// candidates turns the classified tokens into candidate mentions.
func (a *analyzer) candidates() {
	sents := a.sentences()
	for ci := range a.chunks {
		ch := a.chunks[ci]
		a.nameCand(ch, sents[ch.sent].Tokens.First)
	}
	// the layers in locals: the candidates below only store into their
	// elements, and a.cls[k] reloads the slice from a on every token
	cls, info, ids := a.cls, a.info, a.d.WordIDs
	for si, s := range sents {
		for k := s.Tokens.First; k < s.Tokens.End; k++ {
			if cls[k] == cNone && info[k]&wSkip == 0 && a.is(k, wGroup) {
				a.groupCand(k, s.Tokens.First, si)
			}
		}
	}
	for hi := range a.hits {
		a.hitCand(hi)
	}
	for si, s := range sents {
		for k := s.Tokens.First; k < s.Tokens.End; k++ {
			switch cls[k] {
			case cPron:
				p := lex.pronouns[a.low(k)]
				a.cands = append(a.cands, cand{first: k, end: k + 1, nFirst: k, kind: "pronoun", typ: "PERSON", pron: p, sent: si, entity: -1, verbAfter: a.verbAfter(k + 1)})
			case cTitle:
				if tw := lex.titles[a.low(k)]; tw.class == tHead {
					if j := a.roleCand(k, s.Tokens.First, s.Tokens.End, si); j > k {
						k = j - 1
					}
				} else if tw.class == tMod {
					a.nominalCand(k, s.Tokens.First, si) // "the ministry"
				}
			case cNone:
				// low(k-1) is "the" or "this" exactly when the vocabulary ID
				// says so: no other token's normalised text spells them
				if k > s.Tokens.First && (ids[k-1] == idThe || ids[k-1] == idThis) {
					a.nominalCand(k, s.Tokens.First, si) // it needs the determiner
				}
			}
		}
	}
}

func (a *analyzer) verbAfter(k int) bool {
	// an adverb may stand between: "Diop also said"
	for n := 0; n < 2 && a.isWord(k); n++ {
		if a.is(k, wVerb) {
			return true
		}
		low := a.low(k)
		if !strings.HasSuffix(low, "ly") && low != "also" && low != "then" && low != "again" {
			return false
		}
		k++
	}
	return false
}

// nameCand makes the candidate of a capitalised run, with the titles and
// affiliation written before it.
func (a *analyzer) nameCand(ch chunk, sFirst int) {
	c := cand{first: ch.first, end: ch.end, nFirst: ch.first, weak: ch.weak, sent: ch.sent, entity: -1, kind: "name"}
	c.verbAfter = a.verbAfter(ch.end)
	if c.weak && (c.verbAfter || a.label(ch)) && !a.heads[ch.sent] && !(ch.end-ch.first == 1 && a.lowerElsewhere(ch.first)) {
		c.weak = false // "Diop told the council": a sentence-initial actor
	}
	if ch.org {
		c.typ = "ORG"
		c.canon = a.d.Text[a.d.Tokens[ch.first].Start:a.d.Tokens[ch.end-1].End]
		a.cands = append(a.cands, c)
		return
	}
	if ch.end-ch.first >= 2 && a.initial(ch.first, sFirst) {
		// "Recent Polaroids show ...": a sentence's first word that the
		// article also writes in lower case is no part of a name
		if !a.is(ch.first, wGiven) && a.lowerElsewhere(ch.first) {
			ch.first++
			c.first, c.nFirst = ch.first, ch.first
			c.weak = a.heads[ch.sent]
		}
	}
	n := ch.end - ch.first
	firstLow := a.low(ch.first)
	given := a.is(ch.first, wGiven)
	if given && n >= 2 {
		c.typ = "PERSON"
		c.gender = lex.given[firstLow]
	}
	// the words before the name: titles, affiliations, "to the United Nations"
	ps := a.pieces[:0]
	defer func() { a.pieces = ps[:0] }()
	k := ch.first - 1
	for k >= sFirst {
		t := a.d.Tokens[k]
		if t.Kind == doc.Word {
			low := a.low(k)
			if a.cls[k] == cTitle {
				ps = append(ps, piece{first: k, end: k + 1, kind: 't'})
				k--
				continue
			}
			if a.cls[k] == cNone && len(ps) > 0 && ps[len(ps)-1].kind == 't' && lex.bodies[low] != "" {
				// "Mali's junta leader": the body the title belongs to
				ps = append(ps, piece{first: k, end: k + 1, kind: 't'})
				k--
				continue
			}
			if a.cls[k] == cName && len(ps) > 0 && ps[len(ps)-1].kind == 't' && (k == sFirst || a.cls[k-1] != cName) && a.isCap(k) {
				// "Transport Minister Paolo Grieve": a portfolio before the title
				if !a.is(k, wGiven) {
					a.dropCandAt(k)
					ps = append(ps, piece{first: k, end: k + 1, kind: 't'})
					k--
					continue
				}
			}
			if h := a.hitEndingAt(k); h >= 0 {
				ps = append(ps, piece{first: a.hits[h].first, end: k + 1, kind: 'l', hit: h})
				k = a.hits[h].first - 1
				continue
			}
			if isPossessive(a.txt(k)) && a.hitEndingAt(k-1) >= 0 {
				ps = append(ps, piece{first: k, end: k + 1, kind: 'p'})
				k--
				continue
			}
			if prefixFunc[low] && len(ps) > 0 {
				ps = append(ps, piece{first: k, end: k + 1, kind: 'f'})
				k--
				continue
			}
		} else if t.Kind == doc.QuoteMark && a.d.Marks[k] == doc.MarkApostrophe && a.hitEndingAt(k-1) >= 0 {
			ps = append(ps, piece{first: k, end: k + 1, kind: 'p'})
			k--
			continue
		}
		break
	}
	// ps runs right to left; drop function words at the far (left) end
	for len(ps) > 0 && ps[len(ps)-1].kind == 'f' {
		ps = ps[:len(ps)-1]
	}
	hasTitle := false
	for _, p := range ps {
		if p.kind == 't' {
			hasTitle = true
		}
	}
	ok := hasTitle
	if !hasTitle && len(ps) > 0 {
		// "Mali's Diop", "Russian Vasily Nebenzia": an affiliation alone
		p := ps[0]
		if p.kind == 'p' && len(ps) >= 2 && ps[1].kind == 'l' && countryOf(a.hits[ps[1].hit].e) != "" {
			ps = ps[:2]
			ok = true
		} else if p.kind == 'l' && a.hits[p.hit].e.kind == kDemonym && len(ps) == 1 {
			ok = true
		} else {
			ps = nil
		}
	}
	if ok && len(ps) > 0 {
		c.typ = "PERSON"
		c.first = ps[len(ps)-1].first
		a.prefixRole(&c, ps)
	}
	if c.typ == "" {
		switch lex.things[a.low(ch.end-1)] {
		case "thing":
			return // "World Cup", "Waitangi Day": no actor
		case "place":
			c.typ = "LOC"
		}
	}
	if c.typ == "" && a.ownsRole(ch.end) {
		c.typ = "ORG" // "Sallow Terminals' chief executive": an employer
	}
	if c.typ == "" {
		c.typ = a.guessType(ch, c.verbAfter)
		c.guessed = c.typ == "PERSON" && !c.verbAfter
	}
	if (c.typ == "PERSON" || c.typ == "") && c.role == "" {
		a.appositionRole(&c, sFirst)
	}
	if c.gender == 0 {
		if given {
			c.gender = lex.given[firstLow]
		}
	}
	c.canon = a.nameText(ch.first, ch.end)
	a.cands = append(a.cands, c)
	if k := ch.end; (c.typ == "PERSON" || c.typ == "") && k < len(a.d.Tokens) && a.isWord(k) && !a.isCap(k) && lex.personOrgs[a.low(k)] {
		// "the Trump campaign", "the Obama administration": the person's
		// organisation, besides the person
		o := cand{first: ch.first, end: k + 1, nFirst: ch.first, typ: "ORG", kind: "name", sent: ch.sent, entity: -1}
		o.canon = c.canon + " " + a.low(k)
		o.affil = c.canon
		o.verbAfter = a.verbAfter(k + 1)
		a.cands = append(a.cands, o)
	}
}

// lowerElsewhere reports whether the word of token i is written in lower
// case anywhere in the document. The filter answers most words; the others
// look in the set of the document's lower-case words, built on the first
// such question, so that the cost stays linear however many sentences
// start with a word the filter lets through.
func (a *analyzer) lowerElsewhere(i int) bool {
	w := a.low(i)
	if w == "" {
		return false
	}
	if h := lowerHash(w); a.lowerBits[h/64]&(1<<(h%64)) == 0 {
		return false
	}
	if a.lowerSet == nil {
		a.lowerSet = make(map[string]struct{})
		for k, t := range a.d.Tokens {
			if t.Kind == doc.Word && !t.Has(doc.FlagCap) {
				a.lowerSet[a.txt(k)] = struct{}{}
			}
		}
	}
	_, ok := a.lowerSet[w]
	return ok
}

// ownsRole reports whether a possessive and a title follow token k-1:
// "Sallow Terminals' chief executive", "Mali's president".
func (a *analyzer) ownsRole(k int) bool {
	if k >= len(a.d.Tokens) {
		return false
	}
	t := a.txt(k)
	if !isPossessive(t) && !(a.d.Tokens[k].Kind == doc.QuoteMark && a.d.Marks[k] == doc.MarkApostrophe) {
		return false
	}
	for j := k + 1; j < len(a.d.Tokens) && j < k+4 && a.cls[j] == cTitle; j++ {
		if lex.titles[a.low(j)].class == tHead {
			return true
		}
	}
	return false
}

// lowerHash places a word in the lower-case filter by its length and first,
// second and last letters (filterIndex, mixed down to the filter's size):
// no loop over the word.
// lowerHashes returns lowerHash of every vocabulary word, by ID, built on
// first use, once the vocabulary is complete.
var lowerHashes = sync.OnceValue(func() []uint32 {
	return vocab.ByWord(func(_ vocab.ID, w string) uint32 { return lowerHash(w) })
})

func lowerHash(w string) uint32 { return (filterIndex(w) * 0x9E3779B1) >> (32 - lowerLog) }

// The lower-case filter has 2^14 bits (2 KB, cleared for every document):
// a few hundred lower-case words a document leave most bits clear, and a
// false hit costs only a scan of the tokens.
const (
	lowerLog  = 14
	lowerSize = 1 << lowerLog
)

// label reports whether a run is a speaker's label in a transcript:
// "WALLACE: Let's start with ...".
func (a *analyzer) label(ch chunk) bool {
	k := ch.end
	return ch.end-ch.first == 1 && a.d.Tokens[ch.first].Has(doc.FlagAllCaps) && k < len(a.d.Tokens) && a.txt(k) == ":" && len(a.txt(ch.first)) > 2
}

// seatOfGovernment reports whether a capital's name stands for its
// government rather than the city: it acts ("Washington said", "Moscow has
// denied") or is acted on ("accused Washington"), but is no place one is in,
// goes to or writes a dateline for ("in Moscow", "flew to Kyiv", "KYIV,").
func (a *analyzer) seatOfGovernment(h hit, prev string, verbAfter bool) bool {
	if locPreps[prev] || cityWords[prev] {
		return false
	}
	if verbAfter || a.is(h.end, wAux) {
		return true
	}
	if h.end < len(a.d.Tokens) && a.d.Tokens[h.end].Kind == doc.Punct && a.txt(h.end) == "," && a.d.Tokens[h.first].Has(doc.FlagLineStart) {
		return false // a dateline
	}
	return prev != "" && a.is(h.first-1, wVerb)
}

// cityWords before a capital make it the city.
var cityWords = map[string]bool{"to": true, "visit": true, "visited": true, "visits": true, "visiting": true,
	"arrived": true, "reached": true, "left": true, "of": true, "via": true}

// dropCandAt drops the candidate made of the single token k, which a later
// name's title took in ("Transport" of "Transport Minister Paolo Grieve").
func (a *analyzer) dropCandAt(k int) {
	for i := len(a.cands) - 1; i >= 0; i-- {
		if c := &a.cands[i]; c.first == k && c.end == k+1 {
			c.drop = true
			return
		}
	}
}

// nameText is the name as written, without a trailing possessive apostrophe.
func (a *analyzer) nameText(first, end int) string {
	return a.d.Text[a.d.Tokens[first].Start:a.d.Tokens[end-1].End]
}

// prefixRole reads role, affiliation and gender from the pieces before a name
// (right to left in ps).
func (a *analyzer) prefixRole(c *cand, ps []piece) {
	roleFirst, roleEnd, headTok := -1, -1, -1
	var affil, orgAffil string
	for i := len(ps) - 1; i >= 0; i-- { // left to right
		p := ps[i]
		switch p.kind {
		case 't':
			low := a.low(p.first)
			tw := lex.titles[low]
			if tw.gender != 0 && c.gender == 0 {
				c.gender = tw.gender
			}
			if tw.class == tHon {
				continue
			}
			if strings.HasPrefix(low, "then") && roleFirst < 0 {
				continue // "then-army colonel": the role is colonel
			}
			if roleFirst < 0 {
				roleFirst = p.first
			}
			roleEnd = p.end
			if tw.class == tHead || tw.class == tAbbrev {
				headTok = p.first
			}
		case 'l':
			e := a.hits[p.hit].e
			a.hits[p.hit].used = e.kind == kDemonym
			if co := countryOf(e); co != "" {
				if affil == "" {
					affil = co
				}
			} else if e.typ == "ORG" && orgAffil == "" {
				orgAffil = e.canon
			}
			if roleFirst >= 0 && headTok >= 0 {
				// "ambassador to the United Nations": the phrase after the head
				roleEnd = p.end
			}
		}
	}
	if affil == "" {
		affil = orgAffil
	}
	c.affil = affil
	if headTok >= 0 {
		// a phrase after the head belongs to the role only after "to", "of", "for"
		if roleEnd > headTok+1 && !prefixFunc[a.low(headTok+1)] {
			roleEnd = headTok + 1
		}
		// "junta leader Colonel Assimi Goita": the role is the lower-case
		// title; the capitalised rank after it is a form of address
		if headTok == roleEnd-1 && headTok > roleFirst && a.isCap(headTok) && a.cls[headTok-1] == cTitle &&
			!a.isCap(headTok-1) && lex.titles[a.low(headTok-1)].class == tHead {
			headTok--
			roleEnd = headTok + 1
		}
		tw := lex.titles[a.low(headTok)]
		if tw.class == tAbbrev && tw.role != "" {
			c.role = tw.role
		} else {
			c.role = a.d.Text[a.d.Tokens[roleFirst].Start:a.d.Tokens[roleEnd-1].End]
		}
		c.roleKey = a.roleKey(headTok)
	}
}

// roleKey is the word a role is known by: its head ("ambassador" for "deputy
// UN ambassador"), with "secretary-general" kept whole in either spelling.
func (a *analyzer) roleKey(head int) string {
	low := a.low(head)
	tw := lex.titles[low]
	if tw.class == tAbbrev && tw.role != "" {
		return norm(tw.role)
	}
	if low == "general" && head > 0 && a.low(head-1) == "secretary" {
		return "secretary-general"
	}
	return low
}

// appositionRole reads a role written beside a name: "Evgeny Prigozhin, a
// rogue billionaire" or "its owner, Evgeny Prigozhin".
func (a *analyzer) appositionRole(c *cand, sFirst int) {
	d := a.d
	var k int
	// before: "[det] [mods] head, Name"
	k = c.first - 1
	head := k - 1
	if head-2 >= sFirst && a.low(head-1) == "of" && a.cls[head] == cNone && a.isWord(head) && !a.isCap(head) {
		head -= 2 // "chief of staff"
	}
	if k >= 0 && k < len(a.d.Tokens) && a.txt(k) == "," && head >= sFirst && a.cls[head] != cTitle {
		// "A spokesman for the mission, Olivier Salgado": the title and its scope
		for j := k - 2; j >= sFirst && j >= k-6; j-- {
			if !a.isWord(j) {
				break
			}
			if a.cls[j] == cTitle && lex.titles[a.low(j)].class == tHead && (a.low(j+1) == "for" || a.low(j+1) == "of" || a.low(j+1) == "at") {
				head = j
				break
			}
		}
	}
	if k-1 >= sFirst && a.txt(k) == "," && head >= sFirst && a.cls[head] == cTitle && lex.titles[a.low(head)].class == tHead {
		j := head
		for j-1 >= sFirst && a.cls[j-1] == cTitle {
			j--
		}
		c.role = d.Text[d.Tokens[j].Start:d.Tokens[k-1].End]
		c.roleKey = a.roleKey(head)
		if head < k-1 && a.low(head+1) != "of" {
			c.role = d.Text[d.Tokens[j].Start:d.Tokens[head].End] // "spokesman", not "spokesman for the mission"
		}
		// "Sallow Terminals' chief executive, Marta Lind": the employer
		if p := j - 1; p > sFirst && (isPossessive(a.txt(p)) || a.d.Marks[p] == doc.MarkApostrophe) && a.d.Tokens[p].Kind != doc.Punct {
			if h := a.hitEndingAt(p - 1); h >= 0 {
				if co := countryOf(a.hits[h].e); co != "" {
					c.affil = co
				} else {
					c.affil = a.hits[h].e.canon
				}
			} else if a.cls[p-1] == cName {
				q := p - 1
				for q > sFirst && a.cls[q-1] == cName {
					q--
				}
				c.affil = a.nameText(q, p)
			}
		}
	}
	if c.role != "" {
		return
	}
	// after: ", a|an|the [words] head"
	k = c.end
	if k+2 < len(d.Tokens) && a.txt(k) == "," && a.isWord(k+1) {
		det := a.low(k + 1)
		if det == "a" || det == "an" || det == "the" {
			for j := k + 2; j < k+6 && j < len(d.Tokens) && a.isWord(j); j++ {
				if a.cls[j] == cTitle && lex.titles[a.low(j)].class == tHead {
					c.role = d.Text[d.Tokens[k+2].Start:d.Tokens[j].End]
					c.roleKey = a.roleKey(j)
					return
				}
				if a.cls[j] != cTitle && a.cls[j] != cNone && a.cls[j] != cLex {
					break
				}
			}
		}
	}
	// a copula: "Goita became president of the interim government"
	k = c.end
	if k+1 < len(d.Tokens) && a.isWord(k) {
		v := a.low(k)
		switch {
		case v == "became" || v == "becomes" || v == "is" || v == "was":
			k++
		case (v == "was" || v == "is" || v == "were") && k+1 < len(d.Tokens):
			k++
		default:
			return
		}
		appointed := false
		if a.isWord(k) && (a.low(k) == "named" || a.low(k) == "appointed" || a.low(k) == "elected" || a.low(k) == "sworn") {
			appointed = true
			k++
			if a.isWord(k) && a.low(k) == "in" {
				k++
			}
			if a.isWord(k) && a.low(k) == "as" {
				k++
			}
		}
		if a.isWord(k) && (a.low(k) == "the" || a.low(k) == "a" || a.low(k) == "an") {
			k++
		}
		first, head := k, -1
		for k < len(d.Tokens) && (a.cls[k] == cTitle || (a.cls[k] == cLex && head < 0)) {
			if a.cls[k] == cTitle && lex.titles[a.low(k)].class == tHead {
				head = k
			}
			k++
		}
		if head < 0 {
			return
		}
		end := head + 1
		if end+1 < len(d.Tokens) && a.low(end) == "of" {
			// "president of the interim government": the office's scope
			j := end + 1
			for j < len(d.Tokens) && j < end+6 && a.isWord(j) && (!a.is(j, wNotName) || a.low(j) == "the") && !a.is(j, wVerb) {
				j++
			}
			if j > end+1 && a.low(j-1) != "the" {
				end = j
			}
		}
		c.role = d.Text[d.Tokens[first].Start:d.Tokens[end-1].End]
		c.roleKey = a.roleKey(head)
		c.newRole = v == "became" || v == "becomes" || appointed
	}
}

var locPreps = map[string]bool{"in": true, "at": true, "from": true, "near": true, "into": true, "across": true,
	"outside": true, "inside": true, "throughout": true, "toward": true, "towards": true, "around": true}

// guessType types a capitalised run that no lexicon or title typed.
func (a *analyzer) guessType(ch chunk, verbAfter bool) string {
	n := ch.end - ch.first
	prev := ""
	if a.isWord(ch.first - 1) {
		prev = a.low(ch.first - 1)
	}
	if n == 1 && a.d.Tokens[ch.first].Has(doc.FlagAllCaps) {
		// a speaker's label in a transcript: "PENCE: ..."
		if k := ch.end; k < len(a.d.Tokens) && a.txt(k) == ":" && len(a.txt(ch.first)) > 2 {
			return "PERSON"
		}
		if len(a.txt(ch.first)) <= 6 && (!ch.weak || verbAfter) {
			return "ORG"
		}
	}
	if k := ch.end; k < len(a.d.Tokens) && a.isWord(k) && !a.isCap(k) && lex.things[a.low(k)] == "place" {
		return "LOC" // "the Solomianskyi district"
	}
	if locPreps[prev] && !verbAfter {
		return "GPE"
	}
	if prev == "the" && n == 1 {
		// "the Platform", "the Taliban said"; but in "the Trump campaign"
		// the name is a modifier, left to what the article says of it
		if k := ch.end; k >= len(a.d.Tokens) || !a.isWord(k) || a.isCap(k) || a.is(k, wVerb|wNotName) {
			return "ORG"
		}
	}
	if verbAfter {
		return "PERSON"
	}
	if n >= 2 && n <= 4 && !ch.weak {
		if prev == "the" {
			// "the Silver Clouds installation", "the New Deal": people are
			// seldom written with "the"
			if k := ch.end; k < len(a.d.Tokens) && a.isWord(k) && !a.isCap(k) && !a.is(k, wVerb|wNotName) {
				return ""
			}
			return "ORG"
		}
		return "PERSON"
	}
	return ""
}

// hitCand makes the candidate of a lexicon phrase.
func (a *analyzer) hitCand(hi int) {
	h := a.hits[hi]
	e := h.e
	c := cand{first: h.first, end: h.end, nFirst: h.first, typ: e.typ, kind: "name", canon: e.canon, sent: int(a.sentOf[h.first]), entity: -1}
	c.verbAfter = a.verbAfter(h.end)
	if h.used {
		return
	}
	co := countryOf(e)
	// "the Malian army", "Mali's army": the country's institution
	if co != "" && e.kind != kCapital {
		k := h.end
		if e.kind == kName && k < len(a.d.Tokens) && isPossessive(a.txt(k)) {
			k++
		}
		if k > h.end || e.kind == kDemonym {
			if n, body := a.body(k); n > 0 {
				adj := co
				if ce := lex.countries[co]; ce != nil {
					adj = ce.adj
				}
				c.typ, c.kind, c.canon, c.affil = "ORG", "name", adj+" "+body, co
				c.end = k + n
				c.verbAfter = a.verbAfter(c.end)
				a.cands = append(a.cands, c)
				return
			}
		}
	}
	if e.typ == "ORG" && e.kind == kName && a.isWord(h.end) && !a.isCap(h.end) && lex.orgBodies[a.low(h.end)] {
		// "the UN mission", "an AU force": the organisation's body, and
		// the organisation itself inside it
		b := c
		b.end = h.end + 1
		b.canon = a.txt(h.first) + " " + a.low(h.end)
		if h.end-h.first > 1 {
			b.canon = e.canon + " " + a.low(h.end)
		}
		b.affil = e.canon
		b.verbAfter = a.verbAfter(b.end)
		a.cands = append(a.cands, b)
	}
	switch e.kind {
	case kDemonym:
		c.kind = "demonym"
		c.affil = e.country
	case kCapital:
		prev := ""
		if a.isWord(h.first - 1) {
			prev = a.low(h.first - 1)
		}
		if a.seatOfGovernment(h, prev, c.verbAfter) {
			// "Washington said", "accused Moscow of ...": the government
			// seated there
			c.canon = e.country
		} else {
			c.affil = e.country
		}
	default:
		if e.typ == "ORG" || e.typ == "NORP" {
			c.affil = e.country
		}
		if e.typ == "GPE" && co != "" && h.first > 0 && a.isWord(h.first-1) && lex.directions[a.low(h.first-1)] {
			// "northern Mali": a region of the country, besides the country
			r := c
			r.first, r.typ = h.first-1, "LOC"
			r.canon = strings.ToLower(a.txt(h.first-1)) + " " + e.canon
			r.affil = co
			a.cands = append(a.cands, r)
		}
	}
	a.cands = append(a.cands, c)
}

// body returns the length and canonical noun of an institution noun at k.
func (a *analyzer) body(k int) (int, string) {
	if !a.isWord(k) {
		return 0, ""
	}
	first := a.low(k)
	max := lex.bodyFirst[first]
	for n := max; n >= 1; n-- {
		if k+n > len(a.d.Tokens) {
			continue
		}
		key := first
		okw := true
		for j := k + 1; j < k+n; j++ {
			if !a.isWord(j) {
				okw = false
				break
			}
			key += " " + a.low(j)
		}
		if !okw {
			continue
		}
		if b, ok := lex.bodies[key]; ok {
			return n, b
		}
	}
	return 0, ""
}

// roleCand makes the candidate of a role noun standing for its holder ("the
// foreign minister", "Mali's president", "the UN secretary-general"). It
// returns the token after the role, or k when there is none.
func (a *analyzer) roleCand(k, sFirst, sEnd, si int) int {
	// the whole title: title words and organisations around the head
	te := k + 1
	head := k
	for te < sEnd && (a.cls[te] == cTitle || (a.cls[te] == cLex && a.hits[a.hitOf[te]].e.typ == "ORG")) {
		if a.cls[te] == cLex {
			te = a.hits[a.hitOf[te]].end
			continue
		}
		if lex.titles[a.low(te)].class == tHead {
			head = te
		}
		te++
	}
	te = head + 1
	if a.cls[te-1] != cTitle {
		return k
	}
	// a name follows: the title belongs to the name's mention
	if te < sEnd && (a.cls[te] == cName || (a.isCap(te) && a.cls[te] == cLex && a.hits[a.hitOf[te]].used)) {
		return te
	}
	// what follows must end the noun phrase
	if te < sEnd && a.isWord(te) {
		if !a.is(te, wVerb|wNotName) && !isPossessive(a.txt(te)) {
			return te
		}
	}
	ts := k
	for ts-1 >= sFirst && a.cls[ts-1] == cTitle {
		ts--
	}
	var affil string
	j := ts - 1
	for j >= sFirst {
		if h := a.hitEndingAt(j); h >= 0 {
			e := a.hits[h].e
			if co := countryOf(e); co != "" {
				affil = co
			} else if affil == "" {
				affil = e.canon
			}
			j = a.hits[h].first - 1
			continue
		}
		if a.cls[j] == cTitle {
			j--
			continue
		}
		break
	}
	start := j + 1
	if j >= sFirst && a.isWord(j) {
		low := a.low(j)
		switch {
		case low == "the" || low == "this" || low == "that":
			start = j
		case isPossessive(a.txt(j)) && a.hitEndingAt(j-1) >= 0:
			// "Mali's president"
			h := a.hitEndingAt(j - 1)
			if co := countryOf(a.hits[h].e); co != "" {
				affil = co
			} else {
				affil = a.hits[h].e.canon
			}
			start = a.hits[h].first
		default:
			return te
		}
	} else {
		return te
	}
	c := cand{first: start, end: te, nFirst: ts, typ: "PERSON", kind: "role", sent: si, entity: -1, affil: affil}
	c.role = a.d.Text[a.d.Tokens[ts].Start:a.d.Tokens[te-1].End]
	c.roleKey = a.roleKey(head)
	c.gender = lex.titles[a.low(head)].gender
	c.verbAfter = a.verbAfter(te)
	a.cands = append(a.cands, c)
	return te
}

// nominalCand makes the candidate of "the council", "the group": an
// organisation's head word that may refer back to it.
func (a *analyzer) nominalCand(k, sFirst, si int) {
	if a.cls[k] == cTitle && lex.titles[a.low(k)].class != tMod {
		return
	}
	t := a.d.Tokens[k]
	if t.Kind != doc.Word || t.Has(doc.FlagCap) || k-1 < sFirst {
		return
	}
	det := a.low(k - 1)
	if det != "the" && det != "this" {
		return
	}
	if !a.is(k, wOrgWord) {
		return
	}
	if a.isWord(k + 1) {
		if !a.is(k+1, wVerb|wNotName) && !isPossessive(a.txt(k+1)) {
			return
		}
	}
	a.cands = append(a.cands, cand{first: k - 1, end: k + 1, nFirst: k, typ: "ORG", kind: "role", roleKey: a.low(k), sent: si, entity: -1})
}

// groupCand makes the candidate of an unnamed group of people, with the
// affiliation written before it: "officials", "senior US officials",
// "Mali's soldiers", "Malian troops".
func (a *analyzer) groupCand(k, sFirst, si int) {
	start := k
	var affil, adj string
	j := k - 1
	for j >= sFirst {
		if h := a.hitEndingAt(j); h >= 0 {
			e := a.hits[h].e
			if affil != "" || (e.typ != "ORG" && e.typ != "NORP" && countryOf(e) == "") {
				break
			}
			if e.typ == "NORP" && e.kind == kName {
				// "Tuareg rebels", "Islamist militants": the group's people
				affil, adj = e.canon, a.nameText(a.hits[h].first, a.hits[h].end)
				a.hits[h].used = true
				start = a.hits[h].first
				j = start - 1
				continue
			}
			if co := countryOf(e); co != "" {
				affil, adj = co, e.canon
				if ce := lex.countries[co]; ce != nil {
					adj = ce.adj
				}
			} else {
				affil, adj = e.canon, e.canon
			}
			// a demonym becomes part of the group; a country or an
			// organisation stays an actor of its own as well
			a.hits[h].used = a.hits[h].used || e.kind == kDemonym
			start = a.hits[h].first
			j = start - 1
			continue
		}
		if isPossessive(a.txt(j)) && a.hitEndingAt(j-1) >= 0 && affil == "" {
			j--
			continue
		}
		if a.cls[j] == cTitle && lex.titles[a.low(j)].class == tMod {
			j--
			continue
		}
		break
	}
	// the name: the affiliation's adjective, then the words from after it
	// to the noun ("Afghan rebel leaders", "rebel leaders", "Malian troops")
	from := j + 1
	if adj != "" {
		from = start
		for from < k && (a.cls[from] == cLex || isPossessive(a.txt(from)) || a.d.Tokens[from].Kind == doc.QuoteMark) {
			from++
		}
	}
	canon := strings.ToLower(a.d.Text[a.d.Tokens[from].Start:a.d.Tokens[k].End])
	if adj != "" {
		canon = adj + " " + canon
	} else {
		start = from // "transitional authorities": the mention holds what names the group
	}
	c := cand{first: start, end: k + 1, nFirst: k, typ: "NORP", kind: "role", canon: canon, affil: affil, sent: si, entity: -1, gender: 'p'}
	c.verbAfter = a.verbAfter(k + 1)
	a.cands = append(a.cands, c)
}
