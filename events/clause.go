// The clause around a trigger: its subject, its edges, a reporting verb
// that governs it, the passive voice and the quotation it lies in.

package events

import (
	"strings"

	"github.com/dossier-news/dossier/doc"
)

// background reports whether token i lies in a subordinate or relative
// clause: after a subordinator or who/which/whom/where.
func (v *view) background(i, lo int) bool {
	if e := v.edgesFrom(i, lo); e != nil {
		return e.bg[i-lo]
	}
	for k := i - 1; k >= lo; k-- {
		if v.hard(k) {
			return false
		}
		c := v.cls(k)
		if c&cSub != 0 && v.lower[k] != "as" || c&cRel != 0 && v.lower[k] != "that" {
			return true
		}
	}
	return false
}

// firstSubject returns the subject of the first verb-like word of the
// sentence before token i.
func (v *view) firstSubject(s doc.Sentence, i int) (int, int) {
	for k := s.Tokens.First + 1; k < i; k++ {
		if v.cls(k)&cSay != 0 || v.verbish(k) {
			return v.subjectLeft(k, s.Tokens.First)
		}
	}
	return 0, 0
}

// conjoined reports whether the verb at i shares the subject of an earlier
// verb: "rebels kidnapped advisers and exploded bombs".
func (v *view) conjoined(s doc.Sentence, i int) bool {
	j := i - 1
	for j > s.Tokens.First && v.cls(j)&(cAux|cNeg) != 0 {
		j--
	}
	return j >= s.Tokens.First && (v.lower[j] == "and" || v.lower[j] == "," || v.lower[j] == "then")
}

// clauseEnd is the first token at or after i that separates clauses
// strongly, or hi.
func (v *view) clauseEnd(i, hi int) int {
	if e := &v.edge; e.hi == hi && e.lo <= i && i <= hi {
		return int(e.end[i-e.lo])
	}
	for k := i; k < hi; k++ {
		if v.hard(k) {
			return k
		}
	}
	return hi
}

// clauseStart is the start of the clause holding token i: after the last
// boundary or subordinator before it.
func (v *view) clauseStart(i, lo int) int {
	if e := v.edgesFrom(i, lo); e != nil {
		return int(e.start[i-lo])
	}
	for k := i - 1; k >= lo; k-- {
		if v.hard(k) || v.cls(k)&cSub != 0 && v.lower[k] != "as" {
			return k + 1
		}
	}
	return lo
}

// reporter returns the reporting verb before token i in its sentence
// ("Hungary said it", "Russia said Sudan must", "the forum concluded that
// the US must"), or -1.
func (v *view) reporter(i, lo int) int {
	for k := i - 1; k >= lo && k >= i-12; k-- {
		if v.hard(k) {
			return -1
		}
		if v.cls(k)&cSay != 0 {
			return k
		}
		if v.lower[k] == "that" && k > lo && v.isWord(k-1) && !v.caps[k-1] && v.cls(k-1) == 0 {
			return k - 1
		}
	}
	return -1
}

// passive reports "was overthrown", "has been accused", "were killed".
func (v *view) passive(h hit, cs int) bool {
	w := v.lower[h.first]
	if len(w) < 3 || w[len(w)-3:] == "ing" {
		return false
	}
	for k := h.first - 1; k >= cs && k >= h.first-3; k-- {
		c := v.cls(k)
		if c&cBe != 0 {
			// "is opposed to", "is committed to" are adjectives
			return !(h.first+1 < len(v.lower) && v.lower[h.first+1] == "to" && !v.hasBy(h.end, h.end+6))
		}
		if c&(cAux|cNeg) == 0 && !(len(v.lower[k]) > 4 && v.lower[k][len(v.lower[k])-2:] == "ly") {
			break
		}
	}
	// A participle right after a noun, with no object after it: "165 of
	// its peacekeepers killed and 687 wounded", "restrictions imposed by".
	if h.first > cs && w[len(w)-1] == 'd' && v.lower[h.first-1] != "and" && v.npToken(h.first-1) && v.cls(h.first-1)&cDet == 0 {
		if v.hasBy(h.end, h.end+1) {
			return true
		}
		counted := false
		for k := h.first - 1; k >= cs && k >= h.first-4; k-- {
			if v.d.Tokens[k].Kind == doc.Number {
				counted = true
			}
		}
		if counted && h.end < len(v.lower) {
			n := v.lower[h.end]
			return v.boundary(h.end) || n == "and" || n == "in"
		}
	}
	return false
}

func (v *view) hasBy(i, j int) bool {
	for k := i; k < j && k < len(v.lower); k++ {
		if v.lower[k] == "by" {
			return true
		}
	}
	return false
}

// nounActor finds the actor of a noun trigger: a possessor (Russia's
// training), a modifier before it (Israeli raids), or a by-phrase.
func (v *view) nounActor(h hit, cs, ce int) (int, int) {
	i := h.first
	if i-1 >= cs && (v.lower[i-1] == "'s" || v.lower[i-1] == "'") {
		return v.npLeft(i-1, cs)
	}
	if a, b := v.byPhrase(h.end, ce); a < b {
		return a, b
	}
	// The object of a verb: "students staged mass demonstrations", "the
	// office reiterated its demand": the verb's subject.
	if k := v.governor(i, cs); k >= 0 {
		if a, b := v.subjectLeft(k, cs); a < b {
			return a, b
		}
	}
	// Capitalised modifiers just before the noun: "US Predator attacks".
	a := i
	for a > cs && v.isCap(a-1) && i-a < 4 {
		a--
	}
	if a < i && !(a == cs && v.d.Tokens[a].Has(doc.FlagLineStart)) {
		return a, i
	}
	return 0, 0
}

// governor returns the verb whose object the noun at i is ("staged mass
// demonstrations", "tighten the naval blockade"), or -1.
func (v *view) governor(i, cs int) int {
	k := i - 1
	for k >= cs && i-k <= 3 && (v.cls(k)&cDet != 0 || v.isWord(k) && !v.isCap(k) && v.cls(k) == 0 && !v.verbish(k)) {
		k-- // determiners and adjectives: "their first", "the naval"
	}
	if k >= cs && k < i && (v.verbish(k) || v.cls(k)&cSay != 0) {
		return k // "announced a suspension of flights"
	}
	return -1
}

// verbish reports whether token i looks like a finite or participle verb:
// a lower-case word ending in -ed, or one the patterns know as a verb form.
func (v *view) verbish(i int) bool {
	if !v.isWord(i) || v.isCap(i) || v.cls(i) != 0 {
		return false
	}
	w := v.lower[i]
	return strings.HasSuffix(w, "ed") || len(v.info[i].lemmas) > 0 && !strings.HasSuffix(w, "s")
}

// quoteOf reports whether sp lies inside a quote, with its speaker.
func (v *view) quoteOf(sp doc.Span) (bool, int) {
	// the first quote (then quotation) holding sp, by index (spanIndex):
	// a pass over every quote for each event is quadratic in a long text
	quote := func(i int) doc.Span { return v.d.Quotes[i].Content }
	if !v.quotes.built {
		v.quotes.build(len(v.d.Quotes), quote)
	}
	if i := v.quotes.first(sp, quote); i >= 0 {
		return true, v.d.Quotes[i].Speaker
	}
	quotation := func(i int) doc.Span { return v.d.Quotations[i].Content }
	if !v.quotations.built {
		v.quotations.build(len(v.d.Quotations), quotation)
	}
	return v.quotations.first(sp, quotation) >= 0, -1
}
