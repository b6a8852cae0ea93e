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
}

// Actor answers "what do we know of NAME": the names, roles and
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
	r := &ActorReport{Asked: name}
	var w where
	w.in("e.name", names)
	w.documentFilter(f, b, true)
	tally := map[string]map[string]int{}
	count := func(kind, v string) {
		if v == "" {
			return
		}
		if tally[kind] == nil {
			tally[kind] = map[string]int{}
		}
		tally[kind][v]++
	}
	docs := map[int64]bool{}
	var n int64
	var en, typ, role, aff, actor, pub string
	var mentions int
	q := `SELECT e.doc, e.name, e.type, coalesce(e.role, ''), coalesce(e.affiliation, ''), coalesce(e.actor, ''), e.mentions,
		coalesce(d.published, '') FROM entities e JOIN documents d ON d.doc = e.doc` + w.sql()
	err = scanRows(ctx, s.DB(), q, w.args, []any{&n, &en, &typ, &role, &aff, &actor, &mentions, &pub}, func() (bool, error) {
		docs[n] = true
		r.Mentions += mentions
		count("name", en)
		count("type", typ)
		count("role", role)
		count("affiliation", aff)
		count("actor", actor)
		if pub != "" {
			if r.First == "" || pub < r.First {
				r.First = pub
			}
			if pub > r.Last {
				r.Last = pub
			}
		}
		return true, nil
	})
	if err != nil {
		return nil, err
	}
	r.Documents = len(docs)
	r.Names, r.Types, r.Roles = counts(tally["name"]), counts(tally["type"]), counts(tally["role"])
	r.Affiliations, r.Actors = counts(tally["affiliation"]), counts(tally["actor"])
	var qw where
	qw.documentFilter(f, b, true)
	ids, err := speakerQuoteIDs(ctx, s, names, &qw, f.limit())
	if err != nil {
		return nil, err
	}
	if r.Statements, err = quotesByID(ctx, s, ids); err != nil {
		return nil, err
	}
	if r.Events, err = Timeline(ctx, s, name, f); err != nil {
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
