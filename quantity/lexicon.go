package quantity

import (
	"embed"
	"fmt"
	"sort"
	"strconv"
	"strings"
	"sync"

	"github.com/dossier-news/dossier/lexicon"
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

type lexicons struct {
	numbers map[string]numWord
	words   map[string]uint16
	cats    map[string]catWord
	// Phrases indexed by the word next to the number (the last word of a
	// phrase before it, the first word of a phrase after it), longest
	// first, so that "no more than" wins over "more than".
	boundsBefore, boundsAfter phraseIndex
	unitsBefore, unitsAfter   phraseIndex
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

var (
	lexOnce sync.Once
	lex     *lexicons
	lexErr  error
)

func load() (*lexicons, error) {
	lexOnce.Do(func() { lex, lexErr = build() })
	return lex, lexErr
}

func read(name string) ([]lexicon.Entry, error) {
	b, err := dataFS.ReadFile("data/" + name)
	if err != nil {
		return nil, err
	}
	return lexicon.Parse(name, string(b))
}

func build() (*lexicons, error) {
	x := &lexicons{numbers: map[string]numWord{}, words: map[string]uint16{}, cats: map[string]catWord{}}
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
	}
	classes := map[string]uint16{"det": wDet, "pron": wPron, "aux": wAux, "stop": wStop, "mod": wMod,
		"timeunit": wTimeUnit, "month": wMonth, "ident": wIdent, "clock": wClock, "notone": wNotOne}
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
	roles := map[string]int{"verb": rVerb, "state": rState, "noun": rNoun, "force": rForce, "suffix": rSuffix, "unit": rUnit, "person": rPerson}
	if es, err = read("categories.txt"); err != nil {
		return nil, err
	}
	for _, e := range es {
		r := roles[e.Field(2)]
		if r == 0 || e.Field(1) == "" {
			return nil, fmt.Errorf("categories.txt:%d: want word | category | verb, state, noun, force, suffix, unit or person", e.Line)
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
	return x, nil
}
