package events

import (
	"strings"

	"github.com/dossier-news/dossier/doc"
)

const maxNP = 10 // the longest actor phrase read, in tokens

// npToken reports whether token i can be part of an actor phrase: a name, a
// group noun, a possessive, "of"/"and" inside a name, a modifier.
func (v *view) npToken(i int) bool {
	t := v.d.Tokens[i]
	if t.Kind == doc.Punct {
		s := v.lower[i]
		return s == "-" || s == "&" || s == "/"
	}
	if t.Kind == doc.QuoteMark {
		return v.d.Marks[i] == doc.MarkApostrophe // "the Workers' Union"
	}
	if t.Kind == doc.Number {
		return false
	}
	if t.Kind != doc.Word {
		return false
	}
	c := v.cls(i)
	if c&(cAux|cBe|cSub|cRel|cNeg|cFuture|cHypo|cCond|cPron|cSay|cNum) != 0 {
		return false
	}
	if c&cPrep != 0 {
		return v.lower[i] == "of"
	}
	if c&cTime != 0 && !t.Has(doc.FlagCap) {
		return false
	}
	if c&cTime != 0 && isWeekday(v.lower[i]) {
		return false
	}
	return true
}

func isWeekday(s string) bool {
	switch s {
	case "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday":
		return true
	}
	return false
}

// actorLike reports whether tokens [a,b) name an actor: a capitalised
// word or a group noun.
func (v *view) actorLike(a, b int) bool {
	for i := a; i < b; i++ {
		if v.isCap(i) || v.cls(i)&(cGroup|cPron) != 0 {
			return true
		}
	}
	return false
}

// trimNP drops determiners and "of"/"and" at the edges of [a,b).
func (v *view) trimNP(a, b int) (int, int) {
	for a < b && (v.cls(a)&cDet != 0 || v.lower[a] == "of" || v.lower[a] == "and" || v.lower[a] == "," || v.lower[a] == "(" || v.lower[a] == ")") {
		a++
	}
	for b > a && (v.lower[b-1] == "of" || v.lower[b-1] == "and" || v.cls(b-1)&cDet != 0 || v.lower[b-1] == "(" || v.lower[b-1] == ")" && !v.opens(a, b-1) || v.lower[b-1] == "-") {
		b--
	}
	return a, b
}

// opens reports whether a "(" lies in [a, b).
func (v *view) opens(a, b int) bool {
	for k := a; k < b; k++ {
		if v.lower[k] == "(" {
			return true
		}
	}
	return false
}

// subjectLeft finds the actor phrase that ends before token i: it skips
// auxiliaries, adverbs, negators, time words and a comma-enclosed
// apposition, then reads the noun phrase leftwards. It returns an empty
// range when the clause has no subject before i.
func (v *view) subjectLeft(i, lo int) (int, int) {
	j := i - 1
	for j >= lo {
		c := v.cls(j)
		w := v.lower[j]
		switch {
		case c&(cAux|cNeg|cFuture|cHypo|cBe) != 0 && c&cDet == 0 || strings.HasSuffix(w, "ly") && !v.d.Tokens[j].Has(doc.FlagCap) && len(w) > 4:
			j--
			continue
		case c&cTime != 0 || isMonth(w):
			j--
			continue
		case w == "on" && j+1 < i && (isWeekday(v.lower[j+1]) || isMonth(v.lower[j+1])):
			j--
			continue
		case v.d.Tokens[j].Kind == doc.Number && j+1 < i && (isMonth(v.lower[j+1]) || j > lo && isMonth(v.lower[j-1])):
			j--
			continue
		case w == "to" && j > lo && (v.lower[j-1] == "going" || v.lower[j-1] == "plans" || v.lower[j-1] == "able"):
			j--
			continue
		case w == ",":
			// An apposition: "Pakistan, a key ally, has refused".
			k := j - 1
			for k >= lo && v.lower[k] != "," && j-k < 14 {
				k--
			}
			if k >= lo && v.lower[k] == "," && k+1 < j && (v.cls(k+1)&cDet != 0 || v.allCap(k+1, j)) {
				j = k - 1
				continue
			}
		}
		break
	}
	if j < lo {
		return 0, 0
	}
	if v.cls(j)&cPron != 0 {
		return j, j + 1
	}
	if v.cls(j)&cRel != 0 && j > lo {
		// "the countries that withdrew": the phrase before the relative.
		return v.npLeft(j, lo)
	}
	a, b := v.npLeft(j+1, lo)
	// "the countries that sent the troops are withdrawing them": the
	// phrase before the relative clause.
	if a < b {
		k := a - 1
		for k > lo && v.cls(k)&cDet != 0 {
			k--
		}
		if k > lo && v.verbish(k) && v.cls(k-1)&cRel != 0 && k-1 > lo {
			if x, y := v.npLeft(k-1, lo); x < y {
				return x, y
			}
		}
	}
	return a, b
}

// npLeft reads the noun phrase ending at token end (exclusive), leftwards.
// Its head must be a name or a group noun; lower-case words are taken only
// as modifiers just before a name or group noun ("paper workers"), and a
// determiner closes the phrase.
func (v *view) npLeft(end, lo int) (int, int) {
	a := end
	lower := 0
	for a > lo && end-a < maxNP {
		k := a - 1
		w := v.lower[k]
		if v.cls(k)&cDet != 0 && w != "that" {
			a = k
			// "the Greek sides of the divided island": the phrase goes on
			// before "of the".
			if k-2 >= lo && v.lower[k-1] == "of" && (v.isCap(k-2) || v.cls(k-2)&cGroup != 0) {
				a = k - 1
				continue
			}
			break
		}
		if w == ")" {
			// "the Asia-Pacific Economic Cooperation (APEC) forum"
			p := k - 1
			for p > lo && v.lower[p] != "(" && k-p < 6 {
				p--
			}
			if v.lower[p] == "(" && p > lo {
				a = p
				continue
			}
			break
		}
		if w == "and" || w == "," {
			// "Hungarian and Romanian officials", "the US, Britain and France"
			if k > lo && a < end && (v.isCap(k-1) || v.cls(k-1)&cGroup != 0) && (v.isCap(a) || v.cls(a)&cGroup != 0) {
				a = k
				continue
			}
			break
		}
		if !v.npToken(k) {
			break
		}
		strong := v.isCap(k) || v.cls(k)&cGroup != 0 || w == "'s" || w == "'" || w == "of" || w == "-"
		if !strong {
			// a lower-case head needs a name before it: "Algerian
			// landowners", "Islamic fundamentalists"
			headOK := a == end && k > lo && v.isCap(k-1) && !v.verbish(k) && v.npToken(k-1)
			if a == end && !headOK || lower >= 2 || isMonth(w) {
				break
			}
			lower++
		}
		if a == end && (w == "of" || w == "'s" || w == "-") {
			break
		}
		a = k
	}
	if a == end {
		// "The opposition condemned", "the two governments reached": a
		// common noun right after a determiner is a subject too.
		k := end - 1
		for k > lo && end-k <= 3 && v.isWord(k) && !v.isCap(k) && (v.cls(k) == 0 || v.cls(k)&cNum != 0) {
			k--
		}
		if k >= lo && k < end-1 && v.cls(k)&cDet != 0 && v.lower[k] != "that" && v.subjectStart(k, lo) {
			return k + 1, end
		}
		return 0, 0
	}
	a, b := v.trimNP(a, end)
	if a >= b || !v.actorLike(a, b) {
		return 0, 0
	}
	return a, b
}

// subjectStart reports whether a phrase opening at k stands where a
// subject does: at the start of the sentence or clause, after a reporting
// verb or "that".
func (v *view) subjectStart(k, lo int) bool {
	if k == lo {
		return true
	}
	p := v.lower[k-1]
	c := v.cls(k - 1)
	return v.boundary(k-1) || p == "that" || c&cSay != 0 || c&cSub != 0 && p != "as" || v.d.Tokens[k-1].Kind == doc.QuoteMark
}

// npRight reads the recipient after token i: the first actor phrase of the
// clause, or, when that is only a group noun (troops, sanctions), a named
// phrase after a preposition ("withdrew troops from Mali").
func (v *view) npRight(i, hi int) (int, int) {
	a, b := v.npRight1(i, hi)
	if a < b && !v.hasCap(a, b) {
		if x, y := v.npRight1(b, hi); x < y && v.hasCap(x, y) && x-b <= 3 && x > 0 && v.cls(x-1)&(cPrep|cDet) != 0 && v.lower[x-1] != "of" {
			return x, y
		}
	}
	return a, b
}

func (v *view) allCap(a, b int) bool {
	for k := a; k < b; k++ {
		if !v.isCap(k) && v.lower[k] != "-" && v.lower[k] != "bin" && v.lower[k] != "al" {
			return false
		}
	}
	return a < b
}

func (v *view) hasCap(a, b int) bool {
	for k := a; k < b; k++ {
		if v.isCap(k) {
			return true
		}
	}
	return false
}

func (v *view) npRight1(i, hi int) (int, int) {
	for k := i; k < hi && k < i+8; k++ {
		if v.boundary(k) || v.cls(k)&(cSub|cRel|cCond|cPron|cSay) != 0 {
			return 0, 0 // a new clause: "the truce they signed", "warned that"
		}
		if !v.npToken(k) || isMonth(v.lower[k]) {
			continue
		}
		if !v.isCap(k) && v.cls(k)&(cGroup|cDet) == 0 && (!(k+1 < hi && (v.isCap(k+1) || v.cls(k+1)&cGroup != 0)) || len(v.info[k].lemmas) > 0) {
			continue // a lower-case word opens a phrase only as a modifier
		}
		b := k
		for b < hi && b-k < maxNP && (v.npToken(b) && !isMonth(v.lower[b]) || v.lower[b] == "and" && b+1 < hi && v.npToken(b+1) && b > k) {
			if v.lower[b] == "of" && !(b+1 < hi && (v.isCap(b+1) || v.cls(b+1)&cDet != 0 && b+2 < hi && v.isCap(b+2))) {
				break
			}
			if !v.isCap(b) && v.cls(b)&cGroup == 0 && len(v.info[b].lemmas) > 0 && b+1 < hi && v.cls(b+1)&cGroup != 0 {
				// "put peacekeepers": a verb, not a modifier
				break
			}
			if b > k && !v.isCap(b) && v.cls(b)&cGroup == 0 && v.lower[b] != "and" && v.lower[b] != "of" && v.lower[b] != "-" && (v.isCap(b-1) || v.cls(b-1)&cGroup != 0) && !(b+1 < hi && (v.cls(b+1)&cGroup != 0)) && !(v.cls(b-1)&cGroup != 0 && (b+1 >= hi || v.boundary(b+1) || v.cls(b+1)&cPrep != 0)) {
				// a lower-case word after the head ends the phrase ("the
				// army regroup"), but for a compound ending the phrase
				// ("a police station in the south").
				break
			}
			b++
		}
		x, e := v.trimNP(k, b)
		// "sanctions on the airline": after a preposition and determiner
		// a common noun is a recipient too.
		object := x < e && x >= 2 && v.cls(x-1)&cDet != 0 && objectPrep(v.lower[x-2])
		if x < e && (v.actorLike(x, e) || object) {
			// A phrase that is only a possessor ("Mali's desire") stops at
			// the clitic.
			for y := x; y < e; y++ {
				if v.lower[y] == "'s" || v.lower[y] == "'" {
					if y+1 < e && v.isCap(y+1) {
						continue
					}
					e = y
					break
				}
			}
			if x < e {
				return x, e
			}
		}
		k = b
	}
	return 0, 0
}

// objectPrep: the prepositions that introduce who undergoes an act.
func objectPrep(w string) bool {
	switch w {
	case "on", "against", "to", "with", "from", "at", "into", "upon", "toward", "towards":
		return true
	}
	return false
}

// byPhrase finds "by X" after token i, within the clause.
func (v *view) byPhrase(i, hi int) (int, int) {
	for k := i; k < hi && k < i+6; k++ {
		if v.boundary(k) {
			return 0, 0
		}
		if v.lower[k] == "by" {
			return v.npRight(k+1, hi)
		}
	}
	return 0, 0
}

func isMonth(s string) bool {
	switch s {
	case "january", "february", "march", "april", "may", "june", "july", "august", "september",
		"october", "november", "december", "jan.", "feb.", "aug.", "sept.", "oct.", "nov.", "dec.":
		return true
	}
	return false
}

// split cuts an actor phrase into the actors it joins: "the US and France"
// is two actors, "Bosnia and Herzegovina" too (the actors stage knows
// better when its entities are present).
func (v *view) split(a, b int) [][2]int {
	out := v.parts[:0] // the caller is done with it before the next call
	defer func() { v.parts = out[:0] }()
	s := a
	for k := a; k <= b; k++ {
		if k == b || v.lower[k] == "and" || v.lower[k] == "," {
			x, y := v.trimNP(s, k)
			if x < y && v.actorLike(x, y) {
				out = append(out, [2]int{x, y})
			} else if x < y && len(out) > 0 {
				// "Hungarian and Romanian officials": the shared head joins
				// the last part.
				out[len(out)-1][1] = y
			}
			s = k + 1
		}
	}
	if len(out) == 0 {
		// a common noun the caller accepted: "the opposition"
		if x, y := v.trimNP(a, b); x < y {
			out = append(out, [2]int{x, y})
		}
	}
	return out
}

// args turns a phrase into arguments, linked to the actors stage's entities
// when a mention lies inside.
func (v *view) args(a, b int) []doc.Argument {
	if a >= b {
		return nil
	}
	parts := v.split(a, b)
	if len(parts) == 0 {
		return nil
	}
	// the arguments of a document's events share a few blocks: each
	// event's list is a capped slice of one
	if cap(v.argSlab)-len(v.argSlab) < len(parts) {
		v.argSlab = make([]doc.Argument, 0, max(32, len(parts)))
	}
	start := len(v.argSlab)
	for _, p := range parts {
		sp := doc.Span{Start: v.d.Tokens[p[0]].Start, End: v.d.Tokens[p[1]-1].End}
		arg := doc.Argument{Text: v.d.Text[sp.Start:sp.End], Span: sp, Entity: -1}
		arg.Name = arg.Text
		// The entity names the argument when its mention is the phrase's
		// head: "The US" is the United States, but "UN peacekeepers" are
		// not the United Nations.
		if m := v.mentionIn(sp); m >= 0 && v.d.Mentions[m].End >= sp.End {
			if e := v.d.Mentions[m].Entity; e >= 0 && e < len(v.d.Entities) {
				arg.Entity = e
				arg.Name = v.d.Entities[e].Name
			}
		}
		v.argSlab = append(v.argSlab, arg)
	}
	return v.argSlab[start:len(v.argSlab):len(v.argSlab)]
}

// mentionIn returns the longest mention inside or overlapping sp, or -1.
func (v *view) mentionIn(sp doc.Span) int {
	best := -1
	ms := v.d.Mentions
	lo, hi := 0, len(ms)
	for lo < hi { // first mention ending after sp.Start
		m := (lo + hi) / 2
		if ms[m].End <= sp.Start {
			lo = m + 1
		} else {
			hi = m
		}
	}
	for k := lo; k < len(ms) && ms[k].Start < sp.End; k++ {
		if ms[k].Overlaps(sp) && ms[k].Kind != doc.MentionPronoun && (best < 0 || ms[k].Len() > ms[best].Len()) {
			best = k
		}
	}
	if best < 0 {
		// a pronoun subject resolved by the actors stage
		for k := lo; k < len(ms) && ms[k].Start < sp.End; k++ {
			if ms[k].Overlaps(sp) {
				return k
			}
		}
	}
	return best
}
