package export

import (
	"encoding/csv"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/dossier-news/dossier/doc"
)

// The csv export's tables, in the order they are written, with their
// columns. docs/EXPORT.md says what each column holds; a change here is a
// change there.
var (
	documentColumns = []string{"doc_id", "title", "url", "source", "published", "published_from",
		"story", "duplicate_of", "quality", "text_bytes", "sentences", "entities", "quotes", "events",
		"figures", "flags", "warnings"}
	quoteColumns = []string{"doc_id", "quote", "published", "kind", "speaker", "speaker_entity", "speaker_actor",
		"source_text", "source_start", "source_end", "cue_text", "cue_start", "cue_end",
		"content_text", "content_start", "content_end", "confidence"}
	eventColumns = []string{"doc_id", "event", "type", "mode", "date", "date_from", "negated", "modality", "claimed_by",
		"actor", "actor_entity", "recipient", "recipient_entity", "place", "dead", "dead_bound", "injured", "size", "debris",
		"trigger_text", "trigger_start", "trigger_end", "evidence_text", "evidence_start", "evidence_end"}
	figureColumns = []string{"doc_id", "figure", "published", "value", "bound", "category", "counts", "unit", "ordinal",
		"text", "start", "end", "evidence_text", "evidence_start", "evidence_end"}
	actorColumns = []string{"doc_id", "entity", "actor", "name", "type", "role", "affiliation", "gender",
		"mention_count", "mentions", "first_text", "first_start", "first_end"}
)

// CSV writes the csv export: a folder with documents.csv, quotes.csv,
// events.csv, figures.csv and actors.csv, each RFC 4180 (encoding/csv)
// with a header line.
type CSV struct {
	dir    string
	files  []*os.File
	tables []*csv.Writer
	row    []string
}

// The tables of a CSV, by index into CSV.tables.
const (
	tDocuments = iota
	tQuotes
	tEvents
	tFigures
	tActors
)

var csvTables = []struct {
	file    string
	columns []string
}{
	{"documents.csv", documentColumns},
	{"quotes.csv", quoteColumns},
	{"events.csv", eventColumns},
	{"figures.csv", figureColumns},
	{"actors.csv", actorColumns},
}

// NewCSV makes the folder dir (when missing) and creates its tables there,
// replacing tables of an earlier export.
func NewCSV(dir string) (*CSV, error) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, fmt.Errorf("export csv: %w", err)
	}
	c := &CSV{dir: dir}
	for _, t := range csvTables {
		f, err := os.Create(filepath.Join(dir, t.file))
		if err != nil {
			c.closeFiles()
			return nil, fmt.Errorf("export csv: %w", err)
		}
		c.files = append(c.files, f)
		w := csv.NewWriter(f)
		c.tables = append(c.tables, w)
		if err := w.Write(t.columns); err != nil {
			c.closeFiles()
			return nil, fmt.Errorf("export csv: %w", err)
		}
	}
	return c, nil
}

func (c *CSV) closeFiles() {
	for _, f := range c.files {
		f.Close()
	}
}

// put writes the row built in c.row to table t.
func (c *CSV) put(t int) error {
	if err := c.tables[t].Write(c.row); err != nil {
		return fmt.Errorf("export csv: writing %s: %w", csvTables[t].file, err)
	}
	return nil
}

// start begins a new row.
func (c *CSV) start(fields ...string) { c.row = append(c.row[:0], fields...) }

// add appends fields to the row.
func (c *CSV) add(fields ...string) { c.row = append(c.row, fields...) }

// span appends a span's text, start and end.
func (c *CSV) span(d *doc.Document, s doc.Span) {
	c.add(d.Slice(s), strconv.Itoa(s.Start), strconv.Itoa(s.End))
}

// optSpan appends a span that may be absent (the zero span): three empty
// fields then.
func (c *CSV) optSpan(d *doc.Document, s doc.Span) {
	if s.IsZero() {
		c.add("", "", "")
		return
	}
	c.span(d, s)
}

// Write adds the rows of one document to every table.
func (c *CSV) Write(d *doc.Document) error {
	for _, w := range []func(*doc.Document) error{c.document, c.quotes, c.events, c.figures, c.actors} {
		if err := w(d); err != nil {
			return err
		}
	}
	return nil
}

func (c *CSV) document(d *doc.Document) error {
	quality := ""
	if d.Quality != nil {
		quality = num(d.Quality.Score)
	}
	c.start(d.ID, d.Title, d.URL, d.Source, d.Published, d.PublishedFrom, d.Story, d.DuplicateOf, quality,
		strconv.Itoa(len(d.Text)), strconv.Itoa(len(d.Sentences)), strconv.Itoa(len(d.Entities)),
		strconv.Itoa(len(d.Quotes)), strconv.Itoa(len(d.Events)), strconv.Itoa(len(d.Quantities)),
		strconv.Itoa(len(d.Flags)), strings.Join(d.Warnings, "; "))
	return c.put(tDocuments)
}

// entity returns the entity at index i, or nil.
func entity(d *doc.Document, i int) *doc.Entity {
	if i < 0 || i >= len(d.Entities) {
		return nil
	}
	return &d.Entities[i]
}

func (c *CSV) quotes(d *doc.Document) error {
	for i := range d.Quotes {
		q := &d.Quotes[i]
		c.start(d.ID, strconv.Itoa(i+1), d.Published, string(q.Kind))
		if e := entity(d, q.Speaker); e != nil {
			c.add(e.Name, e.ID, e.Actor)
		} else {
			c.add("", "", "")
		}
		c.optSpan(d, q.Source)
		c.optSpan(d, q.Cue)
		c.span(d, q.Content)
		c.add(num(q.Confidence))
		if err := c.put(tQuotes); err != nil {
			return err
		}
	}
	return nil
}

// entityIDs joins the entity ids of arguments with "; ", an empty field
// for an argument that is no entity of the document.
func entityIDs(d *doc.Document, as []doc.Argument) string {
	parts := make([]string, 0, len(as))
	for _, a := range as {
		id := ""
		if e := entity(d, a.Entity); e != nil {
			id = e.ID
		}
		parts = append(parts, id)
	}
	return strings.Join(parts, "; ")
}

func (c *CSV) events(d *doc.Document) error {
	for i := range d.Events {
		e := &d.Events[i]
		claimant := ""
		if x := entity(d, e.Claimant); x != nil && e.Modality == "claimed" {
			claimant = x.Name
		}
		c.start(d.ID, strconv.Itoa(i+1), e.Type, e.Mode, e.Date, e.DateFrom, strconv.FormatBool(e.Negated),
			e.Modality, claimant, names(e.Actor), entityIDs(d, e.Actor), names(e.Recipient), entityIDs(d, e.Recipient),
			names(e.Place), numPtr(e.Dead), deadBound(d, e), numPtr(e.Injured), numPtr(e.Size), strconv.FormatBool(e.Debris))
		c.span(d, e.Trigger)
		c.span(d, eventEvidence(d, e))
		if err := c.put(tEvents); err != nil {
			return err
		}
	}
	return nil
}

func (c *CSV) figures(d *doc.Document) error {
	for i := range d.Quantities {
		q := &d.Quantities[i]
		c.start(d.ID, strconv.Itoa(i+1), d.Published, num(q.Value), q.Bound, q.Category, q.Counts, q.Unit,
			strconv.FormatBool(q.Ordinal))
		c.span(d, q.Span)
		c.span(d, evidence(d, q.Span))
		if err := c.put(tFigures); err != nil {
			return err
		}
	}
	return nil
}

func (c *CSV) actors(d *doc.Document) error {
	var spans strings.Builder
	for i := range d.Entities {
		e := &d.Entities[i]
		spans.Reset()
		first := doc.Span{}
		n := 0
		for _, mi := range e.Mentions {
			if mi < 0 || mi >= len(d.Mentions) {
				continue
			}
			m := d.Mentions[mi].Span
			if n == 0 {
				first = m
			} else {
				spans.WriteByte(';')
			}
			n++
			fmt.Fprintf(&spans, "%d-%d", m.Start, m.End)
		}
		c.start(d.ID, e.ID, e.Actor, e.Name, string(e.Type), e.Role, e.Affiliation, e.Gender, strconv.Itoa(n), spans.String())
		c.optSpan(d, first)
		if err := c.put(tActors); err != nil {
			return err
		}
	}
	return nil
}

// Close flushes and closes every table; the first error is returned.
func (c *CSV) Close() error {
	var first error
	for i, w := range c.tables {
		w.Flush()
		if err := w.Error(); err != nil && first == nil {
			first = fmt.Errorf("export csv: writing %s: %w", csvTables[i].file, err)
		}
		if err := c.files[i].Close(); err != nil && first == nil {
			first = fmt.Errorf("export csv: closing %s: %w", csvTables[i].file, err)
		}
	}
	return first
}
