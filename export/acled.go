package export

import (
	_ "embed"
	"encoding/csv"
	"fmt"
	"io"
	"net/url"
	"strconv"
	"strings"

	"github.com/dossier-news/dossier/actors"
	"github.com/dossier-news/dossier/doc"
	"github.com/dossier-news/dossier/lexicon"
)

//go:embed data/acled.txt
var acledData string

// acledRule is one line of data/acled.txt.
type acledRule struct {
	category, mode string // mode "*": any
	triggers       []string
	disorder       string
	eventType, sub string
}

var acledRules = parseACLED(lexicon.MustParse("export/data/acled.txt", acledData))

func parseACLED(es []lexicon.Entry) []acledRule {
	out := make([]acledRule, 0, len(es))
	for _, e := range es {
		r := acledRule{category: e.Field(0), mode: e.Field(1), disorder: e.Field(3), eventType: e.Field(4), sub: e.Field(5)}
		for _, w := range strings.Split(e.Field(2), ",") {
			if w = strings.TrimSpace(strings.ToLower(w)); w != "" {
				r.triggers = append(r.triggers, w)
			}
		}
		if r.disorder == "" {
			panic(fmt.Sprintf("export/data/acled.txt:%d: no disorder_type", e.Line))
		}
		out = append(out, r)
	}
	return out
}

// ACLEDType is what data/acled.txt gives a PLOVER event.
type ACLEDType struct {
	Disorder, Event, Sub string
}

// MapACLED returns the ACLED disorder type, event type and sub-event type
// of a PLOVER event, read from its category, mode and trigger words by the
// first matching line of data/acled.txt (trigger holds the words its
// trigger words may begin: see cueWords), and false when no line matches
// (the event has no ACLED counterpart).
func MapACLED(category, mode, trigger string) (ACLEDType, bool) {
	words := " " + wordsOf(trigger)
	for i := range acledRules {
		r := &acledRules[i]
		if r.category != category || r.mode != "*" && r.mode != mode {
			continue
		}
		if len(r.triggers) > 0 && !anyWordStart(words, r.triggers) {
			continue
		}
		return ACLEDType{r.disorder, r.eventType, r.sub}, true
	}
	return ACLEDType{}, false
}

// cueWords returns the words data/acled.txt's trigger words are matched
// against: the event's trigger, the words of its actors (in "a drone
// strike killed five" the drone is the actor) and up to six words after
// the trigger in its sentence ("agreed to a ceasefire").
func cueWords(d *doc.Document, e *doc.Event) string {
	var b strings.Builder
	for _, a := range e.Actor {
		b.WriteString(a.Text)
		b.WriteByte(' ')
	}
	b.WriteString(d.Slice(e.Trigger))
	// the text after the trigger, not the token layer: documents read back
	// from a store carry no tokens
	after := strings.Fields(wordsOf(d.Slice(doc.Span{Start: e.Trigger.End, End: eventEvidence(d, e).End})))
	for n := 0; n < 6 && n < len(after); n++ {
		b.WriteByte(' ')
		b.WriteString(after[n])
	}
	return b.String()
}

// wordsOf lower-cases s and turns every run of characters that are not
// letters into one space.
func wordsOf(s string) string {
	var b strings.Builder
	space := false
	for _, r := range strings.ToLower(s) {
		if r >= 'a' && r <= 'z' || r > 127 {
			if space && b.Len() > 0 {
				b.WriteByte(' ')
			}
			space = false
			b.WriteRune(r)
		} else {
			space = true
		}
	}
	return b.String()
}

// anyWordStart says whether one of prefixes begins a word of words (a
// space-led string of wordsOf).
func anyWordStart(words string, prefixes []string) bool {
	for _, p := range prefixes {
		if strings.Contains(words, " "+p) {
			return true
		}
	}
	return false
}

// ACLEDColumns are the columns of the acled export: ACLED's own names
// first, then Dossier's evidence. docs/EXPORT.md says what each holds.
var ACLEDColumns = []string{"event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type",
	"sub_event_type", "actor1", "assoc_actor_1", "actor2", "assoc_actor_2", "country", "location", "source", "notes",
	"fatalities", "fatalities_bound",
	"plover_type", "plover_mode", "doc_id", "evidence_start", "evidence_end", "trigger_text", "trigger_start",
	"trigger_end", "date_from", "date_unit", "claimed_by", "story"}

// ACLED writes the acled export: one CSV row per reportable event with an
// ACLED counterpart, from documents that copy no earlier one.
type ACLED struct {
	w       *csv.Writer
	started bool
	row     []string
}

// NewACLED returns an ACLED writer into w.
func NewACLED(w io.Writer) *ACLED { return &ACLED{w: csv.NewWriter(w)} }

// Write adds the rows of one document's events.
func (a *ACLED) Write(d *doc.Document) error {
	if !a.started {
		a.started = true
		if err := a.w.Write(ACLEDColumns); err != nil {
			return fmt.Errorf("export acled: %w", err)
		}
	}
	if d.DuplicateOf != "" {
		return nil // the original's events are the ones counted
	}
	for i := range d.Events {
		e := &d.Events[i]
		if !Reportable(e) {
			continue
		}
		t, ok := MapACLED(e.Type, e.Mode, cueWords(d, e))
		if !ok {
			continue
		}
		a.row = acledRow(a.row[:0], d, i, t)
		if err := a.w.Write(a.row); err != nil {
			return fmt.Errorf("export acled: %w", err)
		}
	}
	return nil
}

// acledRow appends the row of event i of d, of ACLED type t, to row.
func acledRow(row []string, d *doc.Document, i int, t ACLEDType) []string {
	e := &d.Events[i]
	p := PeriodOf(e.Date)
	year, precision := "", ""
	if p.Date != "" {
		year = p.Date[:4]
		switch p.Unit {
		case "day":
			precision = "1"
		case "week":
			precision = "2"
		default:
			precision = "3"
		}
	}
	actor1, assoc1 := splitFirst(e.Actor)
	actor2, assoc2 := splitFirst(e.Recipient)
	country, location := placeOf(e.Place)
	ev := eventEvidence(d, e)
	claimant := ""
	if x := entity(d, e.Claimant); x != nil && e.Modality == "claimed" {
		claimant = x.Name
	}
	return append(row, eventID(d, i), p.Date, year, precision, t.Disorder, t.Event, t.Sub,
		actor1, assoc1, actor2, assoc2, country, location, outlet(d), d.Slice(ev),
		numPtr(e.Dead), deadBound(d, e),
		e.Type, e.Mode, d.ID, strconv.Itoa(ev.Start), strconv.Itoa(ev.End), d.Slice(e.Trigger),
		strconv.Itoa(e.Trigger.Start), strconv.Itoa(e.Trigger.End), e.DateFrom, p.Unit, claimant, d.Story)
}

// splitFirst returns the first argument's name and the others' names
// joined with "; " (ACLED's actor and associated actors).
func splitFirst(as []doc.Argument) (string, string) {
	if len(as) == 0 {
		return "", ""
	}
	return as[0].Name, names(as[1:])
}

// placeOf returns the country and the location of an event's places: the
// location is the first place named, the country the first the place
// lexicon puts a place in ("Gao" is in Mali).
func placeOf(places []doc.Argument) (country, location string) {
	for _, p := range places {
		if location == "" {
			location = p.Name
		}
		if country == "" {
			if c, ok := actors.PlaceCountry(p.Name); ok {
				country = c
			} else if c, ok := actors.PlaceCountry(p.Text); ok {
				country = c
			}
		}
	}
	return country, location
}

// outlet names where a document was published: its URL's host when it
// has a URL, else where it was read from.
func outlet(d *doc.Document) string {
	if u, err := url.Parse(d.URL); err == nil && u.Host != "" {
		return strings.TrimPrefix(u.Host, "www.")
	}
	return d.Source
}

// Close writes the header when no document came, and flushes.
func (a *ACLED) Close() error {
	if !a.started {
		a.started = true
		if err := a.w.Write(ACLEDColumns); err != nil {
			return fmt.Errorf("export acled: %w", err)
		}
	}
	a.w.Flush()
	if err := a.w.Error(); err != nil {
		return fmt.Errorf("export acled: %w", err)
	}
	return nil
}
