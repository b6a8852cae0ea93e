// Name mentions: runs of capitalised words matched against the data files
// (countries, organisations, places, given names) and made candidates.

package actors

import (
	"strings"

	"github.com/dossier-news/dossier/doc"
)

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
		head := s.Headline
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

// nameCand makes the candidate of a capitalised run, with the titles and
// affiliation written before it.
//
// It is long because it weighs the evidence for one name's type in its order
// of precedence (data files, titles, context words), a block each.
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
	if a.inDateline(h.first) {
		return false // "KYIV, March 3 (Reuters) -": the writer's place
	}
	return prev != "" && a.is(h.first-1, wVerb)
}

// inDateline reports whether token k lies in a dateline the text layer
// found (d.Datelines).
func (a *analyzer) inDateline(k int) bool {
	start := a.d.Tokens[k].Start
	for _, dl := range a.d.Datelines {
		if dl.Start > start {
			return false
		}
		if start < dl.End {
			return true
		}
	}
	return false
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
