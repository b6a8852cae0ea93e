package score

import (
	"strings"

	"github.com/dossier-news/dossier/doc"
	"github.com/dossier-news/dossier/gold"
	"github.com/dossier-news/dossier/pipeline"
)

// Seed scores the founding article against its hand annotation: quotes and
// their speakers, dates, figures, debris flags, people and events. It is
// for measuring only: nothing is tuned on it.
//
// It is long because it scores each measure of score.py's seed task in turn,
// in score.py's order, a block each.
func Seed(path string, p *pipeline.Pipeline) (Result, error) {
	g, text, err := gold.LoadSeed(path)
	if err != nil {
		return Result{}, err
	}
	pub := g.Published
	ds, err := analyse(p, []gold.Input{{ID: "seed", Text: text, Published: &pub}})
	if err != nil {
		return Result{}, err
	}
	d := ds[0]
	r := Result{Task: "seed", Docs: 1}

	aliases := map[string]map[string]bool{} // canonical name: its normed aliases
	for _, e := range g.Entities {
		set := map[string]bool{norm(e.Name): true}
		for _, a := range e.Aliases {
			set[norm(a)] = true
		}
		aliases[e.Name] = set
	}
	var gq []goldQuote
	for _, q := range g.Quotes {
		gq = append(gq, goldQuote{content: bspan(q.Content), speaker: q.Speaker})
	}
	var opt []doc.Span
	for _, q := range g.OptionalQuotes {
		opt = append(opt, bspan(q.Content))
	}
	c, a := quotes(ds, [][]goldQuote{gq}, [][]doc.Span{opt}, func(d *doc.Document, g goldQuote, q doc.Quote) bool {
		if q.Speaker < 0 || q.Speaker >= len(d.Entities) {
			return false
		}
		name := norm(d.Entities[q.Speaker].Name)
		if name == "" {
			return false
		}
		names := aliases[g.speaker]
		if names == nil {
			names = map[string]bool{norm(g.speaker): true}
		}
		if names[name] {
			return true
		}
		// a speaker whose name ends in the gold speaker's surname counts
		gw, fw := strings.Fields(norm(g.speaker)), strings.Fields(name)
		return len(gw) > 0 && len(fw) > 0 && fw[len(fw)-1] == gw[len(gw)-1]
	})
	r.add("quotes", c)
	r.add("attributed", a)

	var pairs []pair
	for i, t := range g.Timex {
		for j, x := range d.Timexes {
			if overlaps([]doc.Span{bspan(t.SeedSpan)}, []doc.Span{x.Span}) {
				pairs = append(pairs, pair{1, i, j})
			}
		}
	}
	m := greedy(pairs)
	tspan, value := PRF{TP: len(m), Pred: len(d.Timexes), Gold: len(g.Timex)}, PRF{Pred: len(d.Timexes), Gold: len(g.Timex)}
	for _, ij := range m {
		gv, pv := g.Timex[ij[0]].Value, d.Timexes[ij[1]].Value
		if pv == gv || strings.Contains(gv, "/") && contains(strings.Split(gv, "/"), pv) {
			value.TP++
		}
	}
	r.add("timex_span", tspan)
	r.add("timex_value", value)

	q := PRF{Pred: len(d.Quantities), Gold: len(g.Quantities)}
	for _, gq := range g.Quantities {
		for _, x := range d.Quantities {
			cat := x.Category
			if cat == "" {
				cat = x.Unit
			}
			if overlaps([]doc.Span{bspan(gq.SeedSpan)}, []doc.Span{x.Span}) && x.Value == gq.Value && norm(cat) == norm(gq.Category) {
				q.TP++
				break
			}
		}
	}
	r.add("quantities", q)

	art := PRF{Pred: len(d.Flags), Gold: len(g.Artefacts)}
	for _, x := range g.Artefacts {
		for _, f := range d.Flags {
			if overlaps([]doc.Span{bspan(x)}, []doc.Span{f.Span}) {
				art.TP++
				break
			}
		}
	}
	r.add("artefacts", art)

	people := PRF{}
	for _, e := range d.Entities {
		if t := strings.ToUpper(string(e.Type)); t == "PERSON" || t == "PER" {
			people.Pred++
		}
	}
	for _, e := range g.Entities {
		if e.Type != "PERSON" {
			continue
		}
		people.Gold++
		for _, x := range d.Entities {
			if aliases[e.Name][norm(x.Name)] {
				people.TP++
				break
			}
		}
	}
	r.add("people", people)

	ev := PRF{Pred: len(d.Events), Gold: len(g.Events)}
	for _, e := range g.Events {
		for _, x := range d.Events {
			if x.Type == e.Type && overlaps([]doc.Span{bspan(e.Anchor)}, span(x.Trigger)) {
				ev.TP++
				break
			}
		}
	}
	r.add("events", ev)
	return r, nil
}

// bspan is a seed span's byte offsets.
func bspan(s gold.SeedSpan) doc.Span { return doc.Span{Start: s.ByteStart, End: s.ByteEnd} }

func contains(ss []string, s string) bool {
	for _, x := range ss {
		if x == s {
			return true
		}
	}
	return false
}
