package query

import (
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"strconv"
	"strings"
)

// Formats are the output formats every question can be written in.
var Formats = []string{"text", "json", "csv"}

// CheckFormat says whether format is one of Formats.
func CheckFormat(format string) error {
	for _, f := range Formats {
		if f == format {
			return nil
		}
	}
	return fmt.Errorf("unknown --format %q: use text, json or csv", format)
}

// Write writes an answer (what Search, Quotes, Events, Timeline,
// Figures, Actors or Actor returned) in a format: "text" for a person,
// "json" (one JSON value, every field with its evidence offsets) or "csv"
// (RFC 4180 with a header line; docs/QUERY.md lists the columns).
func Write(w io.Writer, format string, answer any) error {
	if err := CheckFormat(format); err != nil {
		return err
	}
	if format == "json" {
		enc := json.NewEncoder(w)
		enc.SetEscapeHTML(false)
		enc.SetIndent("", "  ")
		return enc.Encode(answer)
	}
	var t table
	switch a := answer.(type) {
	case *SearchResult:
		t = searchTable(a)
	case []Quote:
		t = quoteTable(a)
	case []Event:
		t = eventTable(a)
	case []Figure:
		t = figureTable(a)
	case []ActorCount:
		t = actorsTable(a)
	case *ActorReport:
		t = actorTable(a)
	default:
		return fmt.Errorf("query.Write: no table for %T (a bug)", answer)
	}
	if format == "csv" {
		cw := csv.NewWriter(w)
		cw.Write(t.header)
		cw.WriteAll(t.rows)
		return cw.Error()
	}
	_, err := io.WriteString(w, t.text)
	return err
}

// table is an answer laid out for csv and for text.
type table struct {
	header []string
	rows   [][]string
	text   string
}

func itoa(i int) string { return strconv.Itoa(i) }

func fnum(f float64) string { return strconv.FormatFloat(f, 'f', -1, 64) }

func fptr(f *float64) string {
	if f == nil {
		return ""
	}
	return fnum(*f)
}

// day is a date cut to the day, or "undated".
func day(s string) string {
	switch {
	case s == "":
		return "undated   "
	case len(s) > 10:
		return s[:10]
	}
	return s
}

// oneLine folds a text's line breaks for a one-line display.
func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }

// where is "[doc start-end]", the evidence's address.
func at(d Doc, e Evidence) string { return fmt.Sprintf("[%s %d-%d]", d.ID, e.Start, e.End) }

func searchTable(r *SearchResult) table {
	t := table{header: []string{"kind", "rank", "score", "doc_id", "title", "published", "outlet", "speaker",
		"snippet", "snippet_start", "snippet_end", "highlights"}}
	var b strings.Builder
	for _, part := range []struct {
		name string
		hits []Hit
	}{{"Articles", r.Articles}, {"Quotes", r.Quotes}} {
		if len(part.hits) == 0 && len(r.Articles)+len(r.Quotes) > 0 {
			continue
		}
		fmt.Fprintf(&b, "%s (%d)\n", part.name, len(part.hits))
		for i, h := range part.hits {
			speaker := ""
			if h.Quote != nil {
				speaker = h.Quote.Speaker
			}
			var hl []string
			for _, m := range h.Highlights {
				hl = append(hl, itoa(m.Start)+"-"+itoa(m.End))
			}
			t.rows = append(t.rows, []string{h.Kind, itoa(i + 1), strconv.FormatFloat(h.Score, 'f', 3, 64), h.Doc.ID, h.Doc.Title,
				h.Doc.Published, h.Doc.Outlet, speaker, h.Snippet.Text, itoa(h.Snippet.Start), itoa(h.Snippet.End), strings.Join(hl, ";")})
			title := h.Doc.Title
			if speaker != "" {
				title = speaker + ":"
			} else if h.Quote != nil {
				title = "(speaker unknown):"
			}
			fmt.Fprintf(&b, "%3d. %s  %s %s  %s\n     %s\n", i+1, day(h.Doc.Published), h.Doc.ID, h.Doc.Outlet, title, marked(h))
		}
	}
	t.text = b.String()
	return t
}

// marked is a hit's snippet with its highlights between « and ».
func marked(h Hit) string {
	var b strings.Builder
	s := h.Snippet
	last := s.Start
	for _, m := range h.Highlights {
		if m.Start < last || m.End > s.End {
			continue
		}
		b.WriteString(s.Text[last-s.Start : m.Start-s.Start])
		b.WriteString("«" + s.Text[m.Start-s.Start:m.End-s.Start] + "»")
		last = m.End
	}
	b.WriteString(s.Text[last-s.Start:])
	return oneLine(b.String())
}

func quoteTable(qs []Quote) table {
	t := table{header: []string{"doc_id", "n", "published", "outlet", "kind", "speaker", "actor", "source", "cue",
		"content", "content_start", "content_end", "title", "url"}}
	var b strings.Builder
	for _, q := range qs {
		t.rows = append(t.rows, []string{q.Doc.ID, itoa(q.N), q.Doc.Published, q.Doc.Outlet, q.Kind, q.Speaker, q.Actor,
			q.Source, q.Cue, q.Content.Text, itoa(q.Content.Start), itoa(q.Content.End), q.Doc.Title, q.Doc.URL})
		who := q.Speaker
		if who == "" {
			who = "(unknown)"
		}
		if q.Source != "" && q.Source != q.Speaker {
			who += " (as \"" + oneLine(q.Source) + "\")"
		}
		fmt.Fprintf(&b, "%s  %s  %s %s:\n    \"%s\"  %s\n", day(q.Doc.Published), q.Doc.Outlet, who, q.Cue, oneLine(q.Content.Text), at(q.Doc, q.Content))
	}
	t.text = b.String()
	return t
}

func eventTable(es []Event) table {
	t := table{header: []string{"doc_id", "n", "date", "date_value", "date_from", "type", "mode", "actor", "recipient",
		"place", "country", "dead", "injured", "size", "modality", "negated", "debris", "trigger", "trigger_start", "trigger_end",
		"evidence", "evidence_start", "evidence_end", "published", "outlet"}}
	var b strings.Builder
	for _, e := range es {
		t.rows = append(t.rows, []string{e.Doc.ID, itoa(e.N), e.Date, e.DateValue, e.DateFrom, e.Type, e.Mode,
			strings.Join(e.Actor, "; "), strings.Join(e.Recipient, "; "), strings.Join(e.Place, "; "), e.Country,
			fptr(e.Dead), fptr(e.Injured), fptr(e.Size), e.Modality, strconv.FormatBool(e.Negated), strconv.FormatBool(e.Debris),
			e.Trigger.Text, itoa(e.Trigger.Start), itoa(e.Trigger.End), e.Evidence.Text, itoa(e.Evidence.Start), itoa(e.Evidence.End),
			e.Doc.Published, e.Doc.Outlet})
		kind := e.Type
		if e.Mode != "" {
			kind += "/" + e.Mode
		}
		line := fmt.Sprintf("%s  %-18s %s -> %s", day(e.Date), kind, orNone(e.Actor), orNone(e.Recipient))
		if len(e.Place) > 0 {
			line += "  in " + strings.Join(e.Place, ", ")
		}
		if e.Dead != nil {
			line += "  dead " + fptr(e.Dead)
		}
		if e.Modality != "" {
			line += "  (" + e.Modality + ")"
		}
		if e.Negated {
			line += "  (negated)"
		}
		fmt.Fprintf(&b, "%s\n    %s  %s\n", line, oneLine(e.Evidence.Text), at(e.Doc, e.Evidence))
	}
	t.text = b.String()
	return t
}

func orNone(names []string) string {
	if len(names) == 0 {
		return "-"
	}
	return strings.Join(names, ", ")
}

func figureTable(fs []Figure) table {
	t := table{header: []string{"doc_id", "n", "published", "outlet", "value", "bound", "category", "counts", "unit",
		"text", "start", "end", "context", "context_start", "context_end"}}
	var b strings.Builder
	for _, f := range fs {
		t.rows = append(t.rows, []string{f.Doc.ID, itoa(f.N), f.Doc.Published, f.Doc.Outlet, fnum(f.Value), f.Bound, f.Category,
			f.Counts, f.Unit, f.Text.Text, itoa(f.Text.Start), itoa(f.Text.End), f.Context.Text, itoa(f.Context.Start), itoa(f.Context.End)})
		fmt.Fprintf(&b, "%s  %-10s %s (%s)  %q\n    %s  %s\n", day(f.Doc.Published), f.Category, fnum(f.Value), f.Bound,
			oneLine(f.Text.Text), oneLine(f.Context.Text), at(f.Doc, f.Context))
	}
	t.text = b.String()
	return t
}

func actorsTable(as []ActorCount) table {
	t := table{header: []string{"key", "name", "type", "documents", "mentions"}}
	var b strings.Builder
	fmt.Fprintf(&b, "%8s %9s  %-6s %s\n", "mentions", "documents", "type", "name")
	for _, a := range as {
		t.rows = append(t.rows, []string{a.Key, a.Name, a.Type, itoa(a.Documents), itoa(a.Mentions)})
		name := a.Name
		if a.Key != a.Name {
			name += "  (" + a.Key + ")"
		}
		fmt.Fprintf(&b, "%8d %9d  %-6s %s\n", a.Mentions, a.Documents, a.Type, name)
	}
	t.text = b.String()
	return t
}

func actorTable(r *ActorReport) table {
	t := table{header: []string{"section", "value", "n", "date", "doc_id", "start", "end"}}
	var b strings.Builder
	fmt.Fprintf(&b, "%s: %d mentions in %d documents", r.Asked, r.Mentions, r.Documents)
	if r.First != "" {
		fmt.Fprintf(&b, ", %s to %s", day(r.First), day(r.Last))
	}
	b.WriteString("\n")
	for _, sec := range []struct {
		name string
		cs   []Count
	}{{"names", r.Names}, {"actors", r.Actors}, {"types", r.Types}, {"roles", r.Roles}, {"affiliations", r.Affiliations}} {
		var parts []string
		for _, c := range sec.cs {
			t.rows = append(t.rows, []string{strings.TrimSuffix(sec.name, "s"), c.Value, itoa(c.N), "", "", "", ""})
			parts = append(parts, fmt.Sprintf("%s (%d)", c.Value, c.N))
		}
		if len(parts) > 0 {
			fmt.Fprintf(&b, "%-13s %s\n", sec.name, strings.Join(parts, ", "))
		}
	}
	var others []string
	for _, o := range r.Others {
		t.rows = append(t.rows, []string{"other", o.Name, itoa(o.Documents), "", "", "", ""})
		others = append(others, fmt.Sprintf("%s (%d documents)", o.Name, o.Documents))
	}
	if len(others) > 0 {
		fmt.Fprintf(&b, "also matched  %s: ask by more of the name\n", strings.Join(others, ", "))
	}
	fmt.Fprintf(&b, "\nStatements (%d)\n", len(r.Statements))
	for _, q := range r.Statements {
		t.rows = append(t.rows, []string{"statement", q.Content.Text, "", q.Doc.Published, q.Doc.ID, itoa(q.Content.Start), itoa(q.Content.End)})
	}
	b.WriteString(quoteTable(r.Statements).text)
	fmt.Fprintf(&b, "\nEvents (%d)\n", len(r.Events))
	for _, e := range r.Events {
		t.rows = append(t.rows, []string{"event", e.Type, "", e.Date, e.Doc.ID, itoa(e.Evidence.Start), itoa(e.Evidence.End)})
	}
	b.WriteString(eventTable(r.Events).text)
	t.text = b.String()
	return t
}
