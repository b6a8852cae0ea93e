package quotes

import (
	"fmt"
	"os"
	"sort"
	"testing"

	"github.com/dossier-news/dossier/doc"
	"github.com/dossier-news/dossier/gold"
	"github.com/dossier-news/dossier/text"
)

// TestDiagCandidates is a development diagnostic, not a check: with
// DOSSIER_DIAG=1 it prints, for PolNeAR dev, what became of each cue
// candidate (gold cue or not; accepted by the cue model or not; emitted or
// not), by head word, and the gold cues no candidate reached. With
// SHOWST=acc|rej SHOWLAB=pos|neg it also prints those candidates' sentences.
//
//	DOSSIER_DIAG=1 go test ./quotes -run DiagCandidates -v
func TestDiagCandidates(t *testing.T) {
	dev := diagGold(t, "../../shared/gold/polnear/dev.jsonl")
	m := loadModels()
	fate := map[string]map[string]int{}
	add := func(w, k string) {
		if fate[w] == nil {
			fate[w] = map[string]int{}
		}
		fate[w][k]++
	}
	tot := map[string]int{}
	err := gold.EachPolNeAR(dev, func(g gold.PolNeARDoc) error {
		d := doc.New(g.ID, g.Text)
		text.Analyze(d)
		Analyze(d)
		emitted := d.Quotes
		c := newCtx(d)
		var gold []doc.Span
		for _, a := range g.Attributions {
			if len(a.Cue) > 0 && len(a.Content) > 0 {
				gold = append(gold, hull(a.Cue))
			}
		}
		seen := make([]bool, len(gold))
		c.eachCandidate(m, func(k, a, b int, scv float32, _ bool) {
			head := d.Tokens[k].Span
			gi := -1
			for i, x := range gold {
				if x.Overlaps(head) {
					gi = i
				}
			}
			em := false
			for _, q := range emitted {
				if q.Cue.Overlaps(head) {
					em = true
				}
			}
			w := c.low[k]
			tot[w]++
			lab := "neg"
			if gi >= 0 {
				lab = "pos"
				seen[gi] = true
			}
			st := "rej"
			if scv > 0 {
				st = "acc"
			}
			if em {
				st += "+emit"
			}
			add(w, lab+":"+st)
			if os.Getenv("SHOWST") != "" && st == os.Getenv("SHOWST") && lab == os.Getenv("SHOWLAB") {
				fmt.Printf("SHOW %q %.2f :: %s [[%s]] %s\n", w, scv, d.Text[d.Tokens[a].Start:d.Tokens[k].Start], w, d.Text[d.Tokens[k].End:d.Tokens[b-1].End])
			}
		})
		for i, s := range gold {
			if !seen[i] {
				ts := d.TokensIn(s)
				w := "?"
				if ts.End > ts.First {
					w = c.low[ts.First]
				}
				add("<nocand>", w)
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	type kv struct {
		k string
		v int
	}
	var ws []kv
	for w, n := range tot {
		ws = append(ws, kv{w, n})
	}
	sort.Slice(ws, func(i, j int) bool { return ws[i].v > ws[j].v })
	agg := map[string]int{}
	for w, mm := range fate {
		if w == "<nocand>" {
			continue
		}
		for k, v := range mm {
			agg[k] += v
		}
	}
	fmt.Println("aggregate", agg)
	for _, x := range ws[:80] {
		fmt.Println(x.k, x.v, fate[x.k])
	}
	var nc []kv
	for k, v := range fate["<nocand>"] {
		nc = append(nc, kv{k, v})
	}
	sort.Slice(nc, func(i, j int) bool { return nc[i].v > nc[j].v })
	n := 0
	for _, x := range nc {
		n += x.v
	}
	fmt.Println("no candidate", n, nc[:min(60, len(nc))])
}
