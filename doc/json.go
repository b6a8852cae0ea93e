package doc

import (
	"bytes"
	"fmt"
	"math"
)

// The JSON encoding follows ../shared/design/OUTPUT.md and is documented in
// docs/SCHEMA.md. Field names are part of Dossier's public contract: change
// them only deliberately, with the schema version.

// SchemaVersion is the version of the JSON encoding.
const SchemaVersion = "1"

// TextSpan is a span with the text it covers, as written in the JSON output.
type TextSpan struct {
	Start int    `json:"start"`
	End   int    `json:"end"`
	Text  string `json:"text"`
}

type jsonSentence struct {
	Start   int      `json:"start"`
	End     int      `json:"end"`
	Para    int      `json:"paragraph"`
	Quality *float64 `json:"quality,omitempty"`
}

// jsonEntity is an entity's encoding, as Decode reads it.
type jsonEntity struct {
	jsonEntityHead
	Mentions []jsonMent `json:"mentions"`
	Actor    string     `json:"actor,omitempty"`
}

// jsonEntityHead is an entity's fields before its mentions; WriteJSON
// writes the mentions, then the actor link, after them.
type jsonEntityHead struct {
	ID          string `json:"id"`
	Name        string `json:"name"`
	Type        string `json:"type"`
	Role        string `json:"role,omitempty"`
	Affiliation string `json:"affiliation,omitempty"`
	Gender      string `json:"gender,omitempty"`
}

type jsonMent struct {
	Start int    `json:"start"`
	End   int    `json:"end"`
	Text  string `json:"text"`
	Kind  string `json:"kind,omitempty"`
}

type jsonSpeaker struct {
	Entity string `json:"entity"`
	Name   string `json:"name"`
}

type jsonQuote struct {
	Kind       string       `json:"kind"`
	Content    TextSpan     `json:"content"`
	Cue        *TextSpan    `json:"cue"`
	Source     *TextSpan    `json:"source"`
	Speaker    *jsonSpeaker `json:"speaker"`
	Confidence float64      `json:"confidence,omitempty"`
	Evidence
}

// Evidence says how far the text a fact rests on can be trusted: Quality is
// the lowest sentences[].quality among the sentences it lies in, Suspect
// is true when one of them carries a flag (see Document.Evidence).
type Evidence struct {
	Quality *float64 `json:"quality,omitempty"`
	Suspect bool     `json:"suspect,omitempty"`
}

// evidence returns the Evidence of span s.
func (d *Document) evidence(s Span) Evidence {
	q, suspect := d.Evidence(s)
	e := Evidence{Suspect: suspect}
	if q > 0 {
		x := math.Round(float64(q)*1000) / 1000
		e.Quality = &x
	}
	return e
}

type jsonTimex struct {
	Start       int    `json:"start"`
	End         int    `json:"end"`
	Text        string `json:"text"`
	Type        string `json:"type"`
	Value       string `json:"value"`
	Granularity string `json:"granularity,omitempty"`
	Anchor      string `json:"anchor,omitempty"`
	Mod         string `json:"mod,omitempty"`
}

type jsonQuantity struct {
	Start    int     `json:"start"`
	End      int     `json:"end"`
	Text     string  `json:"text"`
	Value    float64 `json:"value"`
	Category string  `json:"category,omitempty"`
	Counts   string  `json:"counts,omitempty"`
	Bound    string  `json:"bound"`
	Ordinal  bool    `json:"ordinal,omitempty"`
	Unit     string  `json:"unit,omitempty"`
	Evidence
}

type jsonArg struct {
	Name   string `json:"name"`
	Text   string `json:"text"`
	Start  int    `json:"start"`
	End    int    `json:"end"`
	Entity string `json:"entity,omitempty"`
}

type jsonEvent struct {
	Type      string    `json:"type"`
	Mode      string    `json:"mode"`
	Actor     []jsonArg `json:"actor"`
	Recipient []jsonArg `json:"recipient"`
	Trigger   TextSpan  `json:"trigger"`
	Sentence  TextSpan  `json:"evidence"`
	Date      string    `json:"date,omitempty"`
	DateFrom  string    `json:"date_from,omitempty"`
	Place     []jsonArg `json:"place,omitempty"`
	Dead      *float64  `json:"dead,omitempty"`
	Injured   *float64  `json:"injured,omitempty"`
	Size      *float64  `json:"size,omitempty"`
	Negated   bool      `json:"negated"`
	Modality  string    `json:"modality,omitempty"`
	Claimant  string    `json:"claimed_by,omitempty"`
	Debris    bool      `json:"debris,omitempty"`
	Evidence
}

type jsonFlag struct {
	Start int    `json:"start"`
	End   int    `json:"end"`
	Text  string `json:"text"`
	Kind  string `json:"kind"`
	Why   string `json:"why"`
}

type jsonQuality struct {
	Score   float64  `json:"score"`
	Reasons []string `json:"reasons"`
}

// jsonDoc is the whole document's encoding, as Decode reads it. WriteJSON
// writes the same bytes without building it (jsonHead, the layers element
// by element, jsonTail), and a test holds the two to each other.
type jsonDoc struct {
	jsonHead
	Paragraphs []Span         `json:"paragraphs"`
	Sentences  []jsonSentence `json:"sentences"`
	Entities   []jsonEntity   `json:"entities"`
	Quotes     []jsonQuote    `json:"quotes"`
	Timexes    []jsonTimex    `json:"timexes"`
	Quantities []jsonQuantity `json:"quantities"`
	Events     []jsonEvent    `json:"events"`
	Flags      []jsonFlag     `json:"flags"`
	jsonTail
}

// jsonHead holds the document's fields before its layers, and jsonTail
// those after them, in the contract's order; WriteJSON writes the layers
// between them element by element (jsonstream.go).
type jsonHead struct {
	Schema        string   `json:"schema"`
	ID            string   `json:"id"`
	Source        string   `json:"source,omitempty"`
	Outlet        string   `json:"outlet,omitempty"`
	Title         string   `json:"title,omitempty"`
	URL           string   `json:"url,omitempty"`
	Published     *string  `json:"published"`
	PublishedFrom string   `json:"published_from,omitempty"`
	Text          string   `json:"text"`
	Warnings      []string `json:"warnings,omitempty"`
}

type jsonTail struct {
	Quality     *jsonQuality `json:"quality,omitempty"`
	Story       string       `json:"story,omitempty"`
	DuplicateOf string       `json:"duplicate_of,omitempty"`
}

// ErrorJSON is the line written for an input that could not be analysed.
type ErrorJSON struct {
	ID     string `json:"id"`
	Source string `json:"source,omitempty"`
	Error  string `json:"error"`
}

func (d *Document) ts(s Span) TextSpan { return TextSpan{s.Start, s.End, d.Slice(s)} }

func (d *Document) tsp(s Span) *TextSpan {
	if s.IsZero() {
		return nil
	}
	t := d.ts(s)
	return &t
}

func (d *Document) entityID(i int) string {
	if i < 0 || i >= len(d.Entities) {
		return ""
	}
	return d.Entities[i].ID
}

func (d *Document) args(as []Argument) []jsonArg {
	out := make([]jsonArg, 0, len(as))
	for _, a := range as {
		out = append(out, jsonArg{Name: a.Name, Text: a.Text, Start: a.Span.Start, End: a.Span.End, Entity: d.entityID(a.Entity)})
	}
	return out
}

// MarshalJSON writes the document in the contract's encoding (WriteJSON
// into memory; a writer should call WriteJSON, which does not hold the
// whole encoding at once).
func (d *Document) MarshalJSON() ([]byte, error) {
	var b bytes.Buffer
	if err := d.WriteJSON(&b, ""); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}

func (d *Document) jsonHead() jsonHead {
	h := jsonHead{Schema: SchemaVersion, ID: d.ID, Source: d.Source, Outlet: d.Outlet, Title: d.Title, URL: d.URL,
		PublishedFrom: d.PublishedFrom, Text: d.Text, Warnings: d.Warnings}
	if d.Published != "" {
		p := d.Published
		h.Published = &p
	}
	return h
}

func (d *Document) jsonTail() jsonTail {
	t := jsonTail{Story: d.Story, DuplicateOf: d.DuplicateOf}
	if d.Quality != nil {
		r := d.Quality.Reasons
		if r == nil {
			r = []string{}
		}
		t.Quality = &jsonQuality{d.Quality.Score, r}
	}
	return t
}

func (d *Document) jsonSentence(i int) jsonSentence {
	s := d.Sentences[i]
	j := jsonSentence{Start: s.Start, End: s.End, Para: s.Para}
	if s.Quality > 0 {
		// rounded through its decimal text: float32 0.93 is 0.930000007 as a float64
		q := math.Round(float64(s.Quality)*1000) / 1000
		j.Quality = &q
	}
	return j
}

// jsonEntity is entity e without its mentions and actor (writeEntity).
func (d *Document) jsonEntity(e *Entity) jsonEntityHead {
	return jsonEntityHead{ID: e.ID, Name: e.Name, Type: string(e.Type), Role: e.Role, Affiliation: e.Affiliation, Gender: e.Gender}
}

// jsonMention is mention mi, or false when the index is out of the layer.
func (d *Document) jsonMention(mi int) (jsonMent, bool) {
	if mi < 0 || mi >= len(d.Mentions) {
		return jsonMent{}, false
	}
	m := d.Mentions[mi]
	return jsonMent{m.Start, m.End, d.Slice(m.Span), string(m.Kind)}, true
}

func (d *Document) jsonQuote(q *Quote) jsonQuote {
	jq := jsonQuote{Kind: string(q.Kind), Content: d.ts(q.Content), Cue: d.tsp(q.Cue), Source: d.tsp(q.Source), Confidence: q.Confidence,
		Evidence: d.evidence(q.Content)}
	if q.Speaker >= 0 && q.Speaker < len(d.Entities) {
		jq.Speaker = &jsonSpeaker{d.Entities[q.Speaker].ID, d.Entities[q.Speaker].Name}
	}
	return jq
}

func (d *Document) jsonTimex(t *Timex) jsonTimex {
	return jsonTimex{t.Start, t.End, d.Slice(t.Span), t.Type, t.Value, t.Granularity, t.Anchor, t.Mod}
}

func (d *Document) jsonQuantity(q *Quantity) jsonQuantity {
	return jsonQuantity{q.Start, q.End, d.Slice(q.Span), q.Value, q.Category, q.Counts, q.Bound, q.Ordinal, q.Unit, d.evidence(q.Span)}
}

func (d *Document) jsonEvent(e *Event) jsonEvent {
	je := jsonEvent{Type: e.Type, Mode: e.Mode, Actor: d.args(e.Actor), Recipient: d.args(e.Recipient),
		Trigger: d.ts(e.Trigger), Date: e.Date, DateFrom: e.DateFrom, Dead: e.Dead, Injured: e.Injured,
		Size: e.Size, Negated: e.Negated, Modality: e.Modality, Claimant: d.entityID(e.Claimant), Debris: e.Debris,
		Evidence: d.evidence(e.Trigger)}
	if len(e.Place) > 0 {
		je.Place = d.args(e.Place)
	}
	if e.Sentence >= 0 && e.Sentence < len(d.Sentences) {
		je.Sentence = d.ts(d.Sentences[e.Sentence].Span)
	}
	return je
}

func (d *Document) jsonFlag(f *Flag) jsonFlag {
	return jsonFlag{f.Start, f.End, d.Slice(f.Span), string(f.Kind), f.Why}
}

// Validate checks that every span of every layer lies inside the text and is
// well formed. Tests run it on every document they build; it is the model's
// one invariant.
func (d *Document) Validate() error {
	n := len(d.Text)
	bad := func(layer string, i int, s Span) error {
		if s.Start < 0 || s.End > n || s.Start > s.End {
			return fmt.Errorf("%s %d: span [%d,%d) outside text of %d bytes", layer, i, s.Start, s.End, n)
		}
		return nil
	}
	check := func(layer string, i int, ss ...Span) error {
		for _, s := range ss {
			if err := bad(layer, i, s); err != nil {
				return err
			}
		}
		return nil
	}
	for i, s := range d.Paragraphs {
		if err := check("paragraph", i, s); err != nil {
			return err
		}
	}
	for i, t := range d.Tokens {
		if err := check("token", i, t.Span); err != nil {
			return err
		}
		if i > 0 && t.Start < d.Tokens[i-1].End {
			return fmt.Errorf("token %d overlaps token %d", i, i-1)
		}
	}
	for i, s := range d.Sentences {
		if err := check("sentence", i, s.Span); err != nil {
			return err
		}
	}
	for i, m := range d.Mentions {
		if err := check("mention", i, m.Span); err != nil {
			return err
		}
	}
	for i, q := range d.Quotes {
		if err := check("quote", i, q.Content, q.Cue, q.Source); err != nil {
			return err
		}
	}
	for i, t := range d.Timexes {
		if err := check("timex", i, t.Span); err != nil {
			return err
		}
	}
	for i, q := range d.Quantities {
		if err := check("quantity", i, q.Span); err != nil {
			return err
		}
	}
	for i, e := range d.Events {
		if err := check("event", i, e.Trigger); err != nil {
			return err
		}
	}
	for i, f := range d.Flags {
		if err := check("flag", i, f.Span); err != nil {
			return err
		}
	}
	return nil
}
