package link

import (
	"fmt"
	"strconv"
	"strings"
)

// User overrides of actor links. They are data, kept by the store as rows,
// and read by every Linker that links the corpus again: `dossier relink`
// keeps them. A rule names entities by document id and entity id ("E3"),
// not by actor id, because actor ids are numbered afresh by a relink.
//
//   - merge: the actors of two entities are one (and all their entities).
//   - split: an entity leaves its actor and is an actor of its own.
//   - alias: every entity named NAME (compared as a name key) is the actor
//     of the anchor entity.

// Rule is one override.
type Rule struct {
	Kind   string // merge, split, alias
	Doc    string // the entity's document id
	Entity string // the entity's id in its document ("E3")
	Doc2   string // merge: the other entity's document
	Ent2   string // merge: the other entity's id
	Name   string // alias: the name
}

// Validate says what is wrong with a rule, or nil.
func (r Rule) Validate() error {
	switch r.Kind {
	case "merge":
		if r.Doc == "" || r.Entity == "" || r.Doc2 == "" || r.Ent2 == "" {
			return fmt.Errorf("merge needs two entities (document id and entity id each)")
		}
	case "split":
		if r.Doc == "" || r.Entity == "" {
			return fmt.Errorf("split needs an entity (document id and entity id)")
		}
	case "alias":
		if r.Doc == "" || r.Entity == "" || normKey(r.Name) == "" {
			return fmt.Errorf("alias needs an anchor entity and a name with letters")
		}
	default:
		return fmt.Errorf("unknown override kind %q (want merge, split or alias)", r.Kind)
	}
	return nil
}

// Overrides is the set of rules a Linker applies.
type Overrides struct {
	Rules []Rule
}

// NewOverrides returns an empty set.
func NewOverrides() *Overrides { return &Overrides{} }

// entIndex parses an entity id "E3" into its index in Document.Entities.
func entIndex(id string) int {
	n, err := strconv.Atoi(strings.TrimPrefix(id, "E"))
	if err != nil || n < 1 {
		return -1
	}
	return n - 1
}

// actorOfRef returns the actor number of an entity named by document id and
// entity id, or -1 when that document or entity is not linked (yet).
func (l *Linker) actorOfRef(docID, ent string) int {
	seq, ok := l.seqOf[docID]
	i := entIndex(ent)
	if !ok || i < 0 || i >= len(l.actorOf[seq]) {
		return -1
	}
	return l.actorOf[seq][i]
}

// find returns the representative of an actor under merges: the lowest
// actor number of its merged set.
func (l *Linker) find(a int) int {
	for {
		p, ok := l.merged[a]
		if !ok || p == a {
			return a
		}
		a = p
	}
}

func (l *Linker) union(a, b int) {
	if a < 0 || b < 0 {
		return
	}
	ra, rb := l.find(a), l.find(b)
	if ra == rb {
		return
	}
	if rb < ra {
		ra, rb = rb, ra
	}
	l.merged[rb] = ra
}

// applyRules applies the merge and alias rules whose entities are linked
// by now; a rule whose document comes later is applied when it arrives.
func (l *Linker) applyRules() {
	for _, r := range l.ov.Rules {
		switch r.Kind {
		case "merge":
			l.union(l.actorOfRef(r.Doc, r.Entity), l.actorOfRef(r.Doc2, r.Ent2))
		case "alias":
			anchor := l.actorOfRef(r.Doc, r.Entity)
			if anchor < 0 {
				continue
			}
			for _, a := range l.actors.byName[typedKey(r.Name, "")] {
				l.union(anchor, a)
			}
		}
	}
}

// actorID is the final id of entity i of document seq: its own id when a
// split rule names it, else its actor's after merges.
func (l *Linker) actorID(seq, i int) string {
	for _, r := range l.ov.Rules {
		if r.Kind == "split" && r.Doc == l.ids[seq] && entIndex(r.Entity) == i {
			return "A" + r.Doc + "." + r.Entity
		}
	}
	return ActorID(l.find(l.actorOf[seq][i]))
}
