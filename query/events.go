package query

import (
	"context"
	"fmt"
	"sort"
	"strings"

	"github.com/dossier-news/dossier/actors"
	"github.com/dossier-news/dossier/export"
	"github.com/dossier-news/dossier/store"
)

// EventFilter asks for events.
type EventFilter struct {
	Filter
	Type      string // a PLOVER category (ASSAULT, PROTEST, ...)
	Actor     string // a name among the event's actors (Names says how names match)
	Recipient string // a name among its recipients
	// Party is a name among its actors or its recipients (Timeline's
	// --actor).
	Party   string
	Country string // a country one of its places lies in ("Gao" lies in Mali)
	// partyNames, when set, stands for Party's names, already resolved.
	partyNames []string
	// story keeps the events of one story's articles, copies left out
	// (Story, in stories.go).
	story string
	// All keeps negated, future, hypothetical and debris events too;
	// otherwise only the events export.Reportable keeps are given.
	All bool
}

// Event is one stored event with its evidence.
type Event struct {
	Doc       Doc      `json:"document"`
	N         int      `json:"n"`
	Type      string   `json:"type"`
	Mode      string   `json:"mode,omitempty"`
	Date      string   `json:"date,omitempty"` // the day the event's date begins, else the publication day
	DateValue string   `json:"date_value,omitempty"`
	DateFrom  string   `json:"date_from,omitempty"` // timex, published
	Actor     []string `json:"actor"`
	Recipient []string `json:"recipient"`
	Place     []string `json:"place"`
	Country   string   `json:"country,omitempty"`
	Dead      *float64 `json:"dead,omitempty"`
	Injured   *float64 `json:"injured,omitempty"`
	Size      *float64 `json:"size,omitempty"`
	Negated   bool     `json:"negated,omitempty"`
	Modality  string   `json:"modality,omitempty"`
	Debris    bool     `json:"debris,omitempty"`
	Trigger   Evidence `json:"trigger"`
	Evidence  Evidence `json:"evidence"`
}

// PLOVER's sixteen categories, to check --type.
var ploverTypes = []string{"AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
	"ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"}

// Events answers "who did what to whom": the events that match, newest
// stored first (as Quotes orders quotes). Since and Until
// apply to the event's own date (its first day) where the text gives one,
// else to the publication date.
func Events(ctx context.Context, s *store.Store, f EventFilter) ([]Event, error) {
	return events(ctx, s, f, f.limit())
}

// Timeline answers "what happened, in order": the events of an actor (as
// actor or recipient), or all events, oldest first by the event's date.
func Timeline(ctx context.Context, s *store.Store, actor string, f Filter) ([]Event, error) {
	return timeline(ctx, s, EventFilter{Filter: f, Party: actor})
}

// timeline orders the events a filter selects by date, at most its limit.
func timeline(ctx context.Context, s *store.Store, f EventFilter) ([]Event, error) {
	all, err := events(ctx, s, f, -1)
	if err != nil {
		return nil, err
	}
	sort.SliceStable(all, func(i, j int) bool {
		a, b := all[i], all[j]
		if a.Date != b.Date {
			return a.Date != "" && (b.Date == "" || a.Date < b.Date)
		}
		if a.Doc.ID != b.Doc.ID {
			return a.Doc.ID < b.Doc.ID
		}
		return a.N < b.N
	})
	if len(all) > f.limit() {
		all = all[:f.limit()]
	}
	return all, nil
}

// events reads the events a filter selects, newest stored first, at
// most limit of them (all when limit < 0).
func events(ctx context.Context, s *store.Store, f EventFilter, limit int) ([]Event, error) {
	b, err := f.bounds()
	if err != nil {
		return nil, err
	}
	var w where
	if f.Type != "" {
		t := strings.ToUpper(f.Type)
		known := false
		for _, p := range ploverTypes {
			known = known || p == t
		}
		if !known {
			return nil, fmt.Errorf("--type %q is not a PLOVER category: use one of %s", f.Type, strings.Join(ploverTypes, " "))
		}
		w.add("e.type = ?", t)
	}
	for _, r := range []struct {
		name, roles string
		names       []string
	}{{f.Actor, "'actor'", nil}, {f.Recipient, "'recipient'", nil}, {f.Party, "'actor', 'recipient'", f.partyNames}} {
		if r.name == "" && r.names == nil {
			continue
		}
		names := r.names
		if names == nil {
			if names, err = Names(ctx, s.DB(), r.name); err != nil {
				return nil, err
			}
		}
		if len(names) == 0 {
			return nil, nil
		}
		var sub where
		sub.in("a.name", names)
		w.add("(e.doc, e.n) IN (SELECT a.doc, a.event FROM event_args a"+sub.sql()+" AND a.role IN ("+r.roles+"))", sub.args...)
	}
	if f.Country != "" {
		w.add("EXISTS (SELECT 1 FROM event_args a WHERE a.arg BETWEEN e.event * 256 AND e.event * 256 + 255 AND a.role = 'place')")
	}
	if !f.All {
		w.add("e.negated = 0 AND e.debris = 0 AND coalesce(e.modality, '') IN ('', 'claimed')")
	}
	w.documentFilter(f.Filter, b, false)
	if f.story != "" {
		w.add("d.story = ? AND d.duplicate_of IS NULL", f.story)
	}
	// a coarse cut by year in SQL; the exact one by day below
	date := "coalesce(e.date, d.published, '')"
	if b.since != "" {
		w.add("substr("+date+", 1, 4) >= ?", b.since[:4])
	}
	if b.before != "" {
		w.add("substr("+date+", 1, 4) <= ?", b.before[:4])
	}
	q := `SELECT ` + docColumns + `, e.n, e.type, coalesce(e.mode, ''), coalesce(e.date, ''), coalesce(e.date_from, ''),
		e.dead, e.injured, e.size, e.negated, coalesce(e.modality, ''), e.debris,
		e.trigger_start, e.trigger_end, coalesce(e.evidence_start, e.trigger_start), coalesce(e.evidence_end, e.trigger_end)
		FROM events e JOIN documents d ON d.doc = e.doc` + w.sql() + `
		ORDER BY e.event DESC`
	var out []Event
	var r Event
	var ts, te, es, ee int
	dest := append(r.Doc.scanArgs(), &r.N, &r.Type, &r.Mode, &r.DateValue, &r.DateFrom, &r.Dead, &r.Injured, &r.Size,
		&r.Negated, &r.Modality, &r.Debris, &ts, &te, &es, &ee)
	tx := newTexts(s)
	err = scanRows(ctx, s.DB(), q, w.args, dest, func() (bool, error) {
		e := r
		e.Date = export.PeriodOf(e.DateValue).Date
		if e.Date == "" && len(e.Doc.Published) >= 10 {
			e.Date = e.Doc.Published[:10]
		}
		if !b.in(e.Date) {
			return true, nil
		}
		var err error
		if e.Trigger, err = tx.evidence(ctx, e.Doc.n, ts, te); err != nil {
			return false, err
		}
		if e.Evidence, err = tx.evidence(ctx, e.Doc.n, es, ee); err != nil {
			return false, err
		}
		out = append(out, e)
		return limit < 0 || len(out) < limit || f.Country != "", nil
	})
	if err != nil {
		return nil, err
	}
	if err := eventArgs(ctx, s, out); err != nil {
		return nil, err
	}
	if f.Country != "" {
		kept := out[:0]
		for _, e := range out {
			if strings.EqualFold(e.Country, f.Country) {
				kept = append(kept, e)
			}
		}
		out = kept
		if limit >= 0 && len(out) > limit {
			out = out[:limit]
		}
	}
	return out, nil
}

// eventArgs fills the actors, recipients, places and country of events.
func eventArgs(ctx context.Context, s *store.Store, evs []Event) error {
	byDoc := map[int64][]int{}
	for i := range evs {
		byDoc[evs[i].Doc.n] = append(byDoc[evs[i].Doc.n], i)
	}
	for n, idx := range byDoc {
		at := map[int]*Event{}
		for _, i := range idx {
			at[evs[i].N] = &evs[i]
		}
		var ev int
		var role, name string
		err := scanRows(ctx, s.DB(), `SELECT event, role, name FROM event_args WHERE arg BETWEEN ? AND ? ORDER BY arg`, []any{n << 24, (n+1)<<24 - 1},
			[]any{&ev, &role, &name}, func() (bool, error) {
				e := at[ev]
				if e == nil {
					return true, nil
				}
				switch role {
				case "actor":
					e.Actor = append(e.Actor, name)
				case "recipient":
					e.Recipient = append(e.Recipient, name)
				case "place":
					e.Place = append(e.Place, name)
					if c, ok := actors.PlaceCountry(name); ok && e.Country == "" {
						e.Country = c
					}
				}
				return true, nil
			})
		if err != nil {
			return err
		}
	}
	for i := range evs {
		for _, l := range []*[]string{&evs[i].Actor, &evs[i].Recipient, &evs[i].Place} {
			if *l == nil {
				*l = []string{}
			}
		}
	}
	return nil
}
