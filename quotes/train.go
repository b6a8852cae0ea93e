package quotes

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"math/rand"
	"os"
	"path/filepath"

	"github.com/dossier-news/dossier/doc"
	"github.com/dossier-news/dossier/gold"
	"github.com/dossier-news/dossier/learn"
	"github.com/dossier-news/dossier/text"
)

// TrainOptions are the knobs of Train; the defaults rebuild the committed models.
type TrainOptions struct {
	Gold   string // PolNeAR JSON Lines file
	Out    string // folder for cue.model and source.model
	Epochs int
	Bits   uint
	Log    io.Writer
	// Shuffle visits the examples in a fixed-seed random order each epoch.
	Shuffle bool
	// Bags is the number of cue models, trained in different fixed-seed
	// orders and averaged (1: one model, in file order; 0: the default, 25).
	Bags int
	// SourceBags is the same for the source ranker (0: the default, 15).
	SourceBags int
	// Exclude, when set, leaves out the documents (by their index in the
	// file) it reports, for cross-validation; nil trains on them all.
	Exclude func(doc int) bool
}

type srcExample struct {
	cands []learn.Features
	gold  int
}

// Train rebuilds the cue and source models from PolNeAR gold. It is
// deterministic: documents are read in file order, candidates in text
// order, and the perceptron has no random state.
//
// It is long because it builds the examples of both models and trains them, a
// block each step.
func Train(o TrainOptions) error {
	if o.Epochs == 0 {
		o.Epochs = 2
	}
	if o.Bits == 0 {
		o.Bits = 20
	}
	if o.Bags == 0 {
		o.Bags = 25
	}
	if o.SourceBags == 0 {
		o.SourceBags = 15
	}
	if o.Log == nil {
		o.Log = io.Discard
	}
	var cueX []learn.Features
	var cueY []bool
	var srcX []srcExample
	ndocs := 0
	idx := -1
	err := gold.EachPolNeAR(o.Gold, func(g gold.PolNeARDoc) error {
		idx++
		if o.Exclude != nil && o.Exclude(idx) {
			return nil
		}
		ndocs++
		d := doc.New(g.ID, g.Text)
		text.Analyze(d)
		c := newCtx(d)
		// gold cue spans and their sources
		type gc struct{ cue, src doc.Span }
		var goldCues []gc
		for _, a := range g.Attributions {
			if len(a.Cue) == 0 {
				continue
			}
			x := gc{cue: hull(a.Cue)}
			if len(a.Source) > 0 {
				x.src = hull(a.Source)
			}
			goldCues = append(goldCues, x)
		}
		for _, s := range c.sents {
			a, b := s.Tokens.First, s.Tokens.End
			c.beginSentence(a, b)
			for k := a; k < b; k++ {
				cs, ce, kind, ok := c.cueAt(k, a, b)
				if !ok || c.heads(k)&headSpeechOnly != 0 && kind == "verb" {
					continue
				}
				head := d.Tokens[k].Span
				gi := -1
				for i, x := range goldCues {
					if x.cue.Overlaps(head) {
						gi = i
						break
					}
				}
				cueX = append(cueX, c.cueFeatures(nil, k, a, b))
				cueY = append(cueY, gi >= 0)
				if gi >= 0 && kind == "verb" && !goldCues[gi].src.IsZero() && cs > a {
					src := goldCues[gi].src
					e := cs
					if d.TokenAt(src.End-1) == e-1 {
						cands, starts := c.sourceCands(e, a)
						want := d.TokenAt(src.Start)
						for i, st := range starts {
							if st == want {
								srcX = append(srcX, srcExample{cands, i})
								break
							}
						}
					}
				}
				k = ce - 1
			}
		}
		return nil
	})
	if errors.Is(err, fs.ErrNotExist) || errors.Is(err, fs.ErrPermission) {
		return fmt.Errorf("cannot read the gold file: %v (give --gold the path of PolNeAR train.jsonl)", err)
	}
	if err != nil {
		return err
	}
	fmt.Fprintf(o.Log, "%d documents: %d cue candidates (%d attributions), %d source choices\n", ndocs, len(cueX), count(cueY), len(srcX))
	ct := learn.NewTrainer(o.Bits)
	st := learn.NewTrainer(o.Bits)
	// a fixed-seed shuffle each epoch: the order varies, the result does not
	rng := rand.New(rand.NewSource(1))
	order := make([]int, len(cueX))
	sorder := make([]int, len(srcX))
	for i := range order {
		order[i] = i
	}
	for i := range sorder {
		sorder[i] = i
	}
	for ep := 0; ep < o.Epochs; ep++ {
		okc, oks := 0, 0
		if o.Shuffle {
			rng.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
			rng.Shuffle(len(sorder), func(i, j int) { sorder[i], sorder[j] = sorder[j], sorder[i] })
		}
		for _, i := range order {
			if ct.Binary(cueX[i], cueY[i]) {
				okc++
			}
		}
		for _, i := range sorder {
			x := srcX[i]
			if st.Rank(x.cands, x.gold) {
				oks++
			}
		}
		fmt.Fprintf(o.Log, "epoch %d: cue %.1f%% right, source start %.1f%% right\n", ep+1, 100*float64(okc)/float64(len(cueX)), 100*float64(oks)/float64(max(1, len(srcX))))
	}
	if err := os.MkdirAll(o.Out, 0o755); err != nil {
		return err
	}
	// more models, each visiting the examples in its own fixed-seed
	// order, averaged with the first: one order over-trusts the last
	// documents of the file (source ranker: dev +5 exact sources)
	cueModel := bagged(ct.Model(), o.Bags, len(cueX), o, func(t *learn.Trainer, i int) { t.Binary(cueX[i], cueY[i]) })
	srcModel := bagged(st.Model(), o.SourceBags, len(srcX), o, func(t *learn.Trainer, i int) { t.Rank(srcX[i].cands, srcX[i].gold) })
	if o.Bags > 1 {
		fmt.Fprintf(o.Log, "cue model: the mean of %d orders\n", o.Bags)
	}
	if o.SourceBags > 1 {
		fmt.Fprintf(o.Log, "source model: the mean of %d orders\n", o.SourceBags)
	}
	for name, mod := range map[string]*learn.Model{"cue.model": cueModel, "source.model": srcModel} {
		b, _ := mod.MarshalBinary()
		if err := os.WriteFile(filepath.Join(o.Out, name), b, 0o644); err != nil {
			return err
		}
		fmt.Fprintf(o.Log, "wrote %s (%d bytes)\n", filepath.Join(o.Out, name), len(b))
	}
	return nil
}

func hull(s []gold.Span) doc.Span {
	out := doc.Span{Start: s[0].Start, End: s[0].End}
	for _, x := range s[1:] {
		out.Start = min(out.Start, x.Start)
		out.End = max(out.End, x.End)
	}
	return out
}

func count(y []bool) int {
	n := 0
	for _, v := range y {
		if v {
			n++
		}
	}
	return n
}

// bagged returns first averaged with bags-1 more models, the one of bag b
// trained for o.Epochs over n examples shuffled by the seed b; step trains
// trainer t on example i.
func bagged(first *learn.Model, bags, n int, o TrainOptions, step func(t *learn.Trainer, i int)) *learn.Model {
	if bags <= 1 {
		return first
	}
	ms := []*learn.Model{first}
	for bag := 1; bag < bags; bag++ {
		t := learn.NewTrainer(o.Bits)
		r := rand.New(rand.NewSource(int64(bag)))
		ord := make([]int, n)
		for i := range ord {
			ord[i] = i
		}
		for ep := 0; ep < o.Epochs; ep++ {
			r.Shuffle(len(ord), func(i, j int) { ord[i], ord[j] = ord[j], ord[i] })
			for _, i := range ord {
				step(t, i)
			}
		}
		ms = append(ms, t.Model())
	}
	return learn.Mean(ms...)
}
