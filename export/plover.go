package export

import (
	_ "embed"
	"encoding/json"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/dossier-news/dossier/doc"
	"github.com/dossier-news/dossier/lexicon"
)

//go:embed data/plover.txt
var ploverData string

// ploverCategory is a PLOVER category of data/plover.txt with its modes.
type ploverCategory struct {
	score float64
	quad  int
	modes map[string]ploverMode // by PLOVER mode and by Dossier's alias
}

type ploverMode struct {
	name  string // the PLOVER mode
	score *float64
}

var ploverCategories = parsePLOVER(lexicon.MustParse("export/data/plover.txt", ploverData))

func parsePLOVER(es []lexicon.Entry) map[string]*ploverCategory {
	out := map[string]*ploverCategory{}
	num := func(e lexicon.Entry, i int) *float64 {
		if e.Field(i) == "" {
			return nil
		}
		f, err := strconv.ParseFloat(e.Field(i), 64)
		if err != nil {
			panic(fmt.Sprintf("export/data/plover.txt:%d: field %d: %v", e.Line, i+1, err))
		}
		return &f
	}
	for _, e := range es {
		name := e.Field(0)
		c := out[name]
		if c == nil {
			c = &ploverCategory{modes: map[string]ploverMode{}}
			out[name] = c
		}
		if e.Field(1) == "" {
			s := num(e, 2)
			q, err := strconv.Atoi(e.Field(3))
			if s == nil || err != nil || q < 1 || q > 4 {
				panic(fmt.Sprintf("export/data/plover.txt:%d: a category needs a score and a quad from 1 to 4", e.Line))
			}
			c.score, c.quad = *s, q
			continue
		}
		m := ploverMode{name: e.Field(1), score: num(e, 2)}
		c.modes[m.name] = m
		for _, alias := range strings.Split(e.Field(4), ",") {
			if alias = strings.TrimSpace(alias); alias != "" {
				c.modes[alias] = m
			}
		}
	}
	return out
}

// PLOVERMode returns the PLOVER mode of a Dossier event's category and
// mode ("" when the mode is not one of PLOVER's), the event's PLOVER
// score (the mode's, else the category's) and its quad category (1 to 4;
// 0 for a category PLOVER does not know).
func PLOVERMode(category, mode string) (string, float64, int) {
	c := ploverCategories[category]
	if c == nil {
		return "", 0, 0
	}
	m, ok := c.modes[mode]
	if !ok {
		return "", c.score, c.quad
	}
	if m.score != nil {
		return m.name, *m.score, c.quad
	}
	return m.name, c.score, c.quad
}

// The PLOVER record, with the field names of the PLOVER manual's chapter
// "Data Fields" (tables "PLOVER JSON", "Information object for entities",
// "... for text", "... for citations", the location object) and the
// summary table's dead, injured and size. Fields after Coder are Dossier's
// own, which the manual allows ("Providers should feel free to include
// named fields beyond those provided here").
type ploverRecord struct {
	ID         string          `json:"id"`
	Date       *string         `json:"date"`
	Actor      []ploverEntity  `json:"actor"`
	Recipient  []ploverEntity  `json:"recipient"`
	Event      []string        `json:"event"`
	EventLoc   *ploverLocation `json:"event_loc,omitempty"`
	EventText  []string        `json:"event_text"`
	QuadCode   int             `json:"quad_code,omitempty"`
	EventScale float64         `json:"event_scale"`
	Mode       []string        `json:"mode"`
	Dead       *float64        `json:"dead,omitempty"`
	Injured    *float64        `json:"injured,omitempty"`
	Size       *float64        `json:"size,omitempty"`
	Link       string          `json:"link,omitempty"`
	Text       string          `json:"text"`
	TextInfo   ploverTextInfo  `json:"text_info"`
	CiteInfo   ploverCite      `json:"cite_info"`
	Coder      string          `json:"coder"`
	Comment    string          `json:"comment,omitempty"`

	DocID       string       `json:"doc_id"`
	DateUnit    string       `json:"date_unit,omitempty"`
	DateFrom    string       `json:"date_from,omitempty"`
	DossierMode string       `json:"dossier_mode,omitempty"`
	DeadBound   string       `json:"dead_bound,omitempty"`
	Modality    string       `json:"modality,omitempty"`
	ClaimedBy   string       `json:"claimed_by,omitempty"`
	Trigger     doc.TextSpan `json:"trigger"`
}

type ploverEntity struct {
	EntityText     string `json:"entity_text"`
	IdentifierID   string `json:"identifier_id,omitempty"`
	IdentifierText string `json:"identifier_text"`
	Office         string `json:"office,omitempty"`
	Gender         string `json:"gender,omitempty"`
	// Dossier's: the document's entity id, its type and affiliation, and
	// where the argument is written.
	Entity      string `json:"entity,omitempty"`
	Type        string `json:"type,omitempty"`
	Affiliation string `json:"affiliation,omitempty"`
	Start       int    `json:"start"`
	End         int    `json:"end"`
}

type ploverLocation struct {
	ExtractedPlace string `json:"extracted_place"`
	ResolvedPlace  string `json:"resolved_place,omitempty"`
	Country        string `json:"country,omitempty"`
}

type ploverTextInfo struct {
	Sequence int `json:"sequence"`
	Start    int `json:"start"`
	End      int `json:"end"`
}

type ploverCite struct {
	Title       string `json:"title,omitempty"`
	URL         string `json:"url,omitempty"`
	Publication string `json:"publication,omitempty"`
	Citation    string `json:"citation"`
	Coder       string `json:"coder"`
	Codebook    string `json:"codebook"`
}

// Coder names Dossier in the records it codes.
const Coder = "dossier"

// Codebook names the PLOVER manual the records follow.
const Codebook = "plover-2.0 (openeventdata/PLOVER 5e0c24f)"

// PLOVER writes the plover export: one JSON record a line per reportable
// event, from documents that copy no earlier one.
type PLOVER struct {
	enc *json.Encoder
}

// NewPLOVER returns a PLOVER writer into w.
func NewPLOVER(w io.Writer) *PLOVER {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	return &PLOVER{enc: enc}
}

// Write adds the records of one document's events.
func (p *PLOVER) Write(d *doc.Document) error {
	if d.DuplicateOf != "" {
		return nil
	}
	for i := range d.Events {
		if !Reportable(&d.Events[i]) {
			continue
		}
		if err := p.enc.Encode(PLOVERRecord(d, i)); err != nil {
			return fmt.Errorf("export plover: %w", err)
		}
	}
	return nil
}

// Close has nothing to flush: every record is written whole.
func (p *PLOVER) Close() error { return nil }

// PLOVERRecord returns the PLOVER record of event i of d.
func PLOVERRecord(d *doc.Document, i int) any {
	e := &d.Events[i]
	mode, score, quad := PLOVERMode(e.Type, e.Mode)
	per := PeriodOf(e.Date)
	ev := eventEvidence(d, e)
	r := ploverRecord{
		ID: eventID(d, i), Actor: ploverEntities(d, e.Actor), Recipient: ploverEntities(d, e.Recipient),
		Event: []string{e.Type}, EventText: []string{d.Slice(e.Trigger)}, QuadCode: quad, EventScale: score,
		Mode: []string{}, Dead: e.Dead, Injured: e.Injured, Size: e.Size, Link: d.Story,
		Text: d.Slice(ev), TextInfo: ploverTextInfo{Sequence: e.Sentence, Start: ev.Start, End: ev.End},
		CiteInfo: ploverCite{Title: d.Title, URL: d.URL, Publication: outlet(d), Citation: d.ID, Coder: Coder, Codebook: Codebook},
		Coder:    Coder, DocID: d.ID, DateUnit: per.Unit, DateFrom: e.DateFrom, DeadBound: deadBound(d, e),
		Modality: e.Modality, Trigger: doc.TextSpan{Start: e.Trigger.Start, End: e.Trigger.End, Text: d.Slice(e.Trigger)},
	}
	if per.Date != "" {
		r.Date = &per.Date
	}
	if mode != "" {
		r.Mode = append(r.Mode, mode)
	}
	if e.Mode != mode {
		r.DossierMode = e.Mode
	}
	if len(e.Place) > 0 {
		country, location := placeOf(e.Place)
		r.EventLoc = &ploverLocation{ExtractedPlace: e.Place[0].Text, ResolvedPlace: location, Country: country}
	}
	if e.Modality == "claimed" {
		r.Comment = "claimed in a statement the text reports"
		if x := entity(d, e.Claimant); x != nil {
			r.ClaimedBy = x.Name
			r.Comment = "claimed by " + x.Name
		}
	}
	return r
}

func ploverEntities(d *doc.Document, as []doc.Argument) []ploverEntity {
	out := make([]ploverEntity, 0, len(as))
	for _, a := range as {
		pe := ploverEntity{EntityText: a.Text, IdentifierText: a.Name, Start: a.Span.Start, End: a.Span.End}
		if x := entity(d, a.Entity); x != nil {
			pe.IdentifierID, pe.Office, pe.Gender = x.Actor, x.Role, x.Gender
			pe.Entity, pe.Type, pe.Affiliation = x.ID, string(x.Type), x.Affiliation
		}
		out = append(out, pe)
	}
	return out
}
