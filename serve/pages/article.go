package pages

import (
	"fmt"
	"html/template"
	"net/url"
	"sort"
	"strconv"
	"strings"

	"github.com/dossier-news/dossier/doc"
)

// Colours is how many speaker colours the style sheet defines (sp0-sp7);
// more speakers than that share them, in turn.
const Colours = 8

// Segment is a stretch of an article's text over which the same layers
// lie. The text is cut at every boundary of every span shown, so that
// overlapping spans (a date inside a quote inside debris) each become
// properly nested tags around each piece.
type Segment struct {
	Text   string
	Debris string // the reason, when the text is flagged as debris
	Warn   string // a flag that is not debris (an unbalanced quotation mark)
	Quote  *QuoteMark
	First  bool // the quote's first segment: it carries the anchor id
	Cue    bool
	Source bool // the mention that says the quote
	Timex  string
	Figure string
}

// QuoteMark is how a quote shows in the text.
type QuoteMark struct {
	N       int    // index in the document's quotes
	Href    string // the speaker's actor page; "" when the speaker is unknown
	Class   string // the speaker's colour: sp0..sp7, or "sp-none"
	Speaker string // the speaker's name, "" when unknown
	Title   string
}

// Paragraph is one paragraph's segments.
type Paragraph struct{ Segments []Segment }

// HTML writes the paragraph's segments as markup: each segment's text
// escaped, wrapped in the tags of its layers, properly nested since every
// segment opens and closes its own. Written here rather than in a template
// because an article has hundreds of segments and a template's
// reflection-driven walk cost half the page's time; every value goes
// through template.HTMLEscapeString, every attribute is double-quoted, and
// the only URLs are /actors/ paths built with url.PathEscape.
func (p Paragraph) HTML() template.HTML {
	var b strings.Builder
	esc := template.HTMLEscapeString
	for _, s := range p.Segments {
		var closers []string
		open := func(tag, attrs, closer string) {
			b.WriteString("<" + tag + attrs + ">")
			closers = append(closers, closer)
		}
		if s.Debris != "" {
			open("s", ` class="debris" title="`+esc(s.Debris)+`"`, "</s>")
		}
		if s.Warn != "" {
			open("span", ` class="warn" title="`+esc(s.Warn)+`"`, "</span>")
		}
		if q := s.Quote; q != nil {
			id := ""
			if s.First {
				id = ` id="q` + strconv.Itoa(q.N) + `"`
			}
			if q.Href != "" {
				open("a", ` class="q `+esc(q.Class)+`" href="`+esc(q.Href)+`" data-q="`+strconv.Itoa(q.N)+`" data-speaker="`+esc(q.Speaker)+`" title="`+esc(q.Title)+`"`+id, "</a>")
			} else {
				open("mark", ` class="q sp-none" data-q="`+strconv.Itoa(q.N)+`" title="`+esc(q.Title)+`"`+id, "</mark>")
			}
		}
		if s.Cue {
			open("u", ` class="cue" title="the cue: what introduces the quote"`, "</u>")
		}
		if s.Source {
			open("b", ` class="src"`, "</b>")
		}
		if s.Timex != "" {
			open("span", ` class="tx" title="`+esc(s.Timex)+`"`, "</span>")
		}
		if s.Figure != "" {
			open("span", ` class="fig" title="`+esc(s.Figure)+`"`, "</span>")
		}
		b.WriteString(esc(s.Text))
		for i := len(closers) - 1; i >= 0; i-- {
			b.WriteString(closers[i])
		}
	}
	return template.HTML(b.String())
}

// ActorHref is the address of an entity's actor page: its corpus-wide
// actor when linking set one, else its canonical name (the key Actors
// gives, which the actor page takes).
func ActorHref(e *doc.Entity) string {
	key := e.Actor
	if key == "" {
		key = e.Name
	}
	return "/actors/" + url.PathEscape(key)
}

// speakerColours gives each speaking entity a colour class, in order of
// first quote.
func speakerColours(d *doc.Document) map[int]string {
	m := map[int]string{}
	for _, q := range d.Quotes {
		if q.Speaker >= 0 && q.Speaker < len(d.Entities) {
			if _, ok := m[q.Speaker]; !ok {
				m[q.Speaker] = "sp" + strconv.Itoa(len(m)%Colours)
			}
		}
	}
	return m
}

// layer is one span to show and what it marks.
type layer struct {
	doc.Span
	apply func(*Segment)
}

// Render cuts the document's text into paragraphs of segments, each
// carrying the layers that cover it.
func Render(d *doc.Document) []Paragraph {
	colours := speakerColours(d)
	var ls []layer
	for _, f := range d.Flags {
		f := f
		if f.Kind.Debris() {
			ls = append(ls, layer{f.Span, func(s *Segment) { s.Debris = fmt.Sprintf("%s: %s", f.Kind, f.Why) }})
		} else {
			ls = append(ls, layer{f.Span, func(s *Segment) { s.Warn = fmt.Sprintf("%s: %s", f.Kind, f.Why) }})
		}
	}
	for i := range d.Quotes {
		q := &d.Quotes[i]
		m := &QuoteMark{N: i, Class: "sp-none", Title: fmt.Sprintf("quote %d (%s): speaker unknown", i+1, q.Kind)}
		if q.Speaker >= 0 && q.Speaker < len(d.Entities) {
			e := &d.Entities[q.Speaker]
			m.Href, m.Class, m.Speaker = ActorHref(e), colours[q.Speaker], e.Name
			m.Title = fmt.Sprintf("quote %d (%s), said by %s", i+1, q.Kind, e.Name)
		}
		ls = append(ls, layer{q.Content, func(s *Segment) {
			// Nested quotes: the innermost (the later-starting) wins.
			s.Quote = m
		}})
		if !q.Cue.IsZero() {
			ls = append(ls, layer{q.Cue, func(s *Segment) { s.Cue = true }})
		}
		if !q.Source.IsZero() {
			ls = append(ls, layer{q.Source, func(s *Segment) { s.Source = true }})
		}
	}
	for _, t := range d.Timexes {
		t := t
		title := fmt.Sprintf("%s %s", strings.ToLower(t.Type), t.Value)
		if t.Mod != "" {
			title += " (" + strings.ToLower(t.Mod) + ")"
		}
		if t.Anchor != "" {
			title += ", counted from the " + map[string]string{"published": "publication date", "timex": "date before it"}[t.Anchor]
		}
		ls = append(ls, layer{t.Span, func(s *Segment) { s.Timex = title }})
	}
	for _, q := range d.Quantities {
		if q.Ordinal {
			continue
		}
		title := FigureTitle(q)
		ls = append(ls, layer{q.Span, func(s *Segment) { s.Figure = title }})
	}
	return cut(d, ls)
}

// FigureTitle says what a quantity was read as: "killed: at least 31".
func FigureTitle(q doc.Quantity) string {
	v := strconv.FormatFloat(q.Value, 'f', -1, 64)
	switch q.Bound {
	case "min":
		v = "at least " + v
	case "max":
		v = "at most " + v
	case "approx":
		v = "about " + v
	}
	if q.Unit != "" {
		v += " " + q.Unit
	}
	what := q.Category
	if what == "" {
		what = q.Counts
	}
	if what == "" {
		return v
	}
	return what + ": " + v
}

// cut splits the text at every paragraph and layer boundary and applies,
// to each piece, every layer covering it.
func cut(d *doc.Document, ls []layer) []Paragraph {
	paras := d.Paragraphs
	if len(paras) == 0 && d.Text != "" {
		paras = []doc.Span{{Start: 0, End: len(d.Text)}}
	}
	// Layers in order of start; for equal starts the longer first, so that
	// the inner span is applied last and wins where it must (quotes).
	sort.SliceStable(ls, func(i, j int) bool {
		if ls[i].Start != ls[j].Start {
			return ls[i].Start < ls[j].Start
		}
		return ls[i].End > ls[j].End
	})
	var out []Paragraph
	seenQuote := map[int]bool{}
	for _, p := range paras {
		if p.Start < 0 || p.End > len(d.Text) || p.Start >= p.End {
			continue
		}
		bounds := []int{p.Start, p.End}
		for _, l := range ls {
			if l.Start > p.Start && l.Start < p.End {
				bounds = append(bounds, l.Start)
			}
			if l.End > p.Start && l.End < p.End {
				bounds = append(bounds, l.End)
			}
		}
		sort.Ints(bounds)
		var para Paragraph
		for i := 0; i+1 < len(bounds); i++ {
			a, b := bounds[i], bounds[i+1]
			if a == b {
				continue
			}
			s := Segment{Text: d.Text[a:b]}
			for _, l := range ls {
				if l.Start >= b {
					break
				}
				if l.Start <= a && b <= l.End {
					l.apply(&s)
				}
			}
			if s.Quote != nil && !seenQuote[s.Quote.N] {
				seenQuote[s.Quote.N], s.First = true, true
			}
			para.Segments = append(para.Segments, s)
		}
		out = append(out, para)
	}
	return out
}
