package link

import (
	"testing"
)

// Hand-written cases for the actor traps. Each case links its documents in
// order; the documents of a case share story words unless said otherwise,
// so that they fall in one story.

type ent struct {
	name, typ, role, affil string
	names                  []string
}

func feat(id string, terms map[string]int, es ...ent) *Features {
	f := &Features{ID: id, Terms: terms}
	for _, e := range es {
		names := e.names
		if names == nil && e.name != "" {
			names = []string{e.name}
		}
		f.Ents = append(f.Ents, EntFeat{Name: e.name, Type: e.typ, Role: e.role, Affiliation: e.affil, Names: names})
	}
	return f
}

var (
	council = map[string]int{"w:council": 3, "w:resolution": 2, "w:mali": 2, "w:vote": 1, "n:mali": 1}
	quake   = map[string]int{"w:earthquake": 3, "w:magnitude": 2, "w:province": 1, "n:iran": 2}
)

func TestActorTraps(t *testing.T) {
	cases := []struct {
		name string
		docs []*Features
		// same[i] says whether entity 0 of document i+1 has the actor of
		// entity 0 of document 0
		same []bool
	}{
		{"transliterated surname", []*Features{
			feat("a", council, ent{name: "Vasily Nebenzia", typ: "PERSON", names: []string{"Vasily Nebenzia", "Nebenzia"}}),
			feat("b", council, ent{name: "Vasily Nebenzya", typ: "PERSON", names: []string{"Vasily Nebenzya"}}),
			feat("c", council, ent{name: "Nebenzya", typ: "PERSON"}),
		}, []bool{true, true}},
		{"surname and title with surname in the story", []*Features{
			feat("a", council, ent{name: "Richard Mills", typ: "PERSON", role: "deputy ambassador", names: []string{"Richard Mills", "Mills"}}),
			feat("b", council, ent{name: "Mills", typ: "PERSON", names: []string{"Mr. Mills"}}),
			feat("c", council, ent{name: "Ambassador Mills", typ: "PERSON"}),
		}, []bool{true, true}},
		{"role words before a full name", []*Features{
			feat("a", council, ent{name: "Tara Reid", typ: "PERSON"}),
			feat("b", council, ent{name: "Actress Tara Reid", typ: "PERSON"}),
		}, []bool{true}},
		{"two Mr. Smiths of different countries stay apart", []*Features{
			feat("a", council, ent{name: "Smith", typ: "PERSON", affil: "United Kingdom", names: []string{"Mr. Smith"}}),
			feat("b", council, ent{name: "Smith", typ: "PERSON", affil: "Canada", names: []string{"Mr. Smith"}}),
		}, []bool{false}},
		{"one surname, two first names stay apart", []*Features{
			feat("a", council, ent{name: "Tara Reid", typ: "PERSON"}),
			feat("b", council, ent{name: "Harry Reid", typ: "PERSON"}),
		}, []bool{false}},
		{"a surname outside the story does not link", []*Features{
			feat("a", council, ent{name: "John Smith", typ: "PERSON"}),
			feat("x", quake, ent{name: "Alice Smith", typ: "PERSON"}),
			feat("b", quake, ent{name: "Smith", typ: "PERSON"}),
		}, []bool{false, false}},
		{"a full name links across stories", []*Features{
			feat("a", council, ent{name: "Antonio Guterres", typ: "PERSON"}),
			feat("b", quake, ent{name: "Antonio Guterres", typ: "PERSON"}),
		}, []bool{true}},
		{"company legal form", []*Features{
			feat("a", council, ent{name: "Microsoft Corp.", typ: "ORG"}),
			feat("b", council, ent{name: "Microsoft", typ: "ORG"}),
		}, []bool{true}},
		{"a role holds within its story only", []*Features{
			feat("a", council, ent{name: "Antonio Guterres", typ: "PERSON", role: "secretary-general"}),
			feat("b", council, ent{name: "secretary-general", typ: "PERSON", role: "secretary-general", names: []string{}}),
			feat("c", quake, ent{name: "secretary-general", typ: "PERSON", role: "secretary-general", names: []string{}}),
		}, []bool{true, false}},
		{"a person and a place of one name stay apart", []*Features{
			feat("a", council, ent{name: "Jordan", typ: "GPE"}),
			feat("b", council, ent{name: "Jordan", typ: "PERSON"}),
		}, []bool{false}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			l := New(DefaultConfig())
			var first string
			for i, f := range c.docs {
				ln := l.Link(f)
				if i == 0 {
					first = ln.Actors[0]
					continue
				}
				if got := ln.Actors[0] == first; got != c.same[i-1] {
					t.Errorf("document %s: %q is actor %s, document a's %q is %s; same = %v, want %v",
						f.ID, f.Ents[0].Name, ln.Actors[0], c.docs[0].Ents[0].Name, first, got, c.same[i-1])
				}
			}
		})
	}
}

func TestEditDistance(t *testing.T) {
	for _, c := range []struct {
		a, b string
		want int
	}{{"nebenzia", "nebenzya", 1}, {"kitten", "sitting", 3}, {"", "abc", 3}, {"zürich", "zurich", 1}} {
		if got := editDistance(c.a, c.b); got != c.want {
			t.Errorf("editDistance(%q, %q) = %d, want %d", c.a, c.b, got, c.want)
		}
	}
}

func TestTypedKey(t *testing.T) {
	for _, c := range []struct{ name, typ, want string }{
		{"Actress Tara Reid", "PERSON", "tara reid"},
		{"W. Mark Felt", "PERSON", "mark felt"},
		{"Frederick C. LaRue", "PERSON", "frederick larue"},
		{"Mr. Smith's", "PERSON", "smith"},
		{"Microsoft Corp.", "ORG", "microsoft"},
		{"U.S.", "GPE", "u s"},
	} {
		if got := typedKey(c.name, c.typ); got != c.want {
			t.Errorf("typedKey(%q, %s) = %q, want %q", c.name, c.typ, got, c.want)
		}
	}
	if s := surname("ike larue iii"); s != "larue" {
		t.Errorf("surname skips generational suffixes: got %q", s)
	}
}
