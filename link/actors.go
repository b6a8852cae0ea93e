package link

import (
	"strings"
)

// Actors across articles: every entity of every stored document links to a
// corpus-wide actor. An entity joins an existing actor when
//   - one of its full names (two words or more; any name for organisations
//     and places) is a name of the actor, or
//   - it is named by one word only ("Reid", "Mr. Smith") and an actor of the
//     same story has that surname or name, or
//   - its surname is one edit away from the surname of an actor of the same
//     story or with the same first name ("Nebenzia", "Nebenzya"),
// and in every case nothing contradicts it: the types agree, the
// affiliations (when both are known) agree, and two full names of persons
// sharing a surname agree on the first name ("Tara Reid" is not "Harry
// Reid"). Otherwise the entity opens an actor of its own.

// typeClass folds entity types that may name one actor: a place and the
// state that governs it are one actor ("Iran" the country, "Iran" acting).
// classCompat says whether two classes may be one actor: persons and
// organisations may, because the entity stage confuses them most ("Tara
// Reid" typed an organisation in one article of ten).
func classCompat(a, b byte) bool {
	return a == b || a == 'P' && b == 'O' || a == 'O' && b == 'P'
}

func typeClass(t string) byte {
	switch t {
	case "PERSON":
		return 'P'
	case "ORG":
		return 'O'
	case "GPE", "LOC":
		return 'L'
	case "NORP":
		return 'N'
	}
	return '?'
}

// actor is one corpus-wide actor.
type actor struct {
	id      int
	class   byte
	names   map[string]bool // name keys
	firsts  map[string]bool // first names of its person names
	affils  map[string]bool // normalised affiliations
	stories map[int]bool
	n       int // entities linked
}

type actorIndex struct {
	actors  []*actor
	byName  map[string][]int // name key -> actors
	bySur   map[string][]int // surname key -> person actors; last word -> organisations
	byFuzzy map[string][]int // surname with one letter deleted -> person actors
	byRole  map[roleKey]int  // a role or description within a story -> the actor that holds it there
}

// roleKey is a role ("secretary general") or a description ("police")
// within one story: roles hold for a time, so an unnamed entity is linked
// to the actor holding its role in its own story only.
type roleKey struct {
	story int
	role  string
}

func newActorIndex() *actorIndex {
	return &actorIndex{byName: map[string][]int{}, bySur: map[string][]int{}, byFuzzy: map[string][]int{}, byRole: map[roleKey]int{}}
}

// entKeys are the name keys of an entity, longest first, and its class.
func entKeys(e *EntFeat) []string {
	var keys []string
	seen := map[string]bool{}
	add := func(s string) {
		if k := typedKey(s, e.Type); k != "" && !seen[k] {
			seen[k] = true
			keys = append(keys, k)
		}
	}
	if len(e.Names) > 0 {
		add(e.Name)
	}
	for _, n := range e.Names {
		add(n)
	}
	return keys
}

func words(k string) int { return strings.Count(k, " ") + 1 }

// firstName is the first word of a person's name key of two words or more.
func firstName(k string) string {
	if i := strings.IndexByte(k, ' '); i > 0 {
		return k[:i]
	}
	return ""
}

// compatible says whether entity e (class c, keys, affiliation af) may be
// actor a. byFullName: the match is on a full name of two words or more,
// which is one actor whatever the types and affiliations the entity stage
// gave ("Bettie Page" typed a place once; "Sarah Palin" of Alaska and of
// the Republican Party); a surname or a one-word name must agree on both.
func (a *actor) compatible(c byte, keys []string, af string, byFullName bool) bool {
	if !classCompat(a.class, c) && !(byFullName && c != 'N' && a.class != 'N') {
		return false
	}
	if !byFullName && af != "" && len(a.affils) > 0 && !a.affils[af] {
		return false
	}
	if c == 'P' && a.class == 'P' && len(a.firsts) > 0 && len(keys) > 0 {
		// the canonical name's first name only: other name mentions may
		// carry words before the name ("UNC senior Tyler Hansbrough")
		if f := firstName(keys[0]); f != "" && !a.firsts[f] && !initialOf(f, a.firsts) {
			return false
		}
	}
	return true
}

// initialOf says whether first name f and one of firsts may name one
// person: one is an initial or a short form of the other ("j", "fred",
// "frederick").
func initialOf(f string, firsts map[string]bool) bool {
	for g := range firsts {
		if strings.HasPrefix(g, f) || strings.HasPrefix(f, g) {
			return true
		}
	}
	return false
}

// pick returns the best actor among ids compatible with the entity: one in
// the story first, then the one with most entities; -1 when none.
func (x *actorIndex) pick(ids []int, story int, inStoryOnly bool, c byte, keys []string, af string, byFullName bool) int {
	best, bestScore := -1, -1
	for _, id := range ids {
		a := x.actors[id]
		if !a.compatible(c, keys, af, byFullName) {
			continue
		}
		in := a.stories[story]
		if inStoryOnly && !in {
			continue
		}
		score := a.n
		if in {
			score += 1 << 30
		}
		if score > bestScore || score == bestScore && id < best {
			best, bestScore = id, score
		}
	}
	return best
}

// link returns the actor of entity e of a document in story, creating one
// when none fits.
func (x *actorIndex) link(e *EntFeat, story int) int {
	c := typeClass(e.Type)
	keys := entKeys(e)
	af := normKey(e.Affiliation)
	id := -1
	role := roleKey{story, normKey(e.Role)}
	if len(keys) > 0 {
		id = x.find(c, keys, af, story)
	} else {
		// unnamed: described or pronominal only; its name is a description
		if role.role == "" {
			role.role = normKey(e.Name)
		}
		if a, ok := x.byRole[role]; ok && role.role != "" && classCompat(x.actors[a].class, c) {
			id = a
		}
	}
	if id < 0 {
		id = len(x.actors)
		x.actors = append(x.actors, &actor{id: id, class: c, names: map[string]bool{}, firsts: map[string]bool{}, affils: map[string]bool{}, stories: map[int]bool{}})
	}
	x.record(id, e, story)
	return id
}

// record attaches entity e, of a document in story, to actor id: its
// names and its role there.
func (x *actorIndex) record(id int, e *EntFeat, story int) {
	c := typeClass(e.Type)
	x.attach(id, c, entKeys(e), normKey(e.Affiliation), story)
	role := roleKey{story, normKey(e.Role)}
	if role.role == "" && len(e.Names) == 0 {
		role.role = normKey(e.Name)
	}
	if _, taken := x.byRole[role]; role.role != "" && !taken {
		x.byRole[role] = id
	}
}

// find looks for the actor of an entity with name keys (longest first).
func (x *actorIndex) find(c byte, keys []string, af string, story int) int {
	// full names anywhere in the corpus
	for _, k := range keys {
		if c == 'P' && words(k) < 2 {
			continue
		}
		if id := x.pick(x.byName[k], story, false, c, keys, af, words(k) > 1); id >= 0 {
			return id
		}
	}
	// one-word names and surnames within the story
	for _, k := range keys {
		if id := x.pick(x.byName[k], story, true, c, keys, af, false); id >= 0 {
			return id
		}
		// a person by the surname of a full name; an organisation by its
		// last word only when that is all it is called ("the Colts")
		if c == 'P' || c == 'O' && words(k) == 1 {
			if id := x.pick(x.bySur[surname(k)], story, true, c, keys, af, false); id >= 0 {
				return id
			}
		}
	}
	// one-word names anywhere, when the corpus knows one actor of that name
	for _, k := range keys {
		if words(k) > 1 {
			continue
		}
		if ids := x.byName[k]; len(ids) == 1 {
			if id := x.pick(ids, story, false, c, keys, af, false); id >= 0 {
				return id
			}
		}
		if ids := x.bySur[k]; len(ids) == 1 {
			if id := x.pick(ids, story, false, c, keys, af, false); id >= 0 {
				return id
			}
		}
	}
	// a surname one edit away: in the story, or with the same first name
	if c == 'P' {
		for _, k := range keys {
			s := surname(k)
			if len([]rune(s)) < 6 {
				continue
			}
			for _, d := range deletes(s) {
				for _, id := range x.byFuzzy[d] {
					a := x.actors[id]
					if !a.compatible(c, keys, af, false) || !fuzzySurname(s, a) {
						continue
					}
					if a.stories[story] || a.firsts[firstName(k)] {
						return id
					}
				}
			}
		}
	}
	return -1
}

// fuzzySurname says whether s is within one edit of a surname of a.
func fuzzySurname(s string, a *actor) bool {
	for k := range a.names {
		if t := surname(k); t != s && editDistance(s, t) <= 1 {
			return true
		}
	}
	return false
}

// attach records an entity's names on actor id.
func (x *actorIndex) attach(id int, c byte, keys []string, af string, story int) {
	a := x.actors[id]
	a.n++
	a.stories[story] = true
	if af != "" {
		a.affils[af] = true
	}
	if c == 'P' && a.class == 'P' && len(keys) > 0 {
		if f := firstName(keys[0]); f != "" {
			a.firsts[f] = true
		}
	}
	for _, k := range keys {
		if a.names[k] {
			continue
		}
		a.names[k] = true
		x.byName[k] = append(x.byName[k], id)
		if c == 'O' && words(k) > 1 {
			// a team or firm is called by its last word ("the Colts")
			x.bySur[surname(k)] = appendOnce(x.bySur[surname(k)], id)
		}
		if c != 'P' {
			continue
		}
		s := surname(k)
		x.bySur[s] = appendOnce(x.bySur[s], id)
		if len([]rune(s)) >= 6 {
			for _, d := range deletes(s) {
				x.byFuzzy[d] = appendOnce(x.byFuzzy[d], id)
			}
		}
	}
}

func appendOnce(ids []int, id int) []int {
	for _, v := range ids {
		if v == id {
			return ids
		}
	}
	return append(ids, id)
}

// deletes returns s with each one of its letters deleted, and s itself: two
// words within one substitution, insertion or deletion share one of them.
func deletes(s string) []string {
	r := []rune(s)
	out := []string{s}
	for i := range r {
		out = append(out, string(r[:i])+string(r[i+1:]))
	}
	return out
}

// editDistance is the Levenshtein distance of two strings, by runes.
func editDistance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(rb)]
}
