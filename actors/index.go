package actors

import (
	"slices"

	"github.com/dossier-news/dossier/internal/work"
)

// resolverIndex holds the resolver's look-ups by key, so that finding the
// entities a mention may refer to costs the few entities under its key,
// not a pass over every entity (or candidate) of the document: the passes
// made resolution quadratic in a long document. Each list may hold an
// entity more than once or one that no longer fits (its type changed);
// the callers check every entity they take from it as the pass did, in
// entity order, so the answers are the pass's.
type resolverIndex struct {
	fuzzy     map[fuzzyKey][]int32 // people by the class of the surname's first letter and its length (fuzzySurname)
	byName    map[string][]int32   // people by name, as registered (a guessed person that is an organisation)
	byToks    map[uint64][]int32   // people by the hash of their name's words (personInside)
	regSur    map[int32][]string   // the surnames and first names a person was registered under
	regFst    map[int32][]string   // (unregisterPerson)
	byRole    map[string][]int32   // entities by role key (role)
	byHead    map[string][]int32   // entities by head noun (nominal)
	firstIn   map[[2]int32]int32   // sentence and entity -> the candidate of the entity's first mention there (actsFirst)
	roleCands map[string][]int32   // role candidates by role key, made on unheld's first need
}

// fuzzyKey files a surname for fuzzySurname: the names it compares start
// with the same letter, or both with a k sound, and differ in length by at
// most 3 bytes.
type fuzzyKey struct {
	class byte
	n     int
}

func soundClass(c byte) byte {
	if kSound(c) {
		return 'k'
	}
	return c
}

func (x *resolverIndex) reset() { *x = resolverIndex{} }

func addTo[K comparable, V any](m *map[K][]V, k K, v V) {
	if *m == nil {
		*m = make(map[K][]V)
	}
	(*m)[k] = append((*m)[k], v)
}

// ascending sorts a list of entity indexes and drops repeats, in place.
func ascending(l []int32) []int32 {
	slices.Sort(l)
	return slices.Compact(l)
}

// registered records person ei under its current name and words.
func (r *resolver) registered(ei int) {
	e, x, i := r.ents[ei], &r.idx, int32(ei)
	addTo(&x.byName, e.name, i)
	addTo(&x.byToks, tokHash(e.toks), i)
	if n := len(e.toks); n > 0 {
		s := e.toks[n-1]
		if s != "" {
			addTo(&x.fuzzy, fuzzyKey{soundClass(s[0]), len(s)}, i)
		}
		addTo(&x.regSur, i, s)
		if n > 1 {
			addTo(&x.regFst, i, e.toks[0])
		}
	}
}

// fuzzyCands returns the people fuzzySurname must compare with w, in
// entity order: the others it would pass over.
func (r *resolver) fuzzyCands(w string) []int32 {
	out := r.idxBuf[:0]
	c := soundClass(w[0])
	for n := len(w) - 3; n <= len(w)+3; n++ {
		out = append(out, r.idx.fuzzy[fuzzyKey{c, n}]...)
	}
	out = ascending(out)
	work.Add(len(out))
	r.idxBuf = out
	return out
}

// sorted returns the list under key k of m in entity order, without repeats.
func sortedList[K comparable](m map[K][]int32, k K) []int32 {
	l := m[k]
	work.Add(len(l))
	if len(l) > 1 {
		l = ascending(l)
		m[k] = l
	}
	return l
}

// noteFirst records candidate ci as linked to its entity, for actsFirst:
// the earliest mention of the entity in the sentence (the first made, of
// two at one token).
func (r *resolver) noteFirst(ci int) {
	c := &r.cands[ci]
	k := [2]int32{int32(c.sent), int32(c.entity)}
	if r.idx.firstIn == nil {
		r.idx.firstIn = make(map[[2]int32]int32)
	}
	if cur, ok := r.idx.firstIn[k]; ok {
		o := &r.cands[cur]
		if o.first < c.first || o.first == c.first && int(cur) < ci {
			return
		}
	}
	r.idx.firstIn[k] = int32(ci)
}
