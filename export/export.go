// Package export writes analysed documents in the formats other tools read:
// csv (a folder with one file per table: documents, quotes, events,
// figures, actors), acled (an ACLED-style event table, mapped from PLOVER
// by the data file data/acled.txt) and plover (PLOVER's JSON event records,
// one a line). docs/EXPORT.md documents every format and column.
//
// A Writer takes a stream of documents, one at a time, so that an export
// of a large store never holds more than one document in memory. Every row
// keeps its evidence: the document id and the byte offsets of the text it
// was read from, with that text.
package export

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"
	"time"

	"github.com/dossier-news/dossier/doc"
)

// Writer writes documents in one format. Close flushes what is buffered
// and closes the files the writer opened; the Writer is unusable after it.
type Writer interface {
	Write(d *doc.Document) error
	Close() error
}

// Format is one export format.
type Format struct {
	Name string
	// Dir says that the format writes a folder (--out required) rather
	// than one stream.
	Dir bool
	// Doc is one line for a command's help.
	Doc string
	// open makes the writer: into the folder out for a Dir format, else
	// into w.
	open func(out string, w io.Writer) (Writer, error)
}

// Formats lists the formats of this package, by name.
var Formats = []Format{
	{Name: "csv", Dir: true, Doc: "a folder of CSV tables: documents, quotes, events, figures, actors", open: func(out string, _ io.Writer) (Writer, error) { return NewCSV(out) }},
	{Name: "acled", Doc: "an ACLED-style event table (CSV), event types mapped from PLOVER", open: func(_ string, w io.Writer) (Writer, error) { return NewACLED(w), nil }},
	{Name: "plover", Doc: "PLOVER JSON event records, one a line", open: func(_ string, w io.Writer) (Writer, error) { return NewPLOVER(w), nil }},
}

// Lookup returns the format called name.
func Lookup(name string) (Format, bool) {
	for _, f := range Formats {
		if f.Name == name {
			return f, true
		}
	}
	return Format{}, false
}

// Names returns the format names, for help and error messages.
func Names() []string {
	out := make([]string, len(Formats))
	for i, f := range Formats {
		out[i] = f.Name
	}
	return out
}

// Open returns a writer of the format called name. A folder format writes
// into the folder out (made when missing); a stream format writes into the
// file out, or into stdout when out is "" or "-".
func Open(name, out string, stdout io.Writer) (Writer, error) {
	f, ok := Lookup(name)
	if !ok {
		return nil, fmt.Errorf("unknown export format %q: use one of %s", name, strings.Join(Names(), ", "))
	}
	if f.Dir {
		if out == "" || out == "-" {
			return nil, fmt.Errorf("export format %s writes a folder of files: give it with --out DIR", name)
		}
		return f.open(out, nil)
	}
	if out == "" || out == "-" {
		bw := bufio.NewWriterSize(stdout, 64<<10)
		w, err := f.open("", bw)
		if err != nil {
			return nil, err
		}
		return &closing{Writer: w, flush: bw.Flush}, nil
	}
	file, err := os.Create(out)
	if err != nil {
		return nil, fmt.Errorf("export: %w", err)
	}
	bw := bufio.NewWriterSize(file, 64<<10)
	w, err := f.open(out, bw)
	if err != nil {
		file.Close()
		return nil, err
	}
	return &closing{Writer: w, flush: func() error {
		if err := bw.Flush(); err != nil {
			file.Close()
			return fmt.Errorf("export: writing %s: %w", out, err)
		}
		if err := file.Close(); err != nil {
			return fmt.Errorf("export: closing %s: %w", out, err)
		}
		return nil
	}}, nil
}

// closing closes a stream writer and then flushes and closes what it
// writes into.
type closing struct {
	Writer
	flush func() error
}

func (c *closing) Close() error {
	err := c.Writer.Close()
	if ferr := c.flush(); err == nil {
		err = ferr
	}
	return err
}

// Reportable says whether an event is a fact to export as an event record:
// it happened as far as the text says (not negated, not a future or
// hypothetical act) and it does not lie in text the quality stage flagged
// as debris. Claimed events ("the army said rebels attacked") are
// reported, with who claims them, since that is how most events reach the
// news. The csv export keeps every event, with these fields in columns.
func Reportable(e *doc.Event) bool {
	return !e.Negated && !e.Debris && (e.Modality == "" || e.Modality == "claimed")
}

// evidence returns the span of the sentence that holds offset, or the span
// itself when no sentence does (a document without a sentence layer).
func evidence(d *doc.Document, s doc.Span) doc.Span {
	if i := d.SentenceAt(s.Start); i >= 0 {
		return d.Sentences[i].Span
	}
	return s
}

// eventEvidence returns the span of the sentence an event was coded from.
func eventEvidence(d *doc.Document, e *doc.Event) doc.Span {
	if e.Sentence >= 0 && e.Sentence < len(d.Sentences) && d.Sentences[e.Sentence].Contains(e.Trigger) {
		return d.Sentences[e.Sentence].Span
	}
	return evidence(d, e.Trigger)
}

// names joins the canonical names of arguments with "; ", the separator
// ACLED uses for associated actors.
func names(as []doc.Argument) string {
	parts := make([]string, 0, len(as))
	for _, a := range as {
		parts = append(parts, a.Name)
	}
	return strings.Join(parts, "; ")
}

// eventID is an event's id in exports: the document id and the event's
// 1-based number in the document. The number has no "-", so two different
// documents never give one id.
func eventID(d *doc.Document, i int) string { return d.ID + "-" + strconv.Itoa(i+1) }

// num writes a number as it was read, without a trailing ".0".
func num(f float64) string { return strconv.FormatFloat(f, 'f', -1, 64) }

// numPtr writes an optional number, "" when absent.
func numPtr(f *float64) string {
	if f == nil {
		return ""
	}
	return num(*f)
}

// deadBound returns the bound (exact, min, max, approx) of the figure an
// event's dead were read from: the first killed figure of the event's
// sentence with that value, as the events stage takes it.
func deadBound(d *doc.Document, e *doc.Event) string {
	if e.Dead == nil {
		return ""
	}
	ev := eventEvidence(d, e)
	for _, q := range d.Quantities {
		if q.Ordinal || !ev.Contains(q.Span) || q.Value != *e.Dead {
			continue
		}
		switch q.Category {
		case "killed", "dead", "deaths", "fatalities":
			return q.Bound
		}
	}
	return ""
}

// Period is a date as exports write it: the first day of the period a
// TIMEX3 value names, and the unit of that period.
type Period struct {
	Date string // YYYY-MM-DD, or "" when the value names no calendar date
	Unit string // day, week, month, quarter, half, year; "" with no Date
}

// PeriodOf reads a TIMEX3 value or an ISO 8601 date or date-time:
// "2023-01-27" and "2023-01-27T10:00" are days, "2023-W04" a week (its
// Monday), "2023-01" a month, "2023-Q2" a quarter, "2023-H2" a half,
// "2023" a year; a season ("2023-SU") is taken at the year. Values with
// unresolved digits ("XXXX-03"), durations and references give no date.
func PeriodOf(v string) Period {
	if len(v) < 4 || !digits(v[:4]) {
		return Period{}
	}
	year, _ := strconv.Atoi(v[:4])
	rest := v[4:]
	if rest == "" || rest[0] != '-' {
		if rest == "" {
			return Period{fmt.Sprintf("%04d-01-01", year), "year"}
		}
		return Period{}
	}
	rest = rest[1:]
	switch {
	case len(rest) >= 5 && digits(rest[:2]) && rest[2] == '-' && digits(rest[3:5]) && (len(rest) == 5 || rest[5] == 'T'):
		return Period{v[:10], "day"}
	case len(rest) == 2 && digits(rest):
		return Period{v[:7] + "-01", "month"}
	case len(rest) == 3 && rest[0] == 'W' && digits(rest[1:]):
		w, _ := strconv.Atoi(rest[1:])
		return Period{isoWeekMonday(year, w), "week"}
	case len(rest) == 2 && rest[0] == 'Q' && rest[1] >= '1' && rest[1] <= '4':
		return Period{fmt.Sprintf("%04d-%02d-01", year, 1+3*int(rest[1]-'1')), "quarter"}
	case len(rest) == 2 && rest[0] == 'H' && (rest[1] == '1' || rest[1] == '2'):
		return Period{fmt.Sprintf("%04d-%02d-01", year, 1+6*int(rest[1]-'1')), "half"}
	case rest == "SP" || rest == "SU" || rest == "FA" || rest == "AU" || rest == "WI":
		return Period{fmt.Sprintf("%04d-01-01", year), "year"}
	}
	return Period{}
}

func digits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}

// isoWeekMonday returns the Monday of ISO week w of year: week 1 holds
// January 4th.
func isoWeekMonday(year, w int) string {
	jan4 := time.Date(year, time.January, 4, 0, 0, 0, 0, time.UTC)
	back := (int(jan4.Weekday()) + 6) % 7 // days since Monday
	return jan4.AddDate(0, 0, 7*(w-1)-back).Format("2006-01-02")
}
