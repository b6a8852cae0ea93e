// Writing the resolved candidates out as d.Mentions and d.Entities.

package actors

import (
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/dossier-news/dossier/doc"
)

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
