package query

import (
	"context"
	"fmt"
	"sort"

	"github.com/dossier-news/dossier/store"
)

// Count is a value and how often it was found.
type Count struct {
	Value string `json:"value"`
	N     int    `json:"n"`
}

// ActorCount is one actor and how much it is mentioned.
type ActorCount struct {
	// Key is the corpus-wide actor id where linking set one, else the
	// canonical name: what the counts are grouped by.
	Key       string `json:"key"`
	Name      string `json:"name"` // its most frequent name
	Type      string `json:"type"`
	Documents int    `json:"documents"`
	Mentions  int    `json:"mentions"`
}

// ActorsFilter asks for the most mentioned actors.
type ActorsFilter struct {
	Filter
	Type string // PERSON, ORG, GPE, LOC, NORP; "" for all
}

// Actors answers "who is in the news": the actors mentioned most (by
// mentions, then documents, then name), grouped by corpus-wide actor where
// linking set one, else by canonical name. Since and Until apply to the
// publication date.
func Actors(ctx context.Context, s *store.Store, f ActorsFilter) ([]ActorCount, error) {
	b, err := f.bounds()
	if err != nil {
		return nil, err
	}
	var w where
	if f.Type != "" {
		w.add("e.type = ?", f.Type)
	}
	w.documentFilter(f.Filter, b, true)
	from := " FROM entities e"
	if len(w.conds) > 0 && (f.Source != "" || f.Since != "" || f.Until != "") {
		from += " JOIN documents d ON d.doc = e.doc"
	}
	q := `SELECT coalesce(e.actor, e.name) AS k, max(e.name), max(e.type), count(DISTINCT e.doc), sum(e.mentions)` + from + w.sql() + `
		GROUP BY k ORDER BY 5 DESC, 4 DESC, k LIMIT ?`
	var out []ActorCount
	var r ActorCount
	err = scanRows(ctx, s.DB(), q, append(w.args, f.limit()), []any{&r.Key, &r.Name, &r.Type, &r.Documents, &r.Mentions}, func() (bool, error) {
		out = append(out, r)
		return true, nil
	})
	return out, err
}

// ActorReport is what the store knows of one actor.
type ActorReport struct {
	Asked        string  `json:"asked"`
	Names        []Count `json:"names"` // the canonical names it goes by, with the documents of each
	Actors       []Count `json:"actors,omitempty"`
	Types        []Count `json:"types"`
	Roles        []Count `json:"roles"`
	Affiliations []Count `json:"affiliations"`
	Documents    int     `json:"documents"`
	Mentions     int     `json:"mentions"`
	First        string  `json:"first_seen,omitempty"` // publication dates
	Last         string  `json:"last_seen,omitempty"`
	Statements   []Quote `json:"statements"`
	Events       []Event `json:"events"`
	// Others are the other actors the name asked for matches ("Abara":
	// Grace Abara and Joseph Abara), most mentioned first: ask for one of
	// them by more of its name.
	Others []ActorCount `json:"others,omitempty"`
}

// Actor answers "what do we know of NAME": of the actors the name matches
// (names tied by linking into one actor, else one name each), the most
// mentioned; its names, roles and
// affiliations it was given, how much it is mentioned and when, what it
// said (newest first) and the events it took part in, as actor or
// recipient, over time (oldest first). Limit applies to statements and to
// events. ErrNoActor when no stored entity bears the name.
func Actor(ctx context.Context, s *store.Store, name string, f Filter) (*ActorReport, error) {
	b, err := f.bounds()
	if err != nil {
		return nil, err
	}
	names, err := Names(ctx, s.DB(), name)
	if err != nil {
		return nil, err
	}
	if len(names) == 0 {
		return nil, fmt.Errorf("%w: %q", ErrNoActor, name)
	}
	var w where
	w.in("e.name", names)
	w.documentFilter(f, b, true)
	var rows []entityRow
	var e entityRow
	q := `SELECT e.doc, e.name, e.type, coalesce(e.role, ''), coalesce(e.affiliation, ''), coalesce(e.actor, ''), e.mentions,
		coalesce(d.published, '') FROM entities e JOIN documents d ON d.doc = e.doc` + w.sql()
	err = scanRows(ctx, s.DB(), q, w.args, []any{&e.doc, &e.name, &e.typ, &e.role, &e.aff, &e.actor, &e.mentions, &e.pub}, func() (bool, error) {
		rows = append(rows, e)
		return true, nil
	})
	if err != nil {
		return nil, err
	}
	if len(rows) == 0 {
		return nil, fmt.Errorf("%w: %q (not in the documents asked for)", ErrNoActor, name)
	}
	groups := identities(rows)
	r := report(name, groups[0])
	for _, g := range groups[1:] {
		r.Others = append(r.Others, g.count)
	}
	var qw where
	qw.documentFilter(f, b, true)
	ids, err := speakerQuoteIDs(ctx, s, groups[0].names, &qw, f.limit())
	if err != nil {
		return nil, err
	}
	if r.Statements, err = quotesByID(ctx, s, ids); err != nil {
		return nil, err
	}
	if r.Events, err = timeline(ctx, s, EventFilter{Filter: f, partyNames: groups[0].names}); err != nil {
		return nil, err
	}
	if r.Statements == nil {
		r.Statements = []Quote{}
	}
	if r.Events == nil {
		r.Events = []Event{}
	}
	return r, nil
}

// entityRow is one stored entity of an actor asked for.
type entityRow struct {
	doc                              int64
	name, typ, role, aff, actor, pub string
	mentions                         int
}

// identity is the entities of one actor: the names tied together by a
// corpus-wide actor, or one name where linking set none.
type identity struct {
	names []string
	rows  []entityRow
	count ActorCount
}

// identities groups the entities of the names asked for into actors,
// the most mentioned first: "Abara" may be Grace Abara and Joseph Abara,
// two people, unless linking tied them.
func identities(rows []entityRow) []*identity {
	parent := map[string]string{}
	var find func(string) string
	find = func(k string) string {
		if p, ok := parent[k]; ok && p != k {
			parent[k] = find(p)
			return parent[k]
		}
		parent[k] = k
		return k
	}
	for _, e := range rows {
		if e.actor != "" {
			parent[find("name:"+e.name)] = find("actor:" + e.actor)
		}
	}
	byKey := map[string]*identity{}
	var out []*identity
	for _, e := range rows {
		k := find("name:" + e.name)
		g := byKey[k]
		if g == nil {
			g = &identity{}
			byKey[k] = g
			out = append(out, g)
		}
		g.rows = append(g.rows, e)
	}
	for _, g := range out {
		docs, seen, tally := map[int64]bool{}, map[string]bool{}, map[string]int{}
		for _, e := range g.rows {
			docs[e.doc] = true
			g.count.Mentions += e.mentions
			tally[e.name]++
			if !seen[e.name] {
				seen[e.name] = true
				g.names = append(g.names, e.name)
			}
			if e.actor != "" {
				g.count.Key = e.actor
			}
		}
		g.count.Documents = len(docs)
		top := counts(tally)[0].Value
		g.count.Name, g.count.Type = top, g.rows[0].typ
		if g.count.Key == "" {
			g.count.Key = top
		}
		sort.Strings(g.names)
	}
	sort.SliceStable(out, func(i, j int) bool {
		a, b := out[i].count, out[j].count
		if a.Mentions != b.Mentions {
			return a.Mentions > b.Mentions
		}
		return a.Name < b.Name
	})
	return out
}

// report tallies an identity's names, roles, affiliations and dates.
func report(asked string, g *identity) *ActorReport {
	r := &ActorReport{Asked: asked, Documents: g.count.Documents, Mentions: g.count.Mentions}
	tally := map[string]map[string]int{"name": {}, "type": {}, "role": {}, "affiliation": {}, "actor": {}}
	for _, e := range g.rows {
		for k, v := range map[string]string{"name": e.name, "type": e.typ, "role": e.role, "affiliation": e.aff, "actor": e.actor} {
			if v != "" {
				tally[k][v]++
			}
		}
		if e.pub != "" {
			if r.First == "" || e.pub < r.First {
				r.First = e.pub
			}
			if e.pub > r.Last {
				r.Last = e.pub
			}
		}
	}
	r.Names, r.Types, r.Roles = counts(tally["name"]), counts(tally["type"]), counts(tally["role"])
	r.Affiliations, r.Actors = counts(tally["affiliation"]), counts(tally["actor"])
	return r
}

// ErrNoActor is returned when no stored entity bears the name asked for.
var ErrNoActor = fmt.Errorf("no stored actor bears this name")

// counts turns a tally into counts, most first, then by value.
func counts(m map[string]int) []Count {
	out := make([]Count, 0, len(m))
	for v, n := range m {
		out = append(out, Count{v, n})
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].N != out[j].N {
			return out[i].N > out[j].N
		}
		return out[i].Value < out[j].Value
	})
	return out
}
