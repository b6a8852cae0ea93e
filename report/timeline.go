package report

import (
	"fmt"
	"io"
	"sort"
	"strings"
	"time"
	"unicode"

	"github.com/dossier-news/dossier/doc"
	"github.com/dossier-news/dossier/timex"
)

func init() {
	Register(Section{Title: "timeline", Render: renderTimeline})
}

// entry is one dated line of the timeline.
type entry struct {
	when  time.Time
	value string // the TIMEX3 value shown
	pos   int    // byte offset, to keep text order among equal dates
	line  string
}

// renderTimeline lists what the article dates, in date order: its
// statements (quotes) and events that a date in their own sentence places,
// else (when there are none) its sentences that hold a calendar date.
// Statements and events dated only by the publication date are counted in
// a closing line rather than listed: the timeline is what the text dates.
func renderTimeline(w io.Writer, d *doc.Document) {
	var es []entry
	if len(d.Quotes) > 0 || len(d.Events) > 0 {
		es = append(es, quoteEntries(d)...)
		es = append(es, eventEntries(d)...)
	}
	undated := len(d.Quotes) + len(d.Events) - len(es)
	if len(es) == 0 {
		es, undated = sentenceEntries(d), 0
	}
	if len(es) == 0 {
		return
	}
	sort.SliceStable(es, func(i, j int) bool {
		if !es[i].when.Equal(es[j].when) {
			return es[i].when.Before(es[j].when)
		}
		return es[i].pos < es[j].pos
	})
	width := 10
	for _, e := range es {
		if len(e.value) > width {
			width = len(e.value)
		}
	}
	for _, e := range es {
		fmt.Fprintf(w, "%-*s  %s\n", width, e.value, e.line)
	}
	if undated > 0 {
		fmt.Fprintf(w, "(%d statements and events carry no date of their own", undated)
		if d.Published != "" {
			fmt.Fprintf(w, "; the article is dated %s", d.Published)
		}
		fmt.Fprintln(w, ")")
	}
}

// dateIn returns the first calendar date among the timexes lying in span
// and outside skip (a quote's own words date what it speaks of, not when it
// was said).
func dateIn(d *doc.Document, span, skip doc.Span) (doc.Timex, time.Time, bool) {
	for _, t := range d.Timexes {
		if t.Start < span.Start || t.End > span.End || (skip.Len() > 0 && t.Overlaps(skip)) {
			continue
		}
		if t.Type != "DATE" && t.Type != "TIME" {
			continue
		}
		if when, ok := timex.Start(t.Value); ok {
			return t, when, true
		}
	}
	return doc.Timex{}, time.Time{}, false
}

func quoteEntries(d *doc.Document) []entry {
	var es []entry
	for _, q := range d.Quotes {
		anchor := q.Cue
		if anchor.IsZero() {
			anchor = q.Content
		}
		s := d.SentenceAt(anchor.Start)
		var e entry
		e.pos = q.Content.Start
		if s >= 0 {
			if t, when, ok := dateIn(d, d.Sentences[s].Span, q.Content); ok {
				e.when, e.value = when, t.Value
			}
		}
		if e.value == "" {
			continue // undated: counted in the closing line
		}
		who := "unattributed"
		if q.Speaker >= 0 && q.Speaker < len(d.Entities) {
			who = d.Entities[q.Speaker].Name
		} else if !q.Source.IsZero() {
			who = d.Slice(q.Source)
		}
		e.line = fmt.Sprintf("said  %s: “%s”", who, Clip(d.Slice(q.Content), 90))
		es = append(es, e)
	}
	return es
}

func eventEntries(d *doc.Document) []entry {
	var es []entry
	for _, ev := range d.Events {
		when, ok := timex.Start(ev.Date)
		if !ok || ev.DateFrom != "timex" {
			continue // dated only by the publication date: counted in the closing line
		}
		var names []string
		for _, a := range ev.Actor {
			names = append(names, a.Name)
		}
		line := fmt.Sprintf("event %s", ev.Type)
		if len(names) > 0 {
			line += " by " + strings.Join(names, ", ")
		}
		if len(ev.Recipient) > 0 {
			var rs []string
			for _, r := range ev.Recipient {
				rs = append(rs, r.Name)
			}
			line += " against " + strings.Join(rs, ", ")
		}
		if ev.Negated {
			line += " (negated)"
		}
		if ev.Modality != "" {
			line += " (" + ev.Modality + ")"
		}
		if ev.Sentence >= 0 && ev.Sentence < len(d.Sentences) {
			line += ": " + Clip(d.Slice(d.Sentences[ev.Sentence].Span), 70)
		}
		es = append(es, entry{when: when, value: ev.Date, pos: ev.Trigger.Start, line: line})
	}
	return es
}

// sentenceEntries lists every sentence that holds a calendar date, once per
// date it holds, with the date's words marked.
func sentenceEntries(d *doc.Document) []entry {
	var es []entry
	for _, t := range d.Timexes {
		if t.Type != "DATE" && t.Type != "TIME" {
			continue
		}
		when, ok := timex.Start(t.Value)
		if !ok {
			continue
		}
		s := d.SentenceAt(t.Start)
		if s < 0 || d.Flagged(t.Span) {
			continue
		}
		sp := d.Sentences[s].Span
		before := []rune(strings.Join(strings.Fields(d.Text[sp.Start:t.Start]), " "))
		after := []rune(strings.Join(strings.Fields(d.Text[t.End:sp.End]), " "))
		// keep the marked date in view: at most 50 runes either side
		pre, post := string(before), string(after)
		if len(before) > 50 {
			pre = "…" + string(before[len(before)-49:])
		}
		if len(after) > 50 {
			post = string(after[:49]) + "…"
		}
		if len(before) > 0 && !strings.HasSuffix(pre, " ") && unicode.IsSpace(rune(d.Text[t.Start-1])) {
			pre += " "
		}
		if len(after) > 0 && t.End < len(d.Text) && unicode.IsSpace(rune(d.Text[t.End])) {
			post = " " + post
		}
		line := pre + "[" + d.Slice(t.Span) + "]" + post
		es = append(es, entry{when: when, value: t.Value, pos: t.Start, line: line})
	}
	return es
}
