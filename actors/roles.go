// Role mentions: titles before a name ("Foreign Minister"), appositions
// ("its owner, ..."), role nouns ("the envoy") and groups ("Malian officials").

package actors

import (
	"strings"

	"github.com/dossier-news/dossier/doc"
)

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
