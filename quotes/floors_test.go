package quotes_test

import (
	"os"
	"testing"

	"github.com/dossier-news/dossier/analyze"
	"github.com/dossier-news/dossier/doc"
	"github.com/dossier-news/dossier/gold"
)

// TestPolNeARFloors holds the stage to the floors its issue sets on
// PolNeAR dev, counted as score.py's exact_* measures count them: per
// role, the set of a document's spans trimmed of blanks, quotation marks
// and edge punctuation, found against gold. score.py stays the
// independent measure; this test makes a change that sinks a figure below
// its floor fail here first. The floors are the musts, not the
// figures of the day, so that tuning does not turn every run red.
func TestPolNeARFloors(t *testing.T) {
	const path = "../../shared/gold/polnear/dev.jsonl"
	if _, err := os.Stat(path); err != nil {
		t.Skip("../shared/gold not found: gold-data tests need the shared folder beside the checkout")
	}
	p := analyze.Default()
	roles := []string{"source", "cue", "content"}
	var tp, npred, ngold [3]int
	err := gold.EachPolNeAR(path, func(g gold.PolNeARDoc) error {
		d := doc.New(g.ID, g.Text)
		if err := p.Process(d); err != nil {
			return err
		}
		trim := func(s doc.Span) doc.Span {
			if a, b := gold.ExactTrim(d.Text, s.Start, s.End); b > a {
				return doc.Span{Start: a, End: b}
			}
			return doc.Span{}
		}
		for ri := range roles {
			gs, ps := map[doc.Span]bool{}, map[doc.Span]bool{}
			for _, a := range g.Attributions {
				spans := [][]gold.Span{a.Source, a.Cue, a.Content}[ri]
				if len(spans) == 0 {
					continue
				}
				h := doc.Span{Start: spans[0].Start, End: spans[0].End}
				for _, s := range spans[1:] {
					h.Start, h.End = min(h.Start, s.Start), max(h.End, s.End)
				}
				if s := trim(h); !s.IsZero() {
					gs[s] = true
				}
			}
			for _, q := range d.Quotes {
				s := [3]doc.Span{q.Source, q.Cue, q.Content}[ri]
				if s.IsZero() {
					continue
				}
				if s = trim(s); !s.IsZero() {
					ps[s] = true
				}
			}
			for s := range ps {
				if gs[s] {
					tp[ri]++
				}
			}
			npred[ri] += len(ps)
			ngold[ri] += len(gs)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	floors := []float64{75, 70, 60}
	for ri, role := range roles {
		f1 := 200 * float64(tp[ri]) / float64(npred[ri]+ngold[ri])
		t.Logf("exact_%s F1 %.1f (tp %d, found %d, gold %d; floor %.0f)", role, f1, tp[ri], npred[ri], ngold[ri], floors[ri])
		if f1 < floors[ri] {
			t.Errorf("exact_%s F1 %.1f is under the issue's floor of %.0f", role, f1, floors[ri])
		}
	}
}
