package quantity

import (
	"strings"

	"github.com/dossier-news/dossier/doc"
)

// matchBefore finds the longest phrase of ps that ends just before token
// end, and returns its first token.
func (s *scan) matchBefore(ix phraseIndex, end int) (phrase, int, bool) {
	if !s.in(end - 1) {
		return phrase{}, 0, false
	}
	for _, p := range ix[s.low(end-1)] {
		st := end - len(p.words)
		if st < s.lo {
			continue
		}
		ok := true
		for k, w := range p.words {
			if s.low(st+k) != w {
				ok = false
				break
			}
		}
		if ok {
			return p, st, true
		}
	}
	return phrase{}, 0, false
}

// matchAfter finds the longest phrase of ps that starts at token start, and
// returns the token after it.
func (s *scan) matchAfter(ix phraseIndex, start int) (phrase, int, bool) {
	if !s.in(start) {
		return phrase{}, 0, false
	}
	for _, p := range ix[s.low(start)] {
		if start+len(p.words) > s.hi {
			continue
		}
		ok := true
		for k, w := range p.words {
			if s.low(start+k) != w {
				ok = false
				break
			}
		}
		if ok {
			return p, start + len(p.words), true
		}
	}
	return phrase{}, 0, false
}

// complete reads the context of a number: currency and bound before it,
// unit, bound, counted noun and casualty word after it, casualty verb before
// it. It reports false for numbers that are not quantities after all (a
// year, a duration).
//
// It is long because it applies the context rules of one figure in their order
// of precedence, a block each.
func (s *scan) complete(n number) (cand, bool) {
	c := cand{head: -1, headFrom: -1, first: n.start, last: n.end}
	q := &c.q
	q.Value, q.Ordinal, q.Bound = n.value, n.ordinal, "exact"
	if n.vague {
		q.Bound = "min" // ACLED's figure for a vague count is its conservative floor
	}
	if n.hi > 0 {
		q.Bound = "min" // "10-15": the low end, as ACLED codes ranges
	}
	if p, st, ok := s.matchBefore(s.x.unitsBefore, c.first); ok && !n.ordinal {
		q.Unit, q.Category, c.first = p.unit, p.category, st
		if n.abbr > 0 {
			q.Value *= n.abbr
		}
	}
	if p, st, ok := s.matchBefore(s.x.boundsBefore, c.first); ok && !n.ordinal {
		q.Bound, c.first = p.bound, st
	}
	if s.in(c.first-1) && (s.low(c.first-1) == "between" || s.low(c.first-1) == "from") {
		c.between = true
	}
	k := n.end
	if q.Unit == "" && n.unit != "" {
		q.Unit, q.Category = n.unit, n.ucat
	}
	if q.Unit == "" && !n.ordinal {
		if p, e, ok := s.matchAfter(s.x.unitsAfter, k); ok {
			q.Unit, q.Category, k = p.unit, p.category, e
		}
	}
	if p, e, ok := s.matchAfter(s.x.boundsAfter, k); ok && !n.ordinal {
		if q.Bound == "exact" {
			q.Bound = p.bound
		}
		k = e
	}
	if n.suffix == "odd" { // "50-odd"
		q.Bound, n.suffix = "approx", ""
	}
	c.last = k
	if q.Unit != "" {
		c.last = max(c.last, k)
		return c, s.finish(&c, n)
	}

	// The counted noun: "165 of his peacekeepers", "20 Malian soldiers",
	// "three parties".
	j := k
	if s.low1(j) == "of" && !n.ordinal {
		j++
		for s.is(j, wDet) {
			j++
		}
		if s.is(j, wPron) {
			j = -j - 1 // "three of them": counted elsewhere
		} else if p, e, ok := s.matchAfter(s.x.unitsAfter, j); ok {
			q.Unit, q.Category, c.last = p.unit, p.category, e // "hundreds of millions of dollars"
			return c, s.finish(&c, n)
		}
	}
	verbAt := -1
	if j >= 0 {
		for m := 0; m < 3 && s.word(j) && s.word(j+1) && !s.stopish(j+1) && !s.isVerb(j+1) && s.nounLike(j+1); m++ {
			lw := s.low(j)
			tok := s.d.Tokens[j]
			rank := s.x.words[lw]&wRank != 0 && !n.ordinal // "the five most populous counties"
			if s.x.words[lw]&wMod == 0 && !tok.Has(doc.FlagCap) && !hasHyphen(lw) && !rank {
				break
			}
			if s.x.words[lw]&wMod == 0 && !rank && !s.isCat(j+1) && !s.is(j+1, wMod) && !hasSuffix(s.low(j+1), "s") &&
				!s.d.Tokens[j+1].Has(doc.FlagCap) && !(s.pluralAhead(j+1, n) > j+1) {
				break // "20 Malian soldiers", "two Democratic presidential candidates", but "four Russians held by Moscow"
			}
			j++
		}
		if s.word(j) && !s.stopish(j) {
			lw := s.low(j)
			if s.x.words[lw]&wMod != 0 && !s.isCat(j) {
				j++ // "12 more were killed": no counted noun; read on from the next word
				lw = s.low1(j)
			}
			if s.x.words[lw]&wTimeUnit != 0 {
				return c, false // "nine years": a duration, the timex stage's
			}
			if cw, ok := s.x.cats[lw]; ok && (cw.role == rVerb || cw.role == rState) {
				verbAt = j // "687 wounded"
			} else if s.word(j) && !s.stopish(j) && !isNumberish(s, j) {
				if s.x.words[lw]&wRank != 0 && n.ordinal {
					return c, false // "the second largest steelmaker": a rank, not a count
				}
				c.head = j
				// a noun compound names its head last: "aid workers", "police officers"
				if s.is(j+1, wTimeUnit) {
					return c, false // "eight trading days"
				}
				if p := s.pluralAhead(j, n); p > j {
					c.head, c.headFrom = p, j
				} else if !hasSuffix(lw, "s") && s.word(j+1) && !s.stopish(j+1) && !s.isVerb(j+1) && !isNumberish(s, j+1) &&
					!s.d.Tokens[j+1].Has(doc.FlagCap) && !s.is(j+2, wDet) && !(s.in(j+2) && s.d.Tokens[j+2].Kind == doc.Number) {
					_, headKnown := s.x.cats[lw]
					_, nextKnown := s.x.cats[s.low(j+1)]
					if nextKnown || (!headKnown && hasSuffix(s.low(j+1), "s")) {
						c.head, c.headFrom = j+1, j
					}
				}
			}
		}
	} else {
		j = -j - 1
	}

	if c.head < 0 && verbAt < 0 && s.rangeOfTime(k) {
		return c, false // "two to three weeks", "12 to 18 months"
	}

	// A casualty word after the figure or its noun: "killed", "were
	// wounded", "lost their lives".
	cat, end, found := "", 0, false
	if verbAt >= 0 {
		cat, end, found = s.x.cats[s.low(verbAt)].category, verbAt+1, true
	} else {
		from := j
		if c.head >= 0 {
			from = c.head + 1
		}
		cat, end, found = s.casualtyAfter(from)
	}
	if found {
		q.Category, c.casualty, c.after = cat, true, true
		c.last = max(c.last, end)
	}
	if c.head >= 0 {
		c.last = max(c.last, c.head+1)
		from := c.head
		if c.headFrom >= 0 {
			from = c.headFrom
		}
		q.Counts = trimPossessive(s.d.Text[s.d.Tokens[from].Start:s.d.Tokens[c.head].End])
	}
	// A casualty verb before the figure: "killing at least 30 civilians",
	// "the death toll rose to 30".
	if !c.casualty {
		if cat, ok := s.casualtyBefore(c.first, c.head < 0 || s.isCat(c.head)); ok {
			q.Category, c.casualty = cat, true
		}
	}
	if !c.casualty {
		s.categorise(&c, n)
	}
	if c.q.Category == "" && c.q.Unit == "" && (s.is(c.first-1, wAge) || s.appositiveAge(c, n)) {
		c.q.Category = "age" // "aged 14", "at age seventeen", "Mona Lamberson, 59, of Philadelphia"
	}
	return c, s.finish(&c, n)
}

// categorise gives a figure without a casualty word its category: the
// normalised category of its counted noun or compound, or the noun itself.
func (s *scan) categorise(c *cand, n number) {
	q := &c.q
	var hw string
	var hc catWord
	hasCat := false
	if c.head >= 0 {
		hw = trimPossessive(s.low(c.head))
		hc, hasCat = s.x.cats[hw]
	}
	if n.suffix != "" {
		sc, ok := s.x.cats[n.suffix]
		switch {
		case ok && sc.role == rSuffix && n.suffix == "strong":
			// "a 5,000-strong force" is a force size, "a 300-strong crowd" a crowd
			if c.head < 0 || (hasCat && (hc.role == rUnit || hc.role == rForce)) {
				q.Category = sc.category
			} else {
				q.Category = hw
			}
		case ok && sc.role == rSuffix:
			// "the 17,500-person mission" is personnel, "a three-person race" a race
			if c.head < 0 || (hasCat && hc.role == rUnit) {
				q.Category = sc.category
			} else {
				q.Category = hw
			}
		default:
			q.Category = n.suffix // "a 10-point plan"
		}
		return
	}
	if c.head < 0 {
		return
	}
	if hasCat && (hc.role == rNoun || hc.role == rForce) {
		q.Category = hc.category
		c.casualty = hc.role == rNoun
		return
	}
	q.Category = hw
}

// finish applies the checks that need the whole quantity, and sets its span.
func (s *scan) finish(c *cand, n number) bool {
	q := &c.q
	if n.year {
		// A four-digit number is a year unless it counts something known:
		// "2000 troops", "1500 people", "$2015".
		counted := q.Unit != "" || c.casualty
		if c.head >= 0 {
			if cw, ok := s.x.cats[s.low(c.head)]; ok && cw.role != rUnit && cw.role != rSuffix {
				counted = true
			}
		}
		if !counted {
			return false
		}
	}
	q.Span = doc.Span{Start: s.d.Tokens[c.first].Start, End: s.d.Tokens[c.last-1].End}
	return true
}

// appositiveAge reports whether a bare number stands between commas after a
// name, the news convention for a person's age: "Betsy Ebeling, 68, ...".
func (s *scan) appositiveAge(c cand, n number) bool {
	if c.head >= 0 || n.value < 1 || n.value > 120 || n.value != float64(int(n.value)) || c.first != n.start {
		return false
	}
	p, nx := s.low1(c.first-1), s.low1(c.last)
	return p == "," && (nx == "," || nx == ".") && s.word(c.first-2) && s.d.Tokens[c.first-2].Has(doc.FlagCap)
}

// rangeOfTime reports whether a range of durations starts at token k, just
// after the low end's number: "to three weeks", "- 18 months".
func (s *scan) rangeOfTime(k int) bool {
	switch s.low1(k) {
	case "to", "or", "and", "-", "–":
	default:
		return false
	}
	j := k + 1
	for m := 0; m < 3 && s.in(j) && (s.d.Tokens[j].Kind == doc.Number || isNumberish(s, j)); m++ {
		j++
	}
	return j > k+1 && s.is(j, wTimeUnit)
}

// pluralAhead finds the plural noun that a count above one names when the
// word at j is singular: "several colored screen prints", "three aid
// workers". It returns j when there is none.
func (s *scan) pluralAhead(j int, n number) int {
	lw := s.low(j)
	if n.value <= 1 || n.ordinal || n.suffix != "" || hasSuffix(lw, "s") || s.isCat(j) {
		return j
	}
	for k := j + 1; k <= j+2; k++ {
		if !s.word(k) || s.stopish(k) || s.isVerb(k) || isNumberish(s, k) || s.d.Tokens[k].Has(doc.FlagCap) || s.is(k, wTimeUnit) {
			return j
		}
		w := s.low(k)
		if s.isCat(k) || (hasSuffix(w, "s") && !hasSuffix(w, "ss") && !s.is(k+1, wDet) && !(s.in(k+1) && s.d.Tokens[k+1].Kind == doc.Number)) {
			return k
		}
	}
	return j
}

// nounLike reports whether word i may be the noun a modifier before it
// modifies: not a verb such as "held" in "four Russians held by Moscow",
// though "registered voters" keeps its participle.
func (s *scan) nounLike(i int) bool {
	if s.isCat(i) {
		return true
	}
	w := s.low(i)
	if !hasSuffix(w, "ed") && !hasSuffix(w, "ing") {
		return true
	}
	return s.word(i+1) && !s.stopish(i+1)
}

func (s *scan) isCat(i int) bool {
	_, ok := s.cat(i)
	return ok
}

func (s *scan) isVerb(i int) bool {
	cw, ok := s.cat(i)
	return ok && (cw.role == rVerb || cw.role == rState)
}

func isNumberish(s *scan, i int) bool { return s.in(i) && s.info(i)&infoNumber != 0 }

// hasHyphen reports whether w holds a hyphen: "-", or U+2010 and U+2011,
// which the tokenizer also joins words with.
func hasHyphen(w string) bool {
	if strings.IndexByte(w, '-') >= 0 {
		return true
	}
	return strings.IndexByte(w, 0xE2) >= 0 && (strings.Contains(w, "‐") || strings.Contains(w, "‑"))
}

// casualtyAfter finds a casualty word within a few tokens from token i,
// over auxiliaries and adverbs ("were reportedly killed"). An active verb
// with an object after it ("gunmen killed 12 villagers") says what the
// counted did, not what happened to them, so it does not count.
func (s *scan) casualtyAfter(i int) (string, int, bool) {
	be := false
	for m := 0; m < 5 && s.word(i); m, i = m+1, i+1 {
		lw := s.low(i)
		if p, e, ok := s.matchAfter(s.x.casualtyPhrases, i); ok {
			return p.category, e, true // "lost their lives", "from their homes"
		}
		if s.x.words[lw]&(wAux|wMod) != 0 && !s.isCat(i) {
			switch lw {
			case "were", "was", "are", "is", "be", "been", "being":
				be = true
			}
			continue
		}
		cw, ok := s.x.cats[lw]
		if !ok || (cw.role != rVerb && cw.role != rState) {
			return "", 0, false
		}
		if cw.role == rVerb && !be && (hasSuffix(lw, "ing") || lw == "kill" || lw == "kills" || s.hasObject(i+1)) {
			return "", 0, false
		}
		return cw.category, i + 1, true
	}
	return "", 0, false
}

// hasObject reports whether token i starts a noun phrase (an object).
func (s *scan) hasObject(i int) bool {
	if !s.in(i) {
		return false
	}
	t := s.d.Tokens[i]
	if t.Kind == doc.Number {
		return true
	}
	if t.Kind != doc.Word {
		return false
	}
	lw := s.low(i)
	if s.x.words[lw]&wDet != 0 {
		return true
	}
	if _, ok := s.x.numbers[lw]; ok {
		return true
	}
	return s.x.words[lw]&(wStop|wAux|wPron) == 0
}

func trimPossessive(w string) string {
	for _, p := range [...]string{"’s", "'s", "’", "'"} {
		if hasSuffix(w, p) && len(w) > len(p) {
			return w[:len(w)-len(p)]
		}
	}
	return w
}

func hasSuffix(s, suf string) bool { return len(s) >= len(suf) && s[len(s)-len(suf):] == suf }

// casualtyBefore finds a casualty verb just before the figure ("killing
// at least 30", "wounded 12 others") or, when toll is set (the figure counts
// nothing or people), a death toll a few words back ("the toll rose to 40").
func (s *scan) casualtyBefore(first int, toll bool) (string, bool) {
	if p, _, ok := s.matchBefore(s.x.casualtyBefore, first); ok {
		return p.category, true // "claimed the lives of 30 soldiers"
	}
	i := first - 1
	for m := 0; m < 3 && s.word(i); m, i = m+1, i-1 {
		lw := s.low(i)
		if cw, ok := s.x.cats[lw]; ok && cw.role == rVerb {
			return cw.category, true
		}
		if s.x.words[lw]&(wAux|wDet) == 0 && lw != "total" && lw != "of" {
			break
		}
	}
	for m, i := 0, first-1; toll && m < 12 && s.in(i); m, i = m+1, i-1 {
		t := s.d.Tokens[i]
		if t.Kind == doc.Number || (t.Kind == doc.Punct && s.d.TokenText(i) != ",") {
			break
		}
		if t.Kind == doc.Word && s.low(i) == "toll" {
			return "killed", true
		}
	}
	return "", false
}

// link reads coordinated figures of one sentence together: "165 of his
// peacekeepers killed and 687 wounded" (the second counts peacekeepers),
// "20 soldiers and 30 civilians were killed" (both killed), "between 10 and
// 20 people" (a range).
func (s *scan) link() {
	for k := 1; k < len(s.cands); k++ {
		a, b := &s.cands[k-1], &s.cands[k]
		if a.casualty && !b.casualty && b.head >= 0 && b.q.Unit == "" && s.including(a.last, b.first) {
			b.q.Category, b.casualty = a.q.Category, true // "killing 12 people, including three children"
		}
		if a.q.Category == "" && a.q.Unit == "" && s.partitive(a.last, b.first) {
			a.q.Category, a.q.Counts, a.casualty = b.q.Category, b.q.Counts, b.casualty // "two of the five counties"
		}
		conn, ok := s.connector(a.last, b.first)
		if !ok {
			// "Cruz has 11 delegates, Rubio has 10": a bare figure in a list
			// counts what the figure before it counts.
			if b.q.Category == "" && b.q.Unit == "" && b.head < 0 && !b.q.Ordinal && (a.head >= 0 || a.listed) && !a.casualty &&
				a.q.Unit == "" && !a.q.Ordinal && s.low1(b.last) != "of" && a.q.Category != "age" {
				b.q.Category, b.q.Counts, b.listed = a.q.Category, a.q.Counts, true
			}
			continue
		}
		if b.casualty && b.q.Counts == "" && a.q.Counts != "" && b.head < 0 {
			b.q.Counts = a.q.Counts
		}
		ownCat := a.q.Category != ""
		if a.q.Category == "" && b.q.Category != "" && a.q.Unit == "" {
			a.q.Category, a.q.Counts, a.q.Unit = b.q.Category, b.q.Counts, b.q.Unit
			a.casualty = b.casualty
		}
		if !a.casualty && b.casualty && b.after && a.head >= 0 && a.q.Unit == "" && !a.q.Ordinal && (conn == "and" || conn == "or" || conn == ",") {
			a.q.Category, a.casualty = b.q.Category, true
		}
		// A range: "between 10 and 20", "10-20", "10 to 20 people". "From $5 to
		// $7" and "fell 4% to $13" are changes, not ranges.
		sameKind := a.q.Unit == b.q.Unit && a.q.Category == b.q.Category && a.q.Value < b.q.Value // "1 – 0" is a score
		if sameKind && (conn == "-" || conn == "–" || (conn == "to" && !ownCat) || (a.between && conn == "and" && s.low(a.first-1) == "between")) {
			if a.q.Bound == "exact" {
				a.q.Bound = "min"
			}
			if b.q.Bound == "exact" {
				b.q.Bound = "max"
			}
		}
	}
}

// including reports whether tokens [a, b) introduce a part of a figure:
// ", including", "among them", "of whom".
func (s *scan) including(a, b int) bool {
	if s.low1(a) == "," {
		a++
	}
	switch b - a {
	case 1:
		return s.low1(a) == "including"
	case 2:
		w := s.low1(a) + " " + s.low1(a+1)
		return w == "among them" || w == "of whom" || w == "of them" || w == "among whom"
	}
	return false
}

// partitive reports whether tokens [a, b) are "of" or "of the", joining two
// figures as in "two of the five counties".
func (s *scan) partitive(a, b int) bool {
	return (b == a+1 && s.low1(a) == "of") || (b == a+2 && s.low1(a) == "of" && s.is(a+1, wDet))
}

// connector reports whether tokens [a, b) only join two figures, and the
// joining word.
func (s *scan) connector(a, b int) (string, bool) {
	if b <= a || b-a > 3 {
		return "", false
	}
	conn := ""
	for i := a; i < b; i++ {
		w := s.low(i)
		switch w {
		case "and", "or", "to", ",", "-", "–", "—":
			if conn == "" || conn == "," {
				conn = w
			}
		case "another", "more", "further", "other", "others", "while", "with", "plus":
		default:
			return "", false
		}
	}
	return conn, conn != ""
}
