package quantity

import (
	"embed"
	"fmt"
	"sort"
	"strconv"
	"strings"
	"sync"

	"github.com/dossier-news/dossier/lexicon"
	"github.com/dossier-news/dossier/vocab"
)

//go:embed data/*.txt
var dataFS embed.FS

// Number word kinds (numbers.txt).
const (
	kUnit = iota + 1
	kTens
	kScale
	kAbbr
	kDozen
	kOrdinal
	kVague
)

type numWord struct {
	value   float64
	kind    int
	needsOf bool
}

// Word classes (words.txt), a bit set because a word can be in several.
const (
	wDet uint16 = 1 << iota
	wPron
	wAux
	wStop
	wMod
	wTimeUnit
	wMonth
	wIdent
	wClock
	wNotOne
	wRank
	wFraction
	wAge
)

// Category roles (categories.txt).
const (
	rVerb = iota + 1
	rState
	rNoun
	rForce
	rSuffix
	rUnit
	rPerson
	rPhrase
	rBefore
)

type catWord struct {
	category string
	role     int
}

// phrase is a run of lower-case words matched token by token.
type phrase struct {
	words    []string
	bound    string // bounds.txt
	unit     string // units.txt
	category string // units.txt
}

// Lexicons holds the compiled word lists of quantity/data, read once and shared
// read-only by every document.
type Lexicons struct {
	numbers map[string]numWord
	maybe   maybeNumber
	words   map[string]uint16
	cats    map[string]catWord
	// Phrases indexed by the word next to the number (the last word of a
	// phrase before it, the first word of a phrase after it), longest
	// first, so that "no more than" wins over "more than".
	boundsBefore, boundsAfter phraseIndex
	unitsBefore, unitsAfter   phraseIndex
	casualtyPhrases           phraseIndex // after the counted: "lost their lives", "from their homes"
	casualtyBefore            phraseIndex // before the figure: "the lives of", "the arrest of"
	// infoByID is what scan.info gives a word, indexed by vocabulary ID
	// (package vocab): a word of the text layer costs no look-up.
	infoByID []uint32
	// maybeIDs is maybe.has of every vocabulary word, by ID (maybeByID)
	maybeOnce sync.Once
	maybeIDs  []bool
}

// maybeNumber is a cheap pre-filter on words: a word can only start a
// number if some number word (or "a", "an") has its first two letters and
// the length of its first hyphen-separated part. It turns away "the" and
// most other words before any map lookup. The lengths are bits of one
// word, so the table is 3 KB and stays in cache between documents.
type maybeNumber [26][27]uint32

func numberKey(w string) (int, int, int, bool) {
	if w == "" {
		return 0, 0, 0, false
	}
	c := w[0] | 0x20
	if c < 'a' || c > 'z' {
		return 0, 0, 0, false
	}
	n := 0
	for n < len(w) && w[n] != '-' && w[n] < 0x80 {
		n++
	}
	c2 := 26
	if n > 1 {
		d := w[1] | 0x20
		if d < 'a' || d > 'z' {
			return 0, 0, 0, false
		}
		c2 = int(d - 'a')
	}
	return int(c - 'a'), c2, min(n, 31), true
}

func (m *maybeNumber) add(w string) {
	if c, c2, n, ok := numberKey(w); ok {
		m[c][c2] |= 1 << n
	}
}

func (m *maybeNumber) has(w string) bool {
	// numberKey, with the first two letters checked before the length is
	// counted: most words are turned away by their first two letters.
	if w == "" {
		return false
	}
	c := w[0] | 0x20
	if c < 'a' || c > 'z' {
		return false
	}
	if len(w) == 1 || w[1] == '-' || w[1] >= 0x80 {
		return m[c-'a'][26]&(1<<1) != 0
	}
	d := w[1] | 0x20
	if d < 'a' || d > 'z' {
		return false
	}
	row := m[c-'a'][d-'a']
	if row == 0 {
		return false
	}
	n := 2
	for n < len(w) && n < 31 && w[n] != '-' && w[n] < 0x80 {
		n++
	}
	return row&(1<<n) != 0
}

type phraseIndex map[string][]phrase

func index(ps []phrase, before bool) phraseIndex {
	sort.SliceStable(ps, func(i, j int) bool { return len(ps[i].words) > len(ps[j].words) })
	m := phraseIndex{}
	for _, p := range ps {
		k := p.words[0]
		if before {
			k = p.words[len(p.words)-1]
		}
		m[k] = append(m[k], p)
	}
	return m
}

// The word lists are compiled at start-up, because their words must enter
// the vocabulary (package vocab) before the text layer analyses the first
// document.
var lex, lexErr = func() (*Lexicons, error) {
	x, err := build()
	if err == nil {
		x.index()
	}
	return x, err
}()

func load() (*Lexicons, error) { return lex, lexErr }

// index gives every word of words, cats and numbers its vocabulary ID and
// its info bits (scan.info) in infoByID, in a fixed order so that the IDs
// are the same on every run.
func (x *Lexicons) index() {
	info := map[string]uint32{}
	for w, v := range x.words {
		info[w] |= uint32(v) | infoDone
	}
	for w := range x.cats {
		info[w] |= infoCat | infoDone
	}
	for w := range x.numbers {
		info[w] |= infoNumber | infoDone
	}
	x.infoByID = vocab.Table(info)
}

func read(name string) ([]lexicon.Entry, error) {
	b, err := dataFS.ReadFile("data/" + name)
	if err != nil {
		return nil, err
	}
	return lexicon.Parse(name, string(b))
}

func build() (*Lexicons, error) {
	x := &Lexicons{numbers: map[string]numWord{}, words: map[string]uint16{}, cats: map[string]catWord{}}
	kinds := map[string]int{"unit": kUnit, "tens": kTens, "scale": kScale, "abbr": kAbbr, "dozen": kDozen, "ordinal": kOrdinal, "vague": kVague}
	es, err := read("numbers.txt")
	if err != nil {
		return nil, err
	}
	for _, e := range es {
		v, err := strconv.ParseFloat(e.Field(1), 64)
		k := kinds[e.Field(2)]
		if err != nil || k == 0 {
			return nil, fmt.Errorf("numbers.txt:%d: want word | value | unit, tens, scale, abbr, dozen, ordinal or vague", e.Line)
		}
		x.numbers[e.Field(0)] = numWord{v, k, e.Field(3) == "of"}
		x.maybe.add(e.Field(0))
	}
	x.maybe.add("a")
	x.maybe.add("an")
	classes := map[string]uint16{"det": wDet, "pron": wPron, "aux": wAux, "stop": wStop, "mod": wMod,
		"timeunit": wTimeUnit, "month": wMonth, "ident": wIdent, "clock": wClock, "notone": wNotOne, "rank": wRank, "fraction": wFraction, "age": wAge}
	if es, err = read("words.txt"); err != nil {
		return nil, err
	}
	for _, e := range es {
		c := classes[e.Field(1)]
		if c == 0 {
			return nil, fmt.Errorf("words.txt:%d: unknown class %q", e.Line, e.Field(1))
		}
		x.words[e.Field(0)] |= c
	}
	var ca, cb []phrase
	roles := map[string]int{"verb": rVerb, "state": rState, "noun": rNoun, "force": rForce, "suffix": rSuffix, "unit": rUnit, "person": rPerson, "phrase": rPhrase, "before": rBefore}
	if es, err = read("categories.txt"); err != nil {
		return nil, err
	}
	for _, e := range es {
		r := roles[e.Field(2)]
		if r == 0 || e.Field(1) == "" {
			return nil, fmt.Errorf("categories.txt:%d: want word | category | verb, state, noun, force, suffix, unit, person, phrase or before", e.Line)
		}
		if r == rPhrase || r == rBefore {
			p := phrase{words: strings.Fields(e.Field(0)), category: e.Field(1)}
			if r == rPhrase {
				ca = append(ca, p)
			} else {
				cb = append(cb, p)
			}
			continue
		}
		x.cats[e.Field(0)] = catWord{e.Field(1), r}
	}
	var bb, ba, ub, ua []phrase
	if es, err = read("bounds.txt"); err != nil {
		return nil, err
	}
	for _, e := range es {
		p := phrase{words: strings.Fields(e.Field(0)), bound: e.Field(1)}
		switch {
		case p.bound != "min" && p.bound != "max" && p.bound != "approx":
			return nil, fmt.Errorf("bounds.txt:%d: bound %q: use min, max or approx", e.Line, p.bound)
		case e.Field(2) == "before":
			bb = append(bb, p)
		case e.Field(2) == "after":
			ba = append(ba, p)
		default:
			return nil, fmt.Errorf("bounds.txt:%d: place %q: use before or after", e.Line, e.Field(2))
		}
	}
	if es, err = read("units.txt"); err != nil {
		return nil, err
	}
	for _, e := range es {
		p := phrase{words: strings.Fields(e.Field(0)), unit: e.Field(1), category: e.Field(2)}
		switch e.Field(3) {
		case "before":
			ub = append(ub, p)
		case "after":
			ua = append(ua, p)
		default:
			return nil, fmt.Errorf("units.txt:%d: place %q: use before or after", e.Line, e.Field(3))
		}
	}
	x.boundsBefore, x.boundsAfter = index(bb, true), index(ba, false)
	x.unitsBefore, x.unitsAfter = index(ub, true), index(ua, false)
	x.casualtyPhrases = index(ca, false)
	x.casualtyBefore = index(cb, true)
	return x, nil
}
