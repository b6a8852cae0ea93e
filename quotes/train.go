package quotes

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"math/rand"
	"os"
	"path/filepath"

	"github.com/dossier-news/dossier/doc"
	"github.com/dossier-news/dossier/learn"
	"github.com/dossier-news/dossier/text"
)

// goldSpan and goldDoc read PolNeAR lines (../shared/gold/polnear/*.jsonl).
type goldSpan struct {
	Start int `json:"start"`
	End   int `json:"end"`
}

type goldDoc struct {
	ID           string `json:"id"`
	Text         string `json:"text"`
	Attributions []struct {
		Source  []goldSpan `json:"source"`
		Cue     []goldSpan `json:"cue"`
		Content []goldSpan `json:"content"`
	} `json:"attributions"`
}

// TrainOptions are the knobs of Train; the defaults rebuild the committed models.
type TrainOptions struct {
	Gold   string // PolNeAR JSON Lines file
	Out    string // folder for cue.model and source.model
	Epochs int
	Bits   uint
	Log    io.Writer
	// Shuffle visits the examples in a fixed-seed random order each epoch.
	Shuffle bool
}

type srcExample struct {
	cands []learn.Features
	gold  int
}

// Train rebuilds the cue and source models from PolNeAR gold. It is
// deterministic: documents are read in file order, candidates in text
// order, and the perceptron has no random state.
func Train(o TrainOptions) error {
	if o.Epochs == 0 {
		o.Epochs = 5
	}
	if o.Bits == 0 {
		o.Bits = 20
	}
	if o.Log == nil {
		o.Log = io.Discard
	}
	f, err := os.Open(o.Gold)
	if err != nil {
		return fmt.Errorf("cannot read the gold file: %v (give --gold the path of PolNeAR train.jsonl)", err)
	}
	defer f.Close()
	var cueX []learn.Features
	var cueY []bool
	var srcX []srcExample
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 64<<20)
	ndocs := 0
	for sc.Scan() {
		var g goldDoc
		if err := json.Unmarshal(sc.Bytes(), &g); err != nil {
			return fmt.Errorf("%s: line %d is not a PolNeAR document: %v", o.Gold, ndocs+1, err)
		}
		ndocs++
		d := doc.New(g.ID, g.Text)
		text.Analyze(d)
		c := newCtx(d)
		// gold cue spans and their sources
		type gc struct{ cue, src doc.Span }
		var gold []gc
		for _, a := range g.Attributions {
			if len(a.Cue) == 0 {
				continue
			}
			x := gc{cue: hull(a.Cue)}
			if len(a.Source) > 0 {
				x.src = hull(a.Source)
			}
			gold = append(gold, x)
		}
		for _, s := range c.sents {
			a, b := s.Tokens.First, s.Tokens.End
			c.beginSentence(a, b)
			for k := a; k < b; k++ {
				cs, ce, kind, ok := c.cueAt(k, a, b)
				if !ok || lex.heads[c.low[k]]&headSpeechOnly != 0 && kind == "verb" {
					continue
				}
				head := d.Tokens[k].Span
				gi := -1
				for i, x := range gold {
					if x.cue.Overlaps(head) {
						gi = i
						break
					}
				}
				cueX = append(cueX, c.cueFeatures(nil, k, a, b))
				cueY = append(cueY, gi >= 0)
				if gi >= 0 && kind == "verb" && !gold[gi].src.IsZero() && cs > a {
					src := gold[gi].src
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
	}
	if err := sc.Err(); err != nil {
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
	for name, t := range map[string]*learn.Trainer{"cue.model": ct, "source.model": st} {
		b, _ := t.Model().MarshalBinary()
		if err := os.WriteFile(filepath.Join(o.Out, name), b, 0o644); err != nil {
			return err
		}
		fmt.Fprintf(o.Log, "wrote %s (%d bytes)\n", filepath.Join(o.Out, name), len(b))
	}
	return nil
}

func hull(s []goldSpan) doc.Span {
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
