package link

import (
	"sort"
	"strconv"
	"strings"

	"github.com/dossier-news/dossier/doc"
)

// Facts once, with provenance: a statement quoted by ten outlets is one
// statement with ten sources, an event reported by ten is one event, a
// figure is one figure, and where the reports disagree (165 killed in one,
// 170 in another) both values are kept, each with its sources. These
// functions group the facts of linked documents (normally the documents of
// one story; copies are folded into their original by FoldCopies first);
// the query package and `dossier story` read them.

// Source is where a fact is reported: a document and the span of its
// evidence.
type Source struct {
	Doc  string   `json:"doc"`
	Span doc.Span `json:"-"`
	Text string   `json:"text"`
	// Copies are the ids of the copies of Doc that repeat it (folded).
	Copies []string `json:"copies,omitempty"`
}

// QuoteFact is one statement and every document that quotes it.
type QuoteFact struct {
	Speaker string   `json:"speaker"` // actor id, or "" when unknown
	Name    string   `json:"name"`    // the speaker's name as the first source gives it
	Content string   `json:"content"` // the content of the first source
	Sources []Source `json:"sources"`
}

// EventFact is one event (type, actor, recipient) and its reports.
type EventFact struct {
	Type      string   `json:"type"`
	Actor     string   `json:"actor,omitempty"`     // actor id of the first actor argument
	Recipient string   `json:"recipient,omitempty"` // actor id of the first recipient argument
	Sources   []Source `json:"sources"`
}

// FigureFact is one figure (a category of count: killed, wounded...) with
// every value reported and its sources; Disagree says the values differ.
type FigureFact struct {
	Category string        `json:"category"`
	Values   []FigureValue `json:"values"`
	Disagree bool          `json:"disagree"`
}

// FigureValue is one reported value of a figure.
type FigureValue struct {
	Value   float64  `json:"value"`
	Bound   string   `json:"bound,omitempty"`
	Sources []Source `json:"sources"`
}

// FoldCopies drops the documents that copy another document of the list
// and returns the remaining ones with, for each, the ids of its copies.
func FoldCopies(docs []*doc.Document) ([]*doc.Document, map[string][]string) {
	ids := map[string]bool{}
	for _, d := range docs {
		ids[d.ID] = true
	}
	copies := map[string][]string{}
	var out []*doc.Document
	for _, d := range docs {
		if d.DuplicateOf != "" && ids[d.DuplicateOf] {
			copies[d.DuplicateOf] = append(copies[d.DuplicateOf], d.ID)
			continue
		}
		out = append(out, d)
	}
	return out, copies
}

// actorOfEntity is the corpus actor of entity i of d, or "".
func actorOfEntity(d *doc.Document, i int) string {
	if i < 0 || i >= len(d.Entities) {
		return ""
	}
	if a := d.Entities[i].Actor; a != "" {
		return a
	}
	return d.ID + ":" + d.Entities[i].ID
}

// contentWords are the normalised words of a quote's content, as a set.
func contentWords(s string) map[string]bool {
	m := map[string]bool{}
	for _, w := range normWords(s) {
		m[w] = true
	}
	return m
}

// sameStatement says whether two contents are one statement: most of the
// shorter one's words are in the longer (a quote trimmed, or paraphrased
// lightly in indirect speech).
func sameStatement(a, b map[string]bool) bool {
	if len(a) > len(b) {
		a, b = b, a
	}
	if len(a) == 0 {
		return false
	}
	in := 0
	for w := range a {
		if b[w] {
			in++
		}
	}
	return float64(in) >= 0.7*float64(len(a))
}

// GroupQuotes groups the quotes of the documents into statements: one
// speaker (the same actor, or either unknown) and the same content.
func GroupQuotes(docs []*doc.Document, copies map[string][]string) []QuoteFact {
	var facts []QuoteFact
	var words []map[string]bool
	for _, d := range docs {
		for _, q := range d.Quotes {
			content := d.Slice(q.Content)
			cw := contentWords(content)
			sp := actorOfEntity(d, q.Speaker)
			src := Source{Doc: d.ID, Span: q.Content, Text: content, Copies: copies[d.ID]}
			found := -1
			for i := range facts {
				if (facts[i].Speaker == sp || facts[i].Speaker == "" || sp == "") && sameStatement(words[i], cw) {
					found = i
					break
				}
			}
			if found < 0 {
				name := ""
				if q.Speaker >= 0 && q.Speaker < len(d.Entities) {
					name = d.Entities[q.Speaker].Name
				}
				facts = append(facts, QuoteFact{Speaker: sp, Name: name, Content: content})
				words = append(words, cw)
				found = len(facts) - 1
			}
			if facts[found].Speaker == "" && sp != "" {
				facts[found].Speaker = sp
			}
			facts[found].Sources = append(facts[found].Sources, src)
		}
	}
	sort.SliceStable(facts, func(a, b int) bool { return len(facts[a].Sources) > len(facts[b].Sources) })
	return facts
}

// GroupEvents groups events by type, first actor and first recipient (as
// corpus actors): one happening reported by several documents.
func GroupEvents(docs []*doc.Document, copies map[string][]string) []EventFact {
	idx := map[string]int{}
	var facts []EventFact
	for _, d := range docs {
		for _, e := range d.Events {
			if e.Negated || e.Debris {
				continue
			}
			f := EventFact{Type: string(e.Type)}
			if len(e.Actor) > 0 {
				f.Actor = argActor(d, e.Actor[0])
			}
			if len(e.Recipient) > 0 {
				f.Recipient = argActor(d, e.Recipient[0])
			}
			key := f.Type + "\x00" + f.Actor + "\x00" + f.Recipient
			i, ok := idx[key]
			if !ok {
				i = len(facts)
				idx[key] = i
				facts = append(facts, f)
			}
			facts[i].Sources = append(facts[i].Sources, Source{Doc: d.ID, Span: e.Trigger, Text: d.Slice(e.Trigger), Copies: copies[d.ID]})
		}
	}
	sort.SliceStable(facts, func(a, b int) bool { return len(facts[a].Sources) > len(facts[b].Sources) })
	return facts
}

// argActor is the corpus actor of an event argument, else its name.
func argActor(d *doc.Document, a doc.Argument) string {
	if a.Entity >= 0 {
		return actorOfEntity(d, a.Entity)
	}
	return strings.ToLower(a.Name)
}

// GroupFigures groups the casualty and force figures (quantities with a
// category) by category; the values reported are kept apart, each with its
// sources, and Disagree is set when they differ.
func GroupFigures(docs []*doc.Document, copies map[string][]string) []FigureFact {
	idx := map[string]int{}
	var facts []FigureFact
	for _, d := range docs {
		for _, q := range d.Quantities {
			if q.Category == "" || q.Ordinal || q.Unit != "" {
				continue
			}
			cat := string(q.Category)
			i, ok := idx[cat]
			if !ok {
				i = len(facts)
				idx[cat] = i
				facts = append(facts, FigureFact{Category: cat})
			}
			f := &facts[i]
			src := Source{Doc: d.ID, Span: q.Span, Text: d.Slice(q.Span), Copies: copies[d.ID]}
			placed := false
			for j := range f.Values {
				if f.Values[j].Value == q.Value && f.Values[j].Bound == string(q.Bound) {
					f.Values[j].Sources = append(f.Values[j].Sources, src)
					placed = true
				}
			}
			if !placed {
				f.Values = append(f.Values, FigureValue{Value: q.Value, Bound: string(q.Bound), Sources: []Source{src}})
			}
		}
	}
	for i := range facts {
		facts[i].Disagree = len(facts[i].Values) > 1
		sort.SliceStable(facts[i].Values, func(a, b int) bool {
			return len(facts[i].Values[a].Sources) > len(facts[i].Values[b].Sources)
		})
	}
	return facts
}

// FormatValue writes a figure's value as a person reads it.
func FormatValue(v float64) string { return strconv.FormatFloat(v, 'f', -1, 64) }
