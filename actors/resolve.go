package actors

import (
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/dossier-news/dossier/doc"
)

// ent is an entity being built.
type ent struct {
	name, typ   string
	role, affil string
	gender      byte
	roleKeys    []string
	heads       []string // organisations: the nouns that may refer back ("council")
	toks        []string // people: the name's words, normalised
	lastTok     int      // first token of the latest mention
	group       bool     // an unnamed group of people ("Malian officials")
	guessed     bool     // a person only for want of evidence
	fold        string   // the surname with transliterations folded, once needed
}

// seen is one resolved mention, in text order, for the pronoun and role
// searches that look back at the subjects of earlier sentences.
type seen struct {
	sent, tok, end, ent int
}

type resolver struct {
	*analyzer
}

func (a *analyzer) resolve() {
	r := resolver{a}
	a.order = a.sortCands(a.order[:0])
	order := a.order
	var later []int
	for _, ci := range order {
		c := &a.cands[ci]
		if c.drop {
			continue // taken into another mention
		}
		if c.weak && c.kind == "name" {
			// a weak word joins an actor already known here, or waits
			if !r.weakName(ci) {
				later = append(later, ci)
			}
			continue
		}
		switch c.kind {
		case "pronoun":
			r.pronoun(ci)
		case "role":
			if c.typ == "ORG" {
				r.nominal(ci)
			} else if c.typ == "NORP" {
				r.name(ci) // a group: "Malian officials"
				if c.entity >= 0 {
					r.ents[c.entity].group = true
				}
			} else {
				r.role(ci)
			}
		default:
			r.name(ci)
		}
	}
	// weak candidates (sentence-initial words, headlines) only join actors
	// that the rest of the article established
	for _, ci := range later {
		if !r.weakName(ci) {
			r.splitWeak(ci)
		}
	}
	// "the Andy Warhol Foundation": a person named at the start of an
	// organisation's name is mentioned there too
	for _, ci := range order {
		if c := &a.cands[ci]; c.typ == "ORG" && c.kind == "name" && !c.drop && c.end-c.first >= 3 {
			r.personInside(ci)
		}
	}
}

// sortCands appends the indexes of the candidates to order in text order:
// by first token, the longer first, then in the order they were made.
func (a *analyzer) sortCands(order []int) []int {
	const bits = 21
	if len(a.d.Tokens) < 1<<bits && len(a.cands) < 1<<bits {
		// the three keys packed into one number: a sort of integers, with
		// no look into the candidates while sorting
		keys := a.keys[:0]
		for i := range a.cands {
			c := &a.cands[i]
			keys = append(keys, uint64(c.first)<<(2*bits)|uint64(1<<bits-1-c.end)<<bits|uint64(i))
		}
		slices.Sort(keys)
		for _, k := range keys {
			order = append(order, int(k&(1<<bits-1)))
		}
		a.keys = keys[:0]
		return order
	}
	for i := range a.cands {
		order = append(order, i)
	}
	slices.SortFunc(order, func(i, j int) int {
		x, y := &a.cands[i], &a.cands[j]
		if x.first != y.first {
			return x.first - y.first
		}
		if x.end != y.end {
			return y.end - x.end
		}
		return i - j
	})
	return order
}

func (r *resolver) personInside(ci int) {
	c := r.cands[ci]
	for n := c.end - c.first - 1; n >= 2; n-- {
		sub := cand{first: c.first, end: c.first + n, nFirst: c.first, kind: "name", typ: "PERSON", sent: c.sent, entity: -1}
		toks := r.nameToks(&sub)
		if len(toks) != n {
			continue
		}
		ei := -1
		l := sortedList(r.idx.byToks, tokHash(toks))
		for k := len(l) - 1; k >= 0; k-- {
			if e := r.ents[l[k]]; e.typ == "PERSON" && slices.Equal(e.toks, toks) {
				ei = int(l[k])
				break
			}
		}
		if ei >= 0 {
			sub.canon = r.nameText(sub.first, sub.end)
			r.cands = append(r.cands, sub)
			r.link(len(r.cands)-1, ei)
			return
		}
	}
}

// weakName links a weak candidate to a known actor, reporting whether it did.
func (r *resolver) weakName(ci int) bool {
	r.name(ci)
	c := &r.cands[ci]
	if c.entity >= 0 {
		return true
	}
	c.drop = false // decided later
	return false
}

// splitWeak looks inside a weak run of capitalised words, as in a headline
// ("Hillary Clinton Speaks Directly To Voters"), for the longest stretch that
// names a known actor, and makes that stretch a mention.
func (r *resolver) splitWeak(ci int) {
	r.exactOnly = true
	defer func() { r.exactOnly = false }()
	c := r.cands[ci]
	r.cands[ci].drop = true
	if c.end-c.nFirst < 2 {
		return
	}
	for n := c.end - c.nFirst - 1; n >= 1; n-- {
		for s := c.nFirst; s+n <= c.end; s++ {
			sub := cand{first: s, end: s + n, nFirst: s, kind: "name", weak: true, sent: c.sent, entity: -1}
			sub.canon = r.nameText(s, s+n)
			r.cands = append(r.cands, sub)
			si := len(r.cands) - 1
			r.name(si)
			if r.cands[si].entity >= 0 {
				return
			}
			r.cands = r.cands[:si]
		}
	}
}

func (r *resolver) link(ci, ei int) {
	c := &r.cands[ci]
	e := r.ents[ei]
	c.entity = ei
	r.noteFirst(ci)
	if c.first > e.lastTok {
		e.lastTok = c.first
	}
	if e.gender == 0 && c.gender != 0 && c.gender != 'p' {
		e.gender = c.gender
	}
	if c.roleKey != "" && e.typ == "PERSON" {
		if e.role == "" || c.newRole {
			e.role = c.role
		}
		if !contains(e.roleKeys, c.roleKey) {
			e.roleKeys = append(e.roleKeys, c.roleKey)
			addTo(&r.idx.byRole, c.roleKey, int32(ei))
		}
	}
	if e.affil == "" && c.affil != "" && c.affil != e.name {
		e.affil = c.affil
	}
	if e.typ == "ORG" && c.kind == "name" {
		if h := r.low(c.end - 1); !contains(e.heads, h) {
			e.heads = append(e.heads, h)
			addTo(&r.idx.byHead, h, int32(ei))
		}
	}
	r.seen = append(r.seen, seen{c.sent, c.first, c.end, ei})
}

func contains(xs []string, s string) bool {
	for _, x := range xs {
		if x == s {
			return true
		}
	}
	return false
}

func lastWord(s string) string {
	if i := strings.LastIndexAny(s, " -"); i >= 0 {
		s = s[i+1:]
	}
	return norm(s)
}

func (r *resolver) newEnt(ci int, typ, name string) int {
	var e *ent
	if n := len(r.ents); n < len(r.entSlab) {
		// an entity of an earlier document: its slices keep their room
		e = r.entSlab[n]
		*e = ent{name: name, typ: typ, lastTok: -1, roleKeys: e.roleKeys[:0], heads: e.heads[:0], toks: e.toks[:0]}
	} else {
		e = &ent{name: name, typ: typ, lastTok: -1}
		r.entSlab = append(r.entSlab, e)
	}
	r.ents = append(r.ents, e)
	ei := len(r.ents) - 1
	if e.typ == "ORG" {
		if h := lastWord(name); h != "" {
			e.heads = append(e.heads, h)
			addTo(&r.idx.byHead, h, int32(ei))
		}
	}
	r.link(ci, ei)
	return ei
}

// nameToks are the normalised words of a candidate's name.
func (r *resolver) nameToks(c *cand) []string {
	out := r.tokBuf[:0]
	defer func() { r.tokBuf = out[:0] }()
	for k := c.nFirst; k < c.end; k++ {
		if r.d.Tokens[k].Kind != doc.Word {
			continue
		}
		out = append(out, strings.TrimRight(r.low(k), "'"))
	}
	return out
}

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

// subject finds the person a pronoun or role noun at token tok of sentence
// sent most likely refers to: the first fitting person of its own sentence
// before it, else of the nearest of the three sentences before.
func (r *resolver) subject(sent, tok int, ok func(*ent) bool) int {
	return r.subjectG(sent, tok, 0, ok)
}

// subjectG is subject for a pronoun of gender g: a person known to be of
// that gender in the window wins over a nearer person of unknown gender.
func (r *resolver) subjectG(sent, tok int, g byte, ok func(*ent) bool) int {
	if g == 'm' || g == 'f' {
		// within the nearest sentence with a fitting person, one known to
		// be of the pronoun's gender wins over one of unknown gender, unless
		// the latter is that sentence's subject (its first person, acting)
		ei := r.subjectG(sent, tok, 0, ok)
		if ei < 0 || r.ents[ei].gender == g {
			return ei
		}
		sameSent := -1
		for i := len(r.seen) - 1; i >= 0; i-- {
			if s := r.seen[i]; s.ent == ei && (s.sent < sent || s.tok < tok) {
				sameSent = s.sent
				break
			}
		}
		for i := len(r.seen) - 1; i >= 0; i-- {
			s := r.seen[i]
			if s.sent < sameSent {
				break
			}
			if s.sent == sameSent && (s.sent < sent || s.tok < tok) && r.ents[s.ent].gender == g && ok(r.ents[s.ent]) && !r.actsFirst(ei, sameSent) {
				return s.ent
			}
		}
		return ei
	}
	best, bestSent := -1, -1
	for i := len(r.seen) - 1; i >= 0; i-- {
		s := r.seen[i]
		if s.sent < sent-3 {
			break
		}
		if s.sent == sent && s.tok >= tok {
			continue
		}
		if best >= 0 && s.sent != bestSent {
			break // the nearest sentence with a fitting person wins
		}
		if ok(r.ents[s.ent]) {
			best, bestSent = s.ent, s.sent
		}
	}
	return best
}

// actsFirst reports whether entity ei is the acting subject of sentence
// sent: its first mention there is followed by a verb of the verbs list.
func (r *resolver) actsFirst(ei, sent int) bool {
	ci, ok := r.idx.firstIn[[2]int32{int32(sent), int32(ei)}]
	return ok && r.cands[ci].verbAfter
}

// nearest finds the latest fitting person mentioned before token tok of
// sentence sent, within that sentence.
func (r *resolver) nearest(sent, tok int, ok func(*ent) bool) int {
	for i := len(r.seen) - 1; i >= 0; i-- {
		s := r.seen[i]
		if s.sent != sent {
			if s.sent < sent {
				break
			}
			continue
		}
		if s.tok < tok && ok(r.ents[s.ent]) {
			return s.ent
		}
	}
	return -1
}

func (r *resolver) pronoun(ci int) {
	c := &r.cands[ci]
	g := c.pron.gender
	var ei int
	if g == 'w' {
		// "Evgeny Prigozhin, who ...": the mention just before the comma
		ei = -1
		if c.first > 0 && r.txt(c.first-1) == "," {
			for i := len(r.seen) - 1; i >= 0 && r.seen[i].end >= c.first-1; i-- {
				if s := r.seen[i]; s.end == c.first-1 && (ei < 0 || r.ents[s.ent].typ == "PERSON") {
					ei = s.ent
				}
			}
		}
		if ei < 0 || (r.ents[ei].typ != "PERSON" && r.ents[ei].typ != "NORP" && r.ents[ei].typ != "ORG") {
			c.drop = true
			return
		}
		c.typ = r.ents[ei].typ
		r.link(ci, ei)
		return
	}
	if g == 'p' {
		// they: an organisation or group that is the subject before
		if !c.pron.subj {
			c.drop = true
			return
		}
		// they: a group of people that is the subject before ("Malian
		// officials ... they said"); organisations and countries are too
		// often wrong to guess
		ei = r.subject(c.sent, c.first, func(e *ent) bool { return e.group })
	} else {
		fits := func(e *ent) bool { return compatible(e, g) }
		ei = -1
		if !c.pron.subj {
			// his, her, him: the nearest person before it in its sentence
			ei = r.nearest(c.sent, c.first, fits)
		}
		if ei < 0 {
			ei = r.subjectG(c.sent, c.first, g, fits)
		}
	}
	if ei < 0 {
		c.drop = true
		return
	}
	c.typ = r.ents[ei].typ
	if g != 'p' {
		c.gender = g
	}
	r.link(ci, ei)
}

func (r *resolver) role(ci int) {
	c := &r.cands[ci]
	best := -1
	for _, i := range sortedList(r.idx.byRole, c.roleKey) {
		ei, e := int(i), r.ents[i]
		if !compatible(e, c.gender) || !contains(e.roleKeys, c.roleKey) {
			continue
		}
		if c.affil != "" && e.affil != "" && c.affil != e.affil && lex.countries[c.affil] != nil && lex.countries[e.affil] != nil {
			continue
		}
		if best < 0 || e.lastTok > r.ents[best].lastTok {
			best = ei
		}
	}
	if best < 0 && c.verbAfter && !r.unheld(ci) {
		// an office nobody in the article was said to hold, acting or
		// speaking: the person the passage is about, if that person has no
		// other role ("Diop said ... the foreign minister said")
		best = r.subject(c.sent, c.first, func(e *ent) bool {
			return compatible(e, c.gender) && len(e.roleKeys) == 0 &&
				(c.affil == "" || e.affil == "" || e.affil == c.affil)
		})
	}
	if best < 0 {
		return // kept as a mention of nobody known
	}
	r.link(ci, best)
}

// unheld reports whether the same role noun came earlier without a holder:
// "Diop met the president. The president said ..." is about someone else.
func (r *resolver) unheld(ci int) bool {
	c := &r.cands[ci]
	for i := range r.cands {
		o := &r.cands[i]
		if i != ci && o.kind == "role" && o.typ == "PERSON" && o.roleKey == c.roleKey && o.first < c.first && o.entity < 0 {
			return true
		}
	}
	return false
}

func (r *resolver) nominal(ci int) {
	c := &r.cands[ci]
	best := -1
	for _, i := range sortedList(r.idx.byHead, c.roleKey) {
		ei, e := int(i), r.ents[i]
		if e.typ == "ORG" && contains(e.heads, c.roleKey) && (best < 0 || e.lastTok > r.ents[best].lastTok) {
			best = ei
		}
	}
	if best < 0 {
		c.drop = true
		return
	}
	r.link(ci, best)
}

// emit writes the Mentions and Entities layers.
func (a *analyzer) emit() {
	d := a.d
	refs := a.refs[:0]
	defer func() { a.refs = refs[:0] }()
	for ci := range a.cands {
		c := &a.cands[ci]
		if c.drop || (c.entity < 0 && c.kind != "role") {
			continue
		}
		refs = append(refs, mref{ci, doc.Span{Start: d.Tokens[c.first].Start, End: d.Tokens[c.end-1].End}})
	}
	slices.SortFunc(refs, func(x, y mref) int {
		if x.span.Start != y.span.Start {
			return x.span.Start - y.span.Start
		}
		return y.span.End - x.span.End
	})
	// entities in the order of their first mention
	newID := grow(a.newID, len(a.ents))
	a.newID = newID
	for i := range newID {
		newID[i] = -1
	}
	n := 0
	for _, m := range refs {
		if ei := a.cands[m.ci].entity; ei >= 0 && newID[ei] < 0 {
			newID[ei] = n
			n++
		}
	}
	d.Entities = make([]doc.Entity, n)
	for ei, e := range a.ents {
		id := newID[ei]
		if id < 0 {
			continue
		}
		de := doc.Entity{ID: entityID(id), Name: e.name, Type: doc.EntityType(e.typ), Role: e.role, Affiliation: e.affil}
		if e.gender == 'm' || e.gender == 'f' {
			de.Gender = string(e.gender)
		}
		d.Entities[id] = de
	}
	counts := grow(a.counts, n+1)
	a.counts = counts
	for _, m := range refs {
		if ei := a.cands[m.ci].entity; ei >= 0 {
			counts[newID[ei]]++
		}
	}
	backing := make([]int, 0, len(refs))
	for id := range d.Entities {
		d.Entities[id].Mentions = backing[len(backing) : len(backing) : len(backing)+counts[id]]
		backing = backing[:len(backing)+counts[id]]
	}
	d.Mentions = make([]doc.Mention, 0, len(refs))
	for _, m := range refs {
		c := &a.cands[m.ci]
		ent := -1
		typ := doc.EntityType(c.typ)
		if c.entity >= 0 {
			ent = newID[c.entity]
			typ = d.Entities[ent].Type
			d.Entities[ent].Mentions = append(d.Entities[ent].Mentions, len(d.Mentions))
		}
		d.Mentions = append(d.Mentions, doc.Mention{Span: m.span, Type: typ, Entity: ent, Kind: doc.MentionKind(c.kind)})
	}
}

func appendRunes(buf []rune, s string) []rune {
	for _, r := range s {
		buf = append(buf, r)
	}
	return buf
}

// mref is a mention to emit: its candidate and span.
type mref struct {
	ci   int
	span doc.Span
}

// entKey indexes the non-person entities by type and canonical name.
type entKey struct{ typ, canon string }

// hasLowerWord reports whether a name has a word in lower case: a
// description ("U.N. mission") rather than a proper name.
func hasLowerWord(name string) bool {
	for _, w := range strings.Fields(name) {
		if r, _ := utf8.DecodeRuneInString(w); unicode.IsLower(r) {
			return true
		}
	}
	return false
}

// tokHash is a hash of a name's words, the key of the people by full name.
func tokHash(toks []string) uint64 {
	h := uint64(14695981039346656037)
	for _, t := range toks {
		for i := 0; i < len(t); i++ {
			h ^= uint64(t[i])
			h *= 1099511628211
		}
		h ^= ' '
		h *= 1099511628211
	}
	return h
}

// entityIDs are the first entity IDs, made once rather than per document.
var entityIDs = func() []string {
	ids := make([]string, 128)
	for i := range ids {
		ids[i] = "E" + strconv.Itoa(i+1)
	}
	return ids
}()

// entityID is the ID of the entity numbered id from 0: "E1", "E2", ...
func entityID(id int) string {
	if id < len(entityIDs) {
		return entityIDs[id]
	}
	return "E" + strconv.Itoa(id+1)
}
