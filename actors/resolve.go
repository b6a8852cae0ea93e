package actors

import (
	"slices"
	"strings"

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
