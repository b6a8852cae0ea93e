package link

import (
	"bufio"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"testing"

	"github.com/dossier-news/dossier/analyze"
	"github.com/dossier-news/dossier/doc"
)

// The gold harness: it runs the default pipeline on the gold corpora of
// ../shared/gold, links the documents in file order and scores the links
// by the rules of ../shared/tools/score.py (task corpus). It runs only when
// LINK_GOLD is set (it takes a while):
//
//	LINK_GOLD=1 go test ./link -run Gold -v
//
// LINK_GOLD=cv selects the story threshold by 5-fold cross-validation over
// the topics of ecbplus/train.jsonl; LINK_GOLD=dev scores the dev files.

type goldMention struct {
	Start, End int
	Chain      string
	Type       string
	Named      bool
}

type goldDoc struct {
	ID          string
	Text        string
	Published   string
	Topic       string
	Story       string
	DuplicateOf string `json:"duplicate_of"`
	Mentions    []goldMention
	d           *doc.Document
	f           *Features
}

func goldDir() string { return filepath.Join("..", "..", "shared", "gold") }

func readGold(t *testing.T, name string) []*goldDoc {
	t.Helper()
	path := filepath.Join(goldDir(), name)
	fh, err := os.Open(path)
	if err != nil {
		t.Skipf("no gold file %s: %v", path, err)
	}
	defer fh.Close()
	var docs []*goldDoc
	sc := bufio.NewScanner(fh)
	sc.Buffer(make([]byte, 1<<20), 1<<26)
	p := analyze.Default()
	for sc.Scan() {
		var g goldDoc
		if err := json.Unmarshal(sc.Bytes(), &g); err != nil {
			t.Fatal(err)
		}
		g.d = doc.New(g.ID, g.Text)
		g.d.Published = g.Published
		if err := p.Process(g.d); err != nil {
			t.Fatalf("%s: %v", g.ID, err)
		}
		g.f = FeaturesOf(g.d)
		docs = append(docs, &g)
	}
	return docs
}

// linkAll links docs in order with cfg and returns each document's links.
func linkAll(docs []*goldDoc, cfg Config) []Links {
	l := New(cfg)
	out := make([]Links, len(docs))
	for i, g := range docs {
		out[i] = l.Link(g.f)
	}
	return out
}

type prf struct{ tp, pred, gold int }

func (s prf) String() string {
	p, r := ratio(s.tp, s.pred), ratio(s.tp, s.gold)
	return fmt.Sprintf("P %.1f R %.1f F1 %.1f (tp %d, pred %d, gold %d)", 100*p, 100*r, 100*f1(p, r), s.tp, s.pred, s.gold)
}
func (s prf) F1() float64 { return f1(ratio(s.tp, s.pred), ratio(s.tp, s.gold)) }

func ratio(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}
func f1(p, r float64) float64 {
	if p+r == 0 {
		return 0
	}
	return 2 * p * r / (p + r)
}

// bcubed returns B-cubed precision, recall and F1 of pred against gold.
func bcubed(gold, pred []string) (float64, float64, float64) {
	g, p, j := map[string]int{}, map[string]int{}, map[[2]string]int{}
	for i := range gold {
		g[gold[i]]++
		p[pred[i]]++
		j[[2]string{gold[i], pred[i]}]++
	}
	var bp, br float64
	for i := range gold {
		n := float64(j[[2]string{gold[i], pred[i]}])
		bp += n / float64(p[pred[i]])
		br += n / float64(g[gold[i]])
	}
	n := float64(len(gold))
	bp, br = bp/n, br/n
	return bp, br, f1(bp, br)
}

func storyScore(docs []*goldDoc, ln []Links) (float64, float64, float64) {
	var gold, pred []string
	for i, g := range docs {
		gold = append(gold, g.Story)
		pred = append(pred, ln[i].Story)
	}
	return bcubed(gold, pred)
}

var actorTypes = map[string]bool{"HUMAN_PART_PER": true, "HUMAN_PART_ORG": true, "HUMAN_PART_GPE": true, "LOC_GEO": true, "LOC_FAC": true}

type scoredMention struct {
	doc, topic, chain, actor string
	named, matched           bool
	text                     string
}

// actorMentions matches gold actor mentions to entity mentions one to one
// by overlap, nearest spans first, as score.py does.
func actorMentions(docs []*goldDoc, ln []Links) []scoredMention {
	chainDocs := map[string]map[string]bool{}
	for _, g := range docs {
		for _, m := range g.Mentions {
			if actorTypes[m.Type] {
				k := g.Topic + "/" + m.Chain
				if chainDocs[k] == nil {
					chainDocs[k] = map[string]bool{}
				}
				chainDocs[k][g.ID] = true
			}
		}
	}
	var out []scoredMention
	for di, g := range docs {
		var gm []goldMention
		for _, m := range g.Mentions {
			if actorTypes[m.Type] && len(chainDocs[g.Topic+"/"+m.Chain]) > 1 {
				gm = append(gm, m)
			}
		}
		type pm struct {
			s, e  int
			actor string
		}
		var pms []pm
		for ei, e := range g.d.Entities {
			for _, mi := range e.Mentions {
				m := g.d.Mentions[mi]
				pms = append(pms, pm{m.Start, m.End, ln[di].Actors[ei]})
			}
		}
		type cand struct {
			c    float64
			i, j int
		}
		var cs []cand
		for i, x := range gm {
			for j, y := range pms {
				if x.Start < y.e && y.s < x.End {
					cs = append(cs, cand{1 / float64(1+abs(x.Start-y.s)+abs(x.End-y.e)), i, j})
				}
			}
		}
		sort.SliceStable(cs, func(a, b int) bool { return cs[a].c > cs[b].c })
		ui, uj := map[int]int{}, map[int]bool{}
		for _, c := range cs {
			if _, ok := ui[c.i]; ok || uj[c.j] {
				continue
			}
			ui[c.i] = c.j
			uj[c.j] = true
		}
		for i, m := range gm {
			s := scoredMention{doc: g.ID, topic: g.Topic, chain: g.Topic + "/" + m.Chain, named: m.Named, text: g.Text[m.Start:m.End]}
			if j, ok := ui[i]; ok {
				s.matched, s.actor = true, g.Topic+"/"+pms[j].actor
			}
			out = append(out, s)
		}
	}
	return out
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}

func pairs(n int) int { return n * (n - 1) / 2 }

// crossDoc counts pairs of mentions in different documents: tp (same
// chain and same actor), predicted (same actor), gold (same chain).
func crossDoc(ms []scoredMention, namedOnly bool) prf {
	count := func(key func(m scoredMention) string) int {
		tot, per := map[string]int{}, map[string]int{}
		for _, m := range ms {
			if namedOnly && !m.named {
				continue
			}
			k := key(m)
			if k == "" {
				continue
			}
			tot[k]++
			per[k+"\x00"+m.doc]++
		}
		n := 0
		for _, v := range tot {
			n += pairs(v)
		}
		for _, v := range per {
			n -= pairs(v)
		}
		return n
	}
	return prf{
		tp:   count(func(m scoredMention) string { return map[bool]string{true: m.chain + "\x01" + m.actor}[m.matched] }),
		pred: count(func(m scoredMention) string { return map[bool]string{true: m.actor}[m.matched] }),
		gold: count(func(m scoredMention) string { return m.chain }),
	}
}

// dupeScore scores duplicate_of links: right when pointing into the copy's
// own family.
func dupeScore(docs []*goldDoc, ln []Links) (prf, int) {
	fam := map[string]string{}
	for _, g := range docs {
		fam[g.ID] = g.ID
		if g.DuplicateOf != "" {
			fam[g.ID] = fam[g.DuplicateOf]
		}
	}
	var s prf
	topicOf := map[string]string{}
	for i, g := range docs {
		topicOf[g.ID] = g.Topic
		if g.DuplicateOf != "" {
			s.gold++
		}
		if d := ln[i].DuplicateOf; d != "" {
			s.pred++
			if g.DuplicateOf != "" && fam[d] == fam[g.ID] {
				s.tp++
			}
		}
	}
	look := 0
	for i, g := range docs {
		if d := ln[i].DuplicateOf; d != "" && fam[d] != fam[g.ID] && g.Topic != "" && g.Topic == topicOf[d] {
			look++
		}
	}
	return s, look
}

func TestGoldDupes(t *testing.T) {
	if os.Getenv("LINK_GOLD") == "" {
		t.Skip("set LINK_GOLD=1 to score the gold corpora")
	}
	docs := readGold(t, "dupes/train.jsonl")
	for _, c := range []float64{0.3, 0.4, 0.5, 0.6, 0.7} {
		cfg := DefaultConfig()
		cfg.Copy.Containment = c
		ln := linkAll(docs, cfg)
		s, look := dupeScore(docs, ln)
		t.Logf("containment >= %.2f: duplicate links %v; look-alikes linked %d", c, s, look)
	}
	ln := linkAll(docs, DefaultConfig())
	for i, g := range docs {
		if (g.DuplicateOf != "") != (ln[i].DuplicateOf != "") {
			t.Logf("miss: %s gold %q found %q", g.ID, g.DuplicateOf, ln[i].DuplicateOf)
		}
	}
}

func storyCfg(th float64) Config {
	cfg := DefaultConfig()
	cfg.Story.Threshold = th
	return cfg
}

func reportECB(t *testing.T, name string, docs []*goldDoc, cfg Config) {
	ln := linkAll(docs, cfg)
	p, r, f := storyScore(docs, ln)
	ms := actorMentions(docs, ln)
	matched := 0
	for _, m := range ms {
		if m.matched {
			matched++
		}
	}
	t.Logf("%s: stories B3 P %.1f R %.1f F1 %.1f; actors named %v; all %v; gold mentions %d matched %d",
		name, 100*p, 100*r, 100*f, crossDoc(ms, true), crossDoc(ms, false), len(ms), matched)
}

func TestGoldECB(t *testing.T) {
	mode := os.Getenv("LINK_GOLD")
	if mode == "" {
		t.Skip("set LINK_GOLD=1 to score the gold corpora")
	}
	docs := readGold(t, "ecbplus/train.jsonl")
	ths := []float64{0.1, 0.15, 0.2, 0.25, 0.3, 0.35, 0.4}
	for _, th := range ths {
		reportECB(t, "train th "+strconv.FormatFloat(th, 'g', -1, 64), docs, storyCfg(th))
		cfg := storyCfg(th)
		cfg.Story.Protagonists = true
		reportECB(t, "train protagonists th "+strconv.FormatFloat(th, 'g', -1, 64), docs, cfg)
	}
	if mode == "grid" {
		for _, nw := range []float64{1, 2} {
			for _, hw := range []float64{0, 0.5, 1} {
				for _, qw := range []float64{0, 1, 2} {
					for _, nt := range []float64{0, 0.25, 0.5, 0.75} {
						for _, th := range ths {
							cfg := storyCfg(th)
							cfg.Story.Weights = map[byte]float64{'w': 1, 'n': nw, 's': nw, 'h': hw, 'q': qw, 't': qw}
							cfg.Story.Centroid = nt
							_, _, f := storyScore(docs, linkAll(docs, cfg))
							t.Logf("grid n %.1f h %.1f q %.1f centroid %.2f th %.2f: F1 %.1f", nw, hw, qw, nt, th, 100*f)
						}
					}
				}
			}
		}
	}
	if mode == "probe" {
		for _, pt := range []int{4, 6, 8, 12, 16, 24} {
			cfg := DefaultConfig()
			cfg.Story.ProbeTerms = pt
			reportECB(t, "probe "+strconv.Itoa(pt), docs, cfg)
		}
	}
	if mode == "cv" {
		var cfgs []Config
		for _, th := range []float64{0.1, 0.125, 0.15, 0.175, 0.2, 0.25} {
			for _, c := range []float64{0.5, 0.75, 1} {
				for _, q := range []float64{0, 2} {
					for _, h := range []bool{false, true} {
						cfg := storyCfg(th)
						cfg.Story.Protagonists = h
						cfg.Story.Centroid = c
						cfg.Story.Weights = map[byte]float64{'w': 1, 'n': 1, 's': 1, 'h': 0.5, 'q': q, 't': q}
						cfgs = append(cfgs, cfg)
					}
				}
			}
		}
		crossValidate(t, docs, cfgs)
	}
	if mode == "dev" {
		dev := readGold(t, "ecbplus/dev.jsonl")
		reportECB(t, "DEV", dev, DefaultConfig())
	}
}

// crossValidate picks the story threshold on four fifths of the topics and
// scores it on the fifth, for each fold; it logs the pooled out-of-fold
// B-cubed figures.
func crossValidate(t *testing.T, docs []*goldDoc, cfgs []Config) {
	var topics []string
	seen := map[string]bool{}
	for _, g := range docs {
		if !seen[g.Topic] {
			seen[g.Topic] = true
			topics = append(topics, g.Topic)
		}
	}
	const k = 5
	var gold, pred []string
	for fold := 0; fold < k; fold++ {
		in := map[string]bool{}
		for i, tp := range topics {
			if i%k == fold {
				in[tp] = true
			}
		}
		var train, test []*goldDoc
		for _, g := range docs {
			if in[g.Topic] {
				test = append(test, g)
			} else {
				train = append(train, g)
			}
		}
		best, bestF := 0, -1.0
		for i, cfg := range cfgs {
			if _, _, f := storyScore(train, linkAll(train, cfg)); f > bestF {
				best, bestF = i, f
			}
		}
		ln := linkAll(test, cfgs[best])
		for i, g := range test {
			gold = append(gold, g.Story)
			pred = append(pred, fmt.Sprintf("%d/%s", fold, ln[i].Story))
		}
		t.Logf("fold %d: chose %+v (F1 %.1f on the other folds)", fold, cfgs[best].Story, 100*bestF)
	}
	p, r, f := bcubed(gold, pred)
	t.Logf("CV out-of-fold stories B3 P %.1f R %.1f F1 %.1f", 100*p, 100*r, 100*f)
}

// TestGoldActorsDiag logs the actor errors on ecbplus/train.jsonl: the
// recall ceiling of matched mentions, unmatched named mentions, and named
// pairs of one chain left apart or of two chains put together.
func TestGoldActorsDiag(t *testing.T) {
	if os.Getenv("LINK_GOLD") != "diag" {
		t.Skip("set LINK_GOLD=diag")
	}
	docs := readGold(t, "ecbplus/train.jsonl")
	ln := linkAll(docs, DefaultConfig())
	ms := actorMentions(docs, ln)
	var only []scoredMention
	unmatched := map[string]int{}
	for _, m := range ms {
		if m.matched {
			only = append(only, m)
		} else if m.named {
			unmatched[m.text]++
		}
	}
	t.Logf("ceiling named (matched only as gold): %v", crossDoc(only, true))
	t.Logf("ceiling all (matched only as gold): %v", crossDoc(only, false))
	perfect := append([]scoredMention{}, ms...)
	for i := range perfect {
		perfect[i].actor = perfect[i].chain
	}
	t.Logf("perfect linking of the matched mentions: named %v; all %v", crossDoc(perfect, true), crossDoc(perfect, false))
	type kv struct {
		k string
		v int
	}
	var us []kv
	for k, v := range unmatched {
		us = append(us, kv{k, v})
	}
	sort.Slice(us, func(a, b int) bool { return us[a].v > us[b].v })
	for i, u := range us {
		if i < 40 {
			t.Logf("unmatched named %q x%d", u.k, u.v)
		}
	}
	apart, together := map[string]int{}, map[string]int{}
	for i, a := range only {
		for _, b := range only[i+1:] {
			if a.doc == b.doc || a.topic != b.topic || !a.named || !b.named {
				continue
			}
			if a.chain == b.chain && a.actor != b.actor {
				apart[a.text+" | "+b.text]++
			}
			if a.chain != b.chain && a.actor == b.actor {
				together[a.text+" | "+b.text]++
			}
		}
	}
	for name, m := range map[string]map[string]int{"apart": apart, "together": together} {
		var xs []kv
		for k, v := range m {
			xs = append(xs, kv{k, v})
		}
		sort.Slice(xs, func(a, b int) bool { return xs[a].v > xs[b].v })
		for i, x := range xs {
			if i < 40 {
				t.Logf("%s: %s x%d", name, x.k, x.v)
			}
		}
	}
}
