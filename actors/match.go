// Which entity a name belongs to: people by surname, near spellings and
// initials; organisations and countries by their aliases and acronyms.

package actors

import (
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/dossier-news/dossier/doc"
)

func (r *resolver) registerPerson(ei int) {
	e := r.ents[ei]
	r.registered(ei)
	r.byName[tokHash(e.toks)] = ei
	if n := len(e.toks); n > 0 {
		r.bySurname[e.toks[n-1]] = ei
		if n > 1 {
			r.byFirst[e.toks[0]] = ei
		}
	}
}

func (r *resolver) unregisterPerson(ei int) {
	delete(r.byName, tokHash(r.ents[ei].toks))
	// only the keys ei was registered under can lead to it
	for _, k := range r.idx.regSur[int32(ei)] {
		if r.bySurname[k] == ei {
			delete(r.bySurname, k)
		}
	}
	for _, k := range r.idx.regFst[int32(ei)] {
		if r.byFirst[k] == ei {
			delete(r.byFirst, k)
		}
	}
}

// findPerson returns the person an earlier mention introduced under these
// words, or -1.
func (r *resolver) findPerson(toks []string, affil string) int {
	if len(toks) == 0 {
		return -1
	}
	if ei, ok := r.byName[tokHash(toks)]; ok && slices.Equal(r.ents[ei].toks, toks) {
		return ei
	}
	last := toks[len(toks)-1]
	if len(toks) == 1 {
		if ei, ok := r.bySurname[last]; ok {
			return ei
		}
		if ei, ok := r.byFirst[last]; ok {
			return ei
		}
		if r.exactOnly {
			return -1
		}
		return r.fuzzySurname(last, affil)
	}
	if ei, ok := r.bySurname[last]; ok {
		e := r.ents[ei]
		if len(e.toks) == 1 || e.toks[0] == toks[0] || initialOf(toks[0], e.toks[0]) || initialOf(e.toks[0], toks[0]) ||
			slices.Contains(e.toks, toks[0]) || slices.Contains(toks, e.toks[0]) ||
			(len(toks[0]) >= 4 && editDistance(toks[0], e.toks[0], 1) <= 1) {
			// "Kristin Wilkins" after "Kristen Wilkins": one person spelt two ways
			// "Tom Cruise" after "Scientologist Tom Cruise", and the reverse
			return ei
		}
	}
	return -1
}

func initialOf(ini, name string) bool {
	return len(ini) == 2 && ini[1] == '.' && strings.HasPrefix(name, ini[:1])
}

// fuzzySurname finds a person whose surname is spelt nearly as w: the
// misspellings and transliterations of machine-garbled copy ("Nevenzia").
func (r *resolver) fuzzySurname(w string, affil string) int {
	n := utf8.RuneCountInString(w)
	if n < 5 {
		return -1
	}
	limit := 1
	if n >= 9 {
		limit = 2
	}
	fw, folded := "", false // the folded spelling of w, made on first need
	best, bestD := -1, limit+1
	for _, i := range r.fuzzyCands(w) {
		ei, e := int(i), r.ents[i]
		if e.typ != "PERSON" || len(e.toks) == 0 {
			continue
		}
		if affil != "" && e.affil != "" && affil != e.affil {
			continue // the context disagrees: another person
		}
		s := e.toks[len(e.toks)-1]
		if s == "" {
			continue
		}
		if d := len(s) - len(w); d > 3 || d < -3 {
			continue
		}
		dd := limit + 1
		if s[0] == w[0] {
			dd = editDistance(s, w, limit)
		}
		if dd > limit && (s[0] == w[0] || (kSound(s[0]) && kSound(w[0]))) {
			if !folded {
				fw, folded = fold(w), true
			}
		}
		if dd > limit && len(fw) >= 5 && (s[0] == w[0] || (kSound(s[0]) && kSound(w[0]))) {
			// transliterations: "Qaddafi", "Gaddafi", "Kadhafi"
			if e.fold == "" {
				e.fold = fold(s)
			}
			if fd := editDistance(e.fold, fw, 1); fd == 0 || (fd == 1 && len(fw) >= 6) {
				dd = limit
			}
		}
		if dd < bestD || (dd == bestD && best >= 0 && e.lastTok > r.ents[best].lastTok) {
			best, bestD = ei, dd
		}
	}
	return best
}

func kSound(c byte) bool { return c == 'q' || c == 'g' || c == 'k' || c == 'c' }

// fold writes a transliterated name in a common spelling: q and c as k, dh,
// kh, ph as d, k, f, y as i, ou as u, and doubled letters once.
func fold(s string) string {
	var b []byte
	for i := 0; i < len(s); i++ {
		c := s[i]
		next := byte(0)
		if i+1 < len(s) {
			next = s[i+1]
		}
		switch {
		case (c == 'd' || c == 'k') && next == 'h':
			i++
		case c == 'p' && next == 'h':
			c = 'f'
			i++
		case c == 'o' && next == 'u':
			c = 'u'
			i++
		case c == 'q' || c == 'c' || c == 'g':
			c = 'k'
		case c == 'y':
			c = 'i'
		}
		if n := len(b); n > 0 && b[n-1] == c {
			continue
		}
		b = append(b, c)
	}
	return string(b)
}

// editDistance is the Levenshtein distance between a and b in runes, or
// limit+1 when it exceeds limit.
func editDistance(a, b string, limit int) int {
	var bufA, bufB [32]rune
	ra, rb := appendRunes(bufA[:0], a), appendRunes(bufB[:0], b)
	if d := len(ra) - len(rb); d > limit || -d > limit {
		return limit + 1
	}
	var bufP, bufC [33]int
	prev, cur := bufP[:0], bufC[:0]
	if len(rb) >= len(bufP) {
		prev, cur = make([]int, 0, len(rb)+1), make([]int, 0, len(rb)+1)
	}
	prev, cur = prev[:len(rb)+1], cur[:len(rb)+1]
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		rowMin := cur[0]
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			rowMin = min(rowMin, cur[j])
		}
		if rowMin > limit {
			return limit + 1
		}
		prev, cur = cur, prev
	}
	return prev[len(rb)]
}

func (r *resolver) name(ci int) {
	c := &r.cands[ci]
	switch {
	case c.typ == "PERSON" || c.typ == "":
		toks := r.nameToks(c)
		if ei := r.findPerson(toks, c.affil); ei >= 0 {
			e := r.ents[ei]
			if len(toks) > len(e.toks) && toks[len(toks)-1] == e.toks[len(e.toks)-1] {
				// a fuller form of the name: "Abdoulaye Diop" after "Diop"
				e.toks = append(e.toks[:0], toks...)
				e.name = c.canon
				r.registerPerson(ei)
			}
			c.typ = "PERSON"
			r.link(ci, ei)
			return
		}
		if c.typ == "" {
			if ei, ok := r.anyKey(c.canon); ok {
				c.typ = r.ents[ei].typ
				r.link(ci, ei)
			} else {
				c.drop = true
			}
			return
		}
		if c.weak {
			c.drop = true
			return
		}
		ei := r.newEnt(ci, "PERSON", c.canon)
		r.ents[ei].guessed = c.guessed
		r.ents[ei].toks = append(r.ents[ei].toks[:0], toks...)
		r.registerPerson(ei)
		return
	}
	// "Jordan said" after "Michael Jordan": a place's name that is a known
	// person's name is the person
	if c.end-c.first == 1 && (c.typ == "GPE" || c.typ == "LOC") {
		w := strings.TrimRight(r.low(c.first), "'")
		if ei, ok := r.bySurname[w]; ok && r.ents[ei].typ == "PERSON" {
			c.typ = "PERSON"
			r.link(ci, ei)
			return
		}
	}
	key := entKey{c.typ, c.canon}
	if c.typ == "ORG" {
		// "The operator, Sallow Terminals, ... Sallow Terminals' chief
		// executive": a name taken for a person turns out an organisation
		for _, i := range sortedList(r.idx.byName, c.canon) {
			ei, e := int(i), r.ents[i]
			if e.guessed && e.typ == "PERSON" && e.name == c.canon {
				r.unregisterPerson(ei)
				e.typ, e.guessed, e.gender, e.toks = "ORG", false, 0, nil
				r.byKey[key] = ei
				break
			}
		}
	}
	if ei, ok := r.byKey[key]; ok {
		r.link(ci, ei)
		return
	}
	// an acronym of an organisation named before: "Coordinating Azawad
	// Movement" ... "CAM"
	if c.typ == "ORG" && c.end-c.first == 1 && r.d.Tokens[c.first].Has(doc.FlagAllCaps) {
		for ei, e := range r.ents {
			if e.typ == "ORG" && acronymIs(e.name, c.canon) {
				r.byKey[key] = ei
				r.link(ci, ei)
				return
			}
		}
	}
	if c.weak {
		c.drop = true
		return
	}
	if ei := r.aliasOf(c); ei >= 0 {
		// "the UN mission, known as MINUSMA": one organisation, called by
		// its proper name
		r.ents[ei].name = c.canon
		r.byKey[key] = ei
		r.link(ci, ei)
		return
	}
	ei := r.newEnt(ci, c.typ, c.canon)
	r.byKey[key] = ei
}

// aliasOf finds the organisation that a name is introduced as another name
// of: "X, known as Y", "X, also called Y", "X (Y)". It returns -1 if none.
func (r *resolver) aliasOf(c *cand) int {
	if c.typ != "ORG" {
		return -1
	}
	k := c.first - 1
	switch {
	case k >= 0 && r.txt(k) == "(":
		k--
	case k >= 1 && r.txt(k) == ",":
		// "The U.N. mission in Mali, MINUSMA, said": a description, then
		// its proper name
		k--
		if h := r.hitEndingAt(k); h >= 0 && r.hits[h].e.typ == "GPE" && r.hits[h].first >= 1 && (r.low(r.hits[h].first-1) == "in" || r.low(r.hits[h].first-1) == "for") {
			k = r.hits[h].first - 2
		}
		for i := len(r.seen) - 1; i >= 0 && r.seen[i].end >= k; i-- {
			if s := r.seen[i]; s.end == k+1 && r.ents[s.ent].typ == "ORG" && hasLowerWord(r.ents[s.ent].name) {
				return s.ent
			}
		}
		return -1
	case k >= 1 && r.low(k) == "as" && r.low(k-1) == "known",
		k >= 1 && (r.low(k) == "called" || r.low(k) == "dubbed"):
		if r.low(k) == "as" {
			k--
		}
		k--
		if k >= 0 && r.low(k) == "also" {
			k--
		}
		if k >= 0 && r.txt(k) == "," {
			k--
		}
	default:
		return -1
	}
	for i := len(r.seen) - 1; i >= 0 && r.seen[i].end >= k; i-- {
		if s := r.seen[i]; s.end == k+1 && r.ents[s.ent].typ == "ORG" {
			return s.ent
		}
	}
	return -1
}

func (r *resolver) anyKey(canon string) (int, bool) {
	for _, t := range [...]string{"ORG", "GPE", "LOC", "NORP"} {
		if ei, ok := r.byKey[entKey{t, canon}]; ok {
			return ei, true
		}
	}
	return -1, false
}

// acronymIs reports whether s is the acronym of name: the capital letters
// that begin its words, two at least ("" when there are fewer). It builds
// nothing: it is asked of every organisation for each acronym in the text.
func acronymIs(name, s string) bool {
	var buf [32]byte
	b := buf[:0]
	for w := range strings.FieldsSeq(name) {
		r, _ := utf8.DecodeRuneInString(w)
		if r >= 'A' && r <= 'Z' {
			b = append(b, byte(r))
		}
	}
	if len(b) < 2 {
		return s == ""
	}
	return string(b) == s
}

// compatible reports whether a pronoun or role of gender g may refer to e.
func compatible(e *ent, g byte) bool {
	return e.typ == "PERSON" && (g == 0 || e.gender == 0 || e.gender == g)
}
