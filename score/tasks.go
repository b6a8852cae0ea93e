package score

import (
	"strings"

	"github.com/dossier-news/dossier/doc"
	"github.com/dossier-news/dossier/gold"
	"github.com/dossier-news/dossier/pipeline"
)

// goldQuote is a gold quote as the quote measures read it: a content span,
// and what decides whether a found quote's speaker is right.
type goldQuote struct {
	content doc.Span
	speaker string     // seed: the canonical name
	source  []doc.Span // polnear: the source spans
}

// speakerOK decides whether found quote q of d names gold quote g's speaker.
type speakerOK func(d *doc.Document, g goldQuote, q doc.Quote) bool

// quotes counts found quotes whose content matches a gold quote's (word
// F1 at least 0.5, one to one, best first) and those of them whose speaker
// is right. Found quotes that match only an optional gold quote count
// neither way.
func quotes(ds []*doc.Document, gq [][]goldQuote, optional [][]doc.Span, ok speakerOK) (content, attributed PRF) {
	for k, d := range ds {
		ws := wordsOf(d.Text)
		gt := make([]map[doc.Span]bool, len(gq[k]))
		for i, g := range gq[k] {
			gt[i] = ws.in(g.content.Start, g.content.End)
		}
		pt := make([]map[doc.Span]bool, len(d.Quotes))
		for j, q := range d.Quotes {
			pt[j] = map[doc.Span]bool{}
			if !q.Content.IsZero() {
				pt[j] = ws.in(q.Content.Start, q.Content.End)
			}
		}
		var pairs []pair
		for i := range gt {
			for j := range pt {
				if f := tokF1(pt[j], gt[i]); f >= 0.5 {
					pairs = append(pairs, pair{f, i, j})
				}
			}
		}
		m := greedy(pairs)
		matched := map[int]bool{}
		for _, ij := range m {
			matched[ij[1]] = true
		}
		extra := 0
		if k < len(optional) {
			for j := range pt {
				if matched[j] {
					continue
				}
				for _, o := range optional[k] {
					if tokF1(pt[j], ws.in(o.Start, o.End)) >= 0.5 {
						extra++
						break
					}
				}
			}
		}
		n := len(d.Quotes) - extra
		content.Pred += n
		attributed.Pred += n
		content.Gold += len(gq[k])
		attributed.Gold += len(gq[k])
		content.TP += len(m)
		for _, ij := range m {
			if ok(d, gq[k][ij[0]], d.Quotes[ij[1]]) {
				attributed.TP++
			}
		}
	}
	return content, attributed
}

// PolNeAR scores attribution on a PolNeAR file: content and attributed
// quotes, each role's exact span (trimmed as gold.ExactTrim says), and
// the recall of direct quotes.
func PolNeAR(path string, p *pipeline.Pipeline) (Result, error) {
	gs, err := gold.Load[struct {
		gold.Input
		Attributions []gold.Attribution `json:"attributions"`
	}](path)
	if err != nil {
		return Result{}, err
	}
	in := make([]gold.Input, len(gs))
	gq := make([][]goldQuote, len(gs))
	for k, g := range gs {
		in[k] = g.Input
		for _, a := range g.Attributions {
			if len(a.Content) == 0 {
				continue
			}
			q := goldQuote{content: hull(a.Content)}
			for _, s := range a.Source {
				q.source = append(q.source, doc.Span{Start: s.Start, End: s.End})
			}
			gq[k] = append(gq[k], q)
		}
	}
	ds, err := analyse(p, in)
	if err != nil {
		return Result{}, err
	}
	r := Result{Task: "polnear", Docs: len(ds)}
	c, a := quotes(ds, gq, nil, polnearSpeaker)
	r.add("content", c)
	r.add("attributed", a)
	for ri, role := range []string{"source", "cue", "content"} {
		var m PRF
		for k, d := range ds {
			gset, pset := map[doc.Span]bool{}, map[doc.Span]bool{}
			for _, at := range gs[k].Attributions {
				spans := [][]gold.Span{at.Source, at.Cue, at.Content}[ri]
				if len(spans) == 0 {
					continue
				}
				if s, ok := trim(d.Text, hull(spans)); ok {
					gset[s] = true
				}
			}
			for _, q := range d.Quotes {
				s := [3]doc.Span{q.Source, q.Cue, q.Content}[ri]
				if s.IsZero() {
					continue
				}
				if s, ok := trim(d.Text, s); ok {
					pset[s] = true
				}
			}
			for s := range pset {
				if gset[s] {
					m.TP++
				}
			}
			m.Pred += len(pset)
			m.Gold += len(gset)
		}
		r.add("exact_"+role, m)
	}
	// direct quotes: the gold quotes whose content opens with a quotation mark
	for k, d := range ds {
		var direct []goldQuote
		for _, q := range gq[k] {
			if strings.ContainsRune("\"“‘'", firstRune(d.Text[q.content.Start:q.content.End])) || q.content.Start == q.content.End {
				direct = append(direct, q)
			}
		}
		gq[k] = direct
	}
	c, a = quotes(ds, gq, nil, polnearSpeaker)
	r.add("direct_content", c)
	r.add("direct_attributed", a)
	return r, nil
}

// hull is the smallest span holding every gold span of a list.
func hull(ss []gold.Span) doc.Span {
	h := doc.Span{Start: ss[0].Start, End: ss[0].End}
	for _, s := range ss[1:] {
		h.Start, h.End = min(h.Start, s.Start), max(h.End, s.End)
	}
	return h
}

// trim is gold.ExactTrim as a span, false when nothing is left.
func trim(text string, s doc.Span) (doc.Span, bool) {
	a, b := gold.ExactTrim(text, s.Start, s.End)
	return doc.Span{Start: a, End: b}, b > a
}

// polnearSpeaker: the found source overlaps the gold source, or the found
// speaker entity has a mention that does; with no gold source, right when
// the found quote has none either.
func polnearSpeaker(d *doc.Document, g goldQuote, q doc.Quote) bool {
	if len(g.source) == 0 {
		return q.Source.IsZero()
	}
	if overlaps(span(q.Source), g.source) {
		return true
	}
	if q.Speaker >= 0 && q.Speaker < len(d.Entities) {
		for _, mi := range d.Entities[q.Speaker].Mentions {
			if overlaps([]doc.Span{d.Mentions[mi].Span}, g.source) {
				return true
			}
		}
	}
	return false
}

// TempEval scores temporal expressions: relaxed (overlapping) and strict
// (same span) matches, and matches with the same value.
func TempEval(path string, p *pipeline.Pipeline) (Result, error) {
	gs, ds, err := loadAndAnalyse(path, p, func(g gold.TempEvalDoc) gold.Input { return g.Input })
	if err != nil {
		return Result{}, err
	}
	var relaxed, strict, value PRF
	for k, d := range ds {
		gt := gs[k].Timex
		var pairs []pair
		for i, g := range gt {
			for j, t := range d.Timexes {
				if overlaps([]doc.Span{{Start: g.Start, End: g.End}}, []doc.Span{t.Span}) {
					pairs = append(pairs, pair{1, i, j})
				}
			}
		}
		m := greedy(pairs)
		relaxed.TP += len(m)
		for _, ij := range m {
			g, t := gt[ij[0]], d.Timexes[ij[1]]
			if g.Value == t.Value {
				value.TP++
			}
			if g.Start == t.Start && g.End == t.End {
				strict.TP++
			}
		}
		for _, m := range []*PRF{&relaxed, &strict, &value} {
			m.Pred += len(d.Timexes)
			m.Gold += len(gt)
		}
	}
	r := Result{Task: "tempeval", Docs: len(ds)}
	r.add("relaxed", relaxed)
	r.add("strict", strict)
	r.add("value", value)
	return r, nil
}

// Plover scores event types on the PLOVER sentences: a gold event is found
// when an event of its type is; its actor too when one of those events has
// an actor whose name or text holds a gold actor or is held by one (after
// norm), or the gold event has no actor.
func Plover(path string, p *pipeline.Pipeline) (Result, error) {
	gs, ds, err := loadAndAnalyse(path, p, func(g gold.PloverDoc) gold.Input { return g.Input })
	if err != nil {
		return Result{}, err
	}
	var typ, actor PRF
	for k, d := range ds {
		typ.Gold += len(gs[k].Events)
		typ.Pred += len(d.Events)
		for _, e := range gs[k].Events {
			var hit []doc.Event
			for _, x := range d.Events {
				if x.Type == e.Type {
					hit = append(hit, x)
				}
			}
			if len(hit) == 0 {
				continue
			}
			typ.TP++
			found := map[string]bool{}
			for _, x := range hit {
				for _, a := range x.Actor {
					found[norm(a.Name)] = true
					found[norm(a.Text)] = true
				}
			}
			delete(found, "")
			if len(e.Actor) == 0 {
				actor.TP++
				continue
			}
		actors:
			for _, ga := range e.Actor {
				g := norm(ga)
				for f := range found {
					if strings.Contains(f, g) || strings.Contains(g, f) {
						actor.TP++
						break actors
					}
				}
			}
		}
	}
	actor.Pred, actor.Gold = typ.Pred, typ.Gold
	r := Result{Task: "plover", Docs: len(ds)}
	r.add("type", typ)
	r.add("type_and_actor", actor)
	return r, nil
}

// gumTypes maps entity types to GUM's mention types; others are not scored.
var gumTypes = map[doc.EntityType]string{doc.Person: "person", "PER": "person", doc.Org: "organization", doc.GPE: "place", doc.LOC: "place"}

// GUM scores the actors layer on GUM: the named person, organisation and
// place mentions of gold against the found entities' mentions (overlapping,
// nearest first; typed and untyped), and coreference as pairs of matched
// mentions that gold and the found entities put together.
func GUM(path string, p *pipeline.Pipeline) (Result, error) {
	gs, ds, err := loadAndAnalyse(path, p, func(g gold.GUMDoc) gold.Input { return g.Input })
	if err != nil {
		return Result{}, err
	}
	type found struct {
		doc.Span
		typ    string
		entity int
	}
	var typed, untyped, links PRF
	for k, d := range ds {
		var gm []doc.Span
		var gtype, gcluster []string
		for _, m := range gs[k].Mentions {
			if m.Named && (m.Type == "person" || m.Type == "organization" || m.Type == "place") {
				gm = append(gm, doc.Span{Start: m.Start, End: m.End})
				gtype = append(gtype, m.Type)
				gcluster = append(gcluster, m.Cluster)
			}
		}
		var pm []found
		for ei, e := range d.Entities {
			t, ok := gumTypes[doc.EntityType(strings.ToUpper(string(e.Type)))]
			if !ok {
				continue
			}
			for _, mi := range e.Mentions {
				pm = append(pm, found{d.Mentions[mi].Span, t, ei})
			}
		}
		typed.Gold += len(gm)
		typed.Pred += len(pm)
		close := func(g doc.Span, f found) float64 {
			return 1 / float64(1+abs(g.Start-f.Start)+abs(g.End-f.End))
		}
		var all, same []pair
		for i, g := range gm {
			for j, f := range pm {
				if g.Overlaps(f.Span) {
					all = append(all, pair{close(g, f), i, j})
					if gtype[i] == f.typ {
						same = append(same, pair{close(g, f), i, j})
					}
				}
			}
		}
		mu := greedy(all)
		untyped.TP += len(mu)
		typed.TP += len(greedy(same))
		for a := range mu {
			for b := a + 1; b < len(mu); b++ {
				gsame := gcluster[mu[a][0]] == gcluster[mu[b][0]]
				psame := pm[mu[a][1]].entity == pm[mu[b][1]].entity
				if gsame {
					links.Gold++
				}
				if psame {
					links.Pred++
				}
				if gsame && psame {
					links.TP++
				}
			}
		}
	}
	untyped.Pred, untyped.Gold = typed.Pred, typed.Gold
	r := Result{Task: "gum", Docs: len(ds)}
	r.add("mentions_typed", typed)
	r.add("mentions_untyped", untyped)
	r.add("coref_links", links)
	return r, nil
}

// loadAndAnalyse reads a gold file and analyses its documents.
func loadAndAnalyse[T any](path string, p *pipeline.Pipeline, input func(T) gold.Input) ([]T, []*doc.Document, error) {
	gs, err := gold.Load[T](path)
	if err != nil {
		return nil, nil, err
	}
	in := make([]gold.Input, len(gs))
	for k, g := range gs {
		in[k] = input(g)
	}
	ds, err := analyse(p, in)
	return gs, ds, err
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}
