package quotes

import (
	"fmt"
	"os"
	"sort"
	"strings"
	"testing"

	"github.com/dossier-news/dossier/doc"
	"github.com/dossier-news/dossier/gold"
	"github.com/dossier-news/dossier/text"
)

// TestDiagCues is a development diagnostic, not a check: with
// DOSSIER_DIAG=1 it scores cue spans on PolNeAR as score.py's exact_cue
// does (a set of trimmed spans per document) and sorts every miss:
//
//	long-*, short-*, cross   a predicted cue overlapping a gold one, with
//	                         the words it has too many or too few
//	fp                       a predicted cue no gold cue overlaps (by head)
//	missed                   a gold cue no predicted cue overlaps (by word)
//
// The boundary classes are also counted by the words that differ
// ("right+ of": a predicted cue with "of" after gold's end). SHOW=class
// prints the class's cases, one a line: [[predicted]] {{gold}};
// GOLD=path reads another PolNeAR file (train.jsonl).
//
//	DOSSIER_DIAG=1 SHOW=long-right go test ./quotes -run DiagCues -v
func TestDiagCues(t *testing.T) {
	path := diagGold(t, "../../shared/gold/polnear/dev.jsonl")
	show := os.Getenv("SHOW")
	classes := map[string]int{}
	diffs := map[string]int{}
	fps := map[string]int{}
	misses := map[string]int{}
	tp, npred, ngold := 0, 0, 0
	err := gold.EachPolNeAR(path, func(g gold.PolNeARDoc) error {
		d := doc.New(g.ID, g.Text)
		text.Analyze(d)
		Analyze(d)
		trim := func(s doc.Span) doc.Span { return exactSpan(d, s) }
		gset := map[doc.Span]bool{}
		for _, a := range g.Attributions {
			if len(a.Cue) > 0 {
				if s := trim(hull(a.Cue)); !s.IsZero() {
					gset[s] = true
				}
			}
		}
		pset := map[doc.Span]bool{}
		for _, q := range d.Quotes {
			if !q.Cue.IsZero() {
				if s := trim(q.Cue); !s.IsZero() {
					pset[s] = true
				}
			}
		}
		ngold += len(gset)
		npred += len(pset)
		sentOf := func(s doc.Span) string {
			si := d.SentenceAt(s.Start)
			if si < 0 {
				return ""
			}
			sp := d.Sentences[si].Span
			if sj := d.SentenceAt(max(s.End-1, s.Start)); sj > si {
				sp.End = d.Sentences[sj].End
			}
			return strings.ReplaceAll(d.Text[sp.Start:sp.End], "\n", " ")
		}
		mark := func(p, gs doc.Span) string {
			u := p
			if u.IsZero() {
				u = gs
			}
			si := d.SentenceAt(u.Start)
			if si < 0 {
				return ""
			}
			sent := d.Sentences[si].Span
			type ins struct {
				at, ord int
				s       string
			}
			var is []ins
			if !p.IsZero() {
				is = append(is, ins{p.Start, 1, "[["}, ins{p.End, 0, "]]"})
			}
			if !gs.IsZero() {
				is = append(is, ins{gs.Start, 2, "{{"}, ins{gs.End, -1, "}}"})
			}
			sort.Slice(is, func(i, j int) bool {
				if is[i].at != is[j].at {
					return is[i].at > is[j].at
				}
				return is[i].ord < is[j].ord
			})
			t := d.Text[sent.Start:sent.End]
			for _, x := range is {
				if x.at >= sent.Start && x.at <= sent.End {
					o := x.at - sent.Start
					t = t[:o] + x.s + t[o:]
				}
			}
			return strings.ReplaceAll(t, "\n", " ")
		}
		_ = sentOf
		words := func(s, e int) string {
			if e <= s {
				return ""
			}
			return strings.ToLower(strings.Join(strings.Fields(d.Text[s:e]), " "))
		}
		report := func(cls string, p, gs doc.Span) {
			classes[cls]++
			if show == cls || show == "all" || show == "bound" && cls != "fp" && cls != "missed" {
				fmt.Printf("%s\t%s\n", cls, mark(p, gs))
			}
		}
		for s := range pset {
			if gset[s] {
				tp++
				if show == "ok" {
					fmt.Printf("ok\t%s\n", mark(s, s))
				}
				continue
			}
			var ov doc.Span
			for g := range gset {
				if g.Overlaps(s) && !pset[g] {
					ov = g
					break
				}
			}
			if ov.IsZero() {
				ts := d.TokensIn(s)
				w := "?"
				if ts.End > ts.First {
					w = strings.ToLower(d.Text[d.Tokens[ts.First].Start:d.Tokens[ts.First].End])
				}
				fps[w]++
				report("fp", s, doc.Span{})
				continue
			}
			cls := "cross"
			switch {
			case s.Start <= ov.Start && ov.End <= s.End:
				cls = "long"
				if s.Start < ov.Start {
					cls += "-left"
					diffs["left+ "+words(s.Start, ov.Start)]++
				}
				if ov.End < s.End {
					cls += "-right"
					diffs["right+ "+words(ov.End, s.End)]++
				}
			case ov.Start <= s.Start && s.End <= ov.End:
				cls = "short"
				if ov.Start < s.Start {
					cls += "-left"
					diffs["left- "+words(ov.Start, s.Start)]++
				}
				if s.End < ov.End {
					cls += "-right"
					diffs["right- "+words(s.End, ov.End)]++
				}
			}
			report(cls, s, ov)
		}
		for g := range gset {
			if pset[g] {
				continue
			}
			hit := false
			for s := range pset {
				if s.Overlaps(g) {
					hit = true
				}
			}
			if hit {
				continue
			}
			ts := d.TokensIn(g)
			w := "?"
			if ts.End > ts.First {
				w = strings.ToLower(d.Text[d.Tokens[ts.First].Start:d.Tokens[ts.First].End])
			}
			misses[w]++
			report("missed", doc.Span{}, g)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	fmt.Printf("exact_cue tp=%d pred=%d gold=%d\n", tp, npred, ngold)
	top := func(name string, m map[string]int, n int) {
		type kv struct {
			k string
			v int
		}
		var xs []kv
		tot := 0
		for k, v := range m {
			xs = append(xs, kv{k, v})
			tot += v
		}
		sort.Slice(xs, func(i, j int) bool { return xs[i].v > xs[j].v || xs[i].v == xs[j].v && xs[i].k < xs[j].k })
		fmt.Printf("%s (%d):", name, tot)
		for _, x := range xs[:min(n, len(xs))] {
			fmt.Printf(" %q:%d", x.k, x.v)
		}
		fmt.Println()
	}
	top("classes", classes, 20)
	top("boundary words", diffs, 60)
	top("false positives by head", fps, 50)
	top("missed by first word", misses, 60)
}

// TestDiagHeads is a development diagnostic: with DOSSIER_DIAG=1 it
// writes, for every cue candidate of a PolNeAR file (GOLD=path, dev by
// default), one line: head word, gold label (1: a gold cue overlaps the
// head), model score, emitted (1: a quote's cue overlaps the head). OUT=path
// names the file (default /tmp/heads.tsv).
func TestDiagHeads(t *testing.T) {
	path := diagGold(t, "../../shared/gold/polnear/dev.jsonl")
	out := os.Getenv("OUT")
	if out == "" {
		out = "/tmp/heads.tsv"
	}
	f, err := os.Create(out)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	m := loadModels()
	err = gold.EachPolNeAR(path, func(g gold.PolNeARDoc) error {
		d := doc.New(g.ID, g.Text)
		text.Analyze(d)
		Analyze(d)
		c := newCtx(d)
		var gc []doc.Span
		for _, a := range g.Attributions {
			if len(a.Cue) > 0 {
				gc = append(gc, hull(a.Cue))
			}
		}
		c.eachCandidate(m, func(k, a, b int, sc float32, _ bool) {
			head := d.Tokens[k].Span
			lab, em := 0, 0
			for _, x := range gc {
				if x.Overlaps(head) {
					lab = 1
				}
			}
			for _, q := range d.Quotes {
				if q.Cue.Overlaps(head) {
					em = 1
				}
			}
			fmt.Fprintf(f, "%s\t%d\t%.2f\t%d\t%s\n", c.low[k], lab, sc, em, g.ID)
		})
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}
