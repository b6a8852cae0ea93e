// Pronouns and role nouns: the person or group each refers to.

package actors

import "github.com/dossier-news/dossier/internal/work"

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
		work.Add(1)
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
	if r.idx.roleCands == nil {
		// the role candidates by role key, once: a pass over every
		// candidate for each role noun was quadratic
		r.idx.roleCands = map[string][]int32{}
		for i := range r.cands {
			if r.cands[i].kind == "role" {
				r.idx.roleCands[r.cands[i].roleKey] = append(r.idx.roleCands[r.cands[i].roleKey], int32(i))
			}
		}
	}
	for _, j := range r.idx.roleCands[c.roleKey] {
		work.Add(1)
		i, o := int(j), &r.cands[j]
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
