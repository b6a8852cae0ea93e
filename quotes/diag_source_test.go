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

// TestDiagSources is a development diagnostic, not a check: with
// DOSSIER_DIAG=1 it scores source, cue and content spans on PolNeAR dev as
// score.py's exact_* measures do (a set of trimmed spans per document) and
// sorts every source miss into classes:
//
//	long-*, short-*, cross   a predicted source overlapping a gold one
//	wrong-head-cue           the attribution's cue is gold's, its source elsewhere
//	wrong-head               the same, the attribution matched by its content
//	gold-sourceless          PolNeAR's attribution has no source
//	no-gold-att              no gold attribution at all
//	missed-cue-found         a gold source never produced, its cue found
//	missed-att-found         the same, an overlapping content found
//	missed-sourceless-pred   the attribution found with no source
//	missed-no-att            the attribution not found
//
// It also prints the share of right sources by quote confidence. SHOW=class
// prints that class's cases, one a line: [[predicted]] {{gold}} <<cue>>
// (SHOW=ok the right ones, SHOW=all every miss); GOLD=path reads another
// PolNeAR file (train.jsonl, to check a rule is general).
//
//	DOSSIER_DIAG=1 SHOW=long-right go test ./quotes -run DiagSources -v
func TestDiagSources(t *testing.T) {
	path := diagGold(t, "../../shared/gold/polnear/dev.jsonl")
	show := os.Getenv("SHOW")
	buckets := map[string]*[2]int{}
	classes := map[string]int{}
	tp, npred, ngold := 0, 0, 0
	var ctp, cpred, cgold, xtp, xpred, xgold int
	err := gold.EachPolNeAR(path, func(g gold.PolNeARDoc) error {
		d := doc.New(g.ID, g.Text)
		text.Analyze(d)
		Analyze(d)
		trim := func(s doc.Span) doc.Span { return exactSpan(d, s) }
		type gatt struct{ src, cue, content doc.Span }
		var gs []gatt
		gset := map[doc.Span]bool{}
		for _, a := range g.Attributions {
			var x gatt
			if len(a.Source) > 0 {
				x.src = trim(hull(a.Source))
				if !x.src.IsZero() {
					gset[x.src] = true
				}
			}
			if len(a.Cue) > 0 {
				x.cue = hull(a.Cue)
			}
			if len(a.Content) > 0 {
				x.content = hull(a.Content)
			}
			gs = append(gs, x)
		}
		// exact_cue and exact_content, as score.py counts them
		for _, role := range []int{0, 1} {
			gx, px := map[doc.Span]bool{}, map[doc.Span]bool{}
			for _, a := range g.Attributions {
				r := a.Cue
				if role == 1 {
					r = a.Content
				}
				if len(r) > 0 {
					if s := trim(hull(r)); !s.IsZero() {
						gx[s] = true
					}
				}
			}
			for _, q := range d.Quotes {
				r := q.Cue
				if role == 1 {
					r = q.Content
				}
				if !r.IsZero() {
					if s := trim(r); !s.IsZero() {
						px[s] = true
					}
				}
			}
			n := 0
			for s := range px {
				if gx[s] {
					n++
				}
			}
			if role == 0 {
				ctp, cpred, cgold = ctp+n, cpred+len(px), cgold+len(gx)
			} else {
				xtp, xpred, xgold = xtp+n, xpred+len(px), xgold+len(gx)
			}
		}
		pset := map[doc.Span]doc.Quote{}
		for _, q := range d.Quotes {
			if q.Source.IsZero() {
				continue
			}
			if s := trim(q.Source); !s.IsZero() {
				pset[s] = q
			}
		}
		ctxOf := func(s doc.Span) string {
			si := d.SentenceAt(s.Start)
			if si < 0 {
				return ""
			}
			return d.Text[d.Sentences[si].Start:d.Sentences[si].End]
		}
		mark := func(sent doc.Span, p, g, cue doc.Span) string {
			type ins struct {
				at  int
				s   string
				ord int
			}
			var is []ins
			if !p.IsZero() {
				is = append(is, ins{p.Start, "[[", 1}, ins{p.End, "]]", 0})
			}
			if !g.IsZero() {
				is = append(is, ins{g.Start, "{{", 2}, ins{g.End, "}}", -1})
			}
			if !cue.IsZero() {
				is = append(is, ins{cue.Start, "<<", 3}, ins{cue.End, ">>", -2})
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
		sentSpan := func(s doc.Span) doc.Span {
			si := d.SentenceAt(s.Start)
			if si < 0 {
				return s
			}
			ss := d.Sentences[si].Span
			if sj := d.SentenceAt(max(s.End-1, s.Start)); sj > si {
				ss.End = d.Sentences[sj].End
			}
			return ss
		}
		_ = ctxOf
		report := func(cls string, p, gsrc, cue doc.Span) {
			classes[cls]++
			if show == cls || show == "all" {
				u := p
				if u.IsZero() {
					u = gsrc
				} else if !gsrc.IsZero() {
					u = doc.Span{Start: min(p.Start, gsrc.Start), End: max(p.End, gsrc.End)}
				}
				fmt.Printf("%s\t%s\n", cls, mark(sentSpan(u), p, gsrc, cue))
			}
		}
		for s := range gset {
			ngold++
			if _, ok := pset[s]; ok {
				tp++
			}
		}
		npred += len(pset)
		// predicted sources that miss
		for s, q := range pset {
			b := fmt.Sprintf("c%.2f", float64(int(q.Confidence*10))/10)
			if buckets[b] == nil {
				buckets[b] = &[2]int{}
			}
			buckets[b][1]++
			if gset[s] {
				buckets[b][0]++
			}
			if gset[s] {
				if show == "ok" {
					report("ok", s, s, q.Cue)
				}
				continue
			}
			// the gold attribution this quote reports: same cue, else
			// overlapping content
			gi, byCue := -1, true
			for i, x := range gs {
				if !x.cue.IsZero() && !q.Cue.IsZero() && x.cue.Overlaps(q.Cue) {
					gi = i
					break
				}
			}
			if gi < 0 {
				byCue = false
				for i, x := range gs {
					if !x.content.IsZero() && x.content.Overlaps(q.Content) {
						gi = i
						break
					}
				}
			}
			var ov doc.Span
			if gi >= 0 && gs[gi].src.Overlaps(s) {
				ov = gs[gi].src
			} else {
				for g := range gset {
					if g.Overlaps(s) {
						ov = g
						break
					}
				}
			}
			switch {
			case !ov.IsZero() && s.Start <= ov.Start && ov.End <= s.End:
				cls := "long"
				if s.Start < ov.Start {
					cls += "-left"
				}
				if ov.End < s.End {
					cls += "-right"
				}
				report(cls, s, ov, q.Cue)
			case !ov.IsZero() && ov.Start <= s.Start && s.End <= ov.End:
				cls := "short"
				if ov.Start < s.Start {
					cls += "-left"
				}
				if s.End < ov.End {
					cls += "-right"
				}
				report(cls, s, ov, q.Cue)
			case !ov.IsZero():
				report("cross", s, ov, q.Cue)
			case gi >= 0 && gs[gi].src.IsZero():
				report("gold-sourceless", s, doc.Span{}, q.Cue)
			case gi >= 0 && byCue:
				report("wrong-head-cue", s, gs[gi].src, q.Cue)
			case gi >= 0:
				report("wrong-head", s, gs[gi].src, q.Cue)
			default:
				report("no-gold-att", s, doc.Span{}, q.Cue)
			}
		}
		// gold sources never produced
		for i, x := range gs {
			if x.src.IsZero() || pset[x.src].Content.End > 0 {
				continue
			}
			_ = i
			seenDup := false
			for j := 0; j < i; j++ {
				if gs[j].src == x.src {
					seenDup = true
				}
			}
			if seenDup {
				continue
			}
			overlapped := false
			for s := range pset {
				if s.Overlaps(x.src) {
					overlapped = true
				}
			}
			if overlapped {
				continue // counted above as long/short/cross
			}
			found, cueFound := false, false
			var fq doc.Quote
			for _, q := range d.Quotes {
				if !x.cue.IsZero() && !q.Cue.IsZero() && x.cue.Overlaps(q.Cue) {
					found, cueFound, fq = true, true, q
					break
				}
			}
			for _, q := range d.Quotes {
				if !found && q.Content.Overlaps(x.content) && !x.content.IsZero() {
					found = true
					fq = q
					break
				}
			}
			switch {
			case found && fq.Source.IsZero():
				report("missed-sourceless-pred", doc.Span{}, x.src, x.cue)
			case cueFound:
				report("missed-cue-found", fq.Source, x.src, x.cue)
			case found:
				report("missed-att-found", doc.Span{}, x.src, x.cue)
			default:
				report("missed-no-att", doc.Span{}, x.src, x.cue)
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	var bk []string
	for k := range buckets {
		bk = append(bk, k)
	}
	sort.Strings(bk)
	for _, k := range bk {
		fmt.Printf("bucket %-10s ok=%d all=%d %.0f%%\n", k, buckets[k][0], buckets[k][1], 100*float64(buckets[k][0])/float64(buckets[k][1]))
	}
	fmt.Printf("exact_source tp=%d pred=%d gold=%d\n", tp, npred, ngold)
	fmt.Printf("exact_cue tp=%d pred=%d gold=%d\n", ctp, cpred, cgold)
	fmt.Printf("exact_content tp=%d pred=%d gold=%d\n", xtp, xpred, xgold)
	var ks []string
	for k := range classes {
		ks = append(ks, k)
	}
	sort.Slice(ks, func(i, j int) bool { return classes[ks[i]] > classes[ks[j]] })
	for _, k := range ks {
		fmt.Printf("%-24s %d\n", k, classes[k])
	}
}

// TestDiagShow prints the quotes of the text in $QTEXT (a development aid).
func TestDiagShow(t *testing.T) {
	s := os.Getenv("QTEXT")
	if s == "" {
		t.Skip("a development aid: set QTEXT to a text")
	}
	d := extract(s)
	for _, q := range d.Quotes {
		fmt.Printf("%s cue=%q src=%q | %q\n", q.Kind, d.Slice(q.Cue), d.Slice(q.Source), d.Slice(q.Content))
	}
}

func TestDiagTokens(t *testing.T) {
	s := os.Getenv("QTOK")
	if s == "" {
		t.Skip("a development aid: set QTOK to a text")
	}
	d := extract(s)
	for _, tk := range d.Tokens {
		fmt.Printf("%q ", d.Text[tk.Start:tk.End])
	}
	fmt.Println()
}
