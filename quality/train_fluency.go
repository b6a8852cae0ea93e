package quality

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"slices"
	"strings"

	"github.com/dossier-news/dossier/doc"
	"github.com/dossier-news/dossier/text"
)

// Sizes of the news language model's tables (powers of two): room for
// about 65,000 distinct words at half load, and a bigram table where
// collisions are rare enough not to hide unseen pairs.
const (
	LMUnigramSlots  = 1 << 17
	LMBigramBuckets = 1 << 21
)

// ReadTexts reads the "text" of every line of a JSON Lines file.
func ReadTexts(r io.Reader) ([]string, error) {
	var out []string
	err := eachLine(r, func(line int, b []byte) error {
		var in struct {
			Text string `json:"text"`
		}
		if err := json.Unmarshal(b, &in); err != nil {
			return fmt.Errorf("line %d: %v: want one JSON object a line with a \"text\" field", line, err)
		}
		out = append(out, in.Text)
		return nil
	})
	return out, err
}

func eachLine(r io.Reader, f func(line int, b []byte) error) error {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 1<<20), 1<<26)
	line := 0
	for sc.Scan() {
		line++
		if len(strings.TrimSpace(sc.Text())) == 0 {
			continue
		}
		if err := f(line, sc.Bytes()); err != nil {
			return err
		}
	}
	return sc.Err()
}

// textLayer runs the text layer over a text.
func textLayer(s string) *doc.Document {
	d := doc.New("", s)
	text.Analyze(d)
	return d
}

// TrainLM learns the news language model from clean texts. It is
// deterministic: the same texts give the same bytes.
func TrainLM(texts []string) (*LM, error) {
	t := NewLMTrainer()
	for _, s := range texts {
		t.Add(textLayer(s))
	}
	if t.n == 0 {
		return nil, fmt.Errorf("no words read: give clean English news")
	}
	return t.Model(LMUnigramSlots, LMBigramBuckets)
}

// UseModels makes lm the news language model the features read (training
// computes features with the model it has just built).
func UseModels(lm *LM) { news = lm }

// docFeatures analyses a text and returns its sentences with their
// features.
func docFeatures(s string) (*doc.Document, []Features, [][3][]uint32) {
	d := textLayer(s)
	var all, all3, all4 []uint32
	c := checker{d: d, pairs: &all, triples: &all3, quads: &all4}
	c.hash = c.hashes(nil)
	fs := c.features(nil)
	keys := make([][3][]uint32, len(fs))
	start := 0
	for i, end := range c.pairEnds {
		keys[i] = [3][]uint32{all[start:end:end], all3[start:end:end], all4[start:end:end]}
		start = end
	}
	return d, fs, keys
}

// NewsExamples turns clean news texts into clean examples, one group a
// text starting at group0.
func NewsExamples(texts []string, group0 int, weight float64) []Example {
	var ex []Example
	for i, s := range texts {
		_, fs, pairs := docFeatures(s)
		for j, f := range fs {
			ex = append(ex, Example{F: f, Pairs: pairs[j][0], Triples: pairs[j][1], Quads: pairs[j][2], Weight: weight, Group: group0 + i, News: true})
		}
	}
	return ex
}

// MTQEExamples reads the mtqe gold file (one pseudo-article a line, each
// sentence labelled garbled, clean or mid) and returns the garbled and
// clean sentences as examples, one group a document. A sentence of the text
// layer takes the label of the gold sentence it starts in.
func MTQEExamples(r io.Reader) ([]Example, error) {
	var ex []Example
	g := 0
	err := eachLine(r, func(line int, b []byte) error {
		var in struct {
			Text      string `json:"text"`
			Sentences []struct {
				Start int    `json:"start"`
				End   int    `json:"end"`
				Label string `json:"label"`
				Pair  string `json:"pair"`
			} `json:"sentences"`
		}
		if err := json.Unmarshal(b, &in); err != nil {
			return fmt.Errorf("line %d: %v", line, err)
		}
		d, fs, pairs := docFeatures(in.Text)
		for si, s := range d.Sentences {
			i := slices.IndexFunc(in.Sentences, func(x struct {
				Start int    `json:"start"`
				End   int    `json:"end"`
				Label string `json:"label"`
				Pair  string `json:"pair"`
			}) bool {
				return x.Start <= s.Start && s.Start < x.End
			})
			if i < 0 {
				continue
			}
			gs := in.Sentences[i]
			ex = append(ex, Example{F: fs[si], Pairs: pairs[si][0], Triples: pairs[si][1], Quads: pairs[si][2], Garbled: gs.Label == "garbled", Weight: 1, Group: g, Pair: gs.Pair,
				Unlabelled: gs.Label != "garbled" && gs.Label != "clean"})
		}
		g++
		return nil
	})
	return ex, err
}

// FluencyOptions say what `dossier train quality` learns the fluency model
// from and how.
type FluencyOptions struct {
	// News is clean news as JSON Lines (PolNeAR's train.jsonl): every
	// HoldOut-th article is kept out of the language model and serves as
	// clean news for the classifier and the threshold; the rest, with
	// Clean, trains the language model.
	News    string
	HoldOut int
	Clean   []string // further clean English, JSON Lines with "text"
	MTQE    string   // the mtqe training file
	Fit     FitOptions
	Folds   int
	// MaxFalseAlarms and MaxNewsDocs bound the threshold, out of fold:
	// the share of clean mtqe sentences flagged, and how many held-out
	// news articles may have a flag.
	MaxFalseAlarms float64
	MaxNewsDocs    int
	Log            io.Writer
}

// TrainFluency builds the news language model and the debris classifier,
// with its threshold chosen out of fold, and reports the cross-validated
// figures to o.Log.
func TrainFluency(o FluencyOptions) (*LM, *Stacked, error) {
	newsTexts, err := readTextsFile(o.News)
	if err != nil {
		return nil, nil, err
	}
	var lmTexts, held []string
	for i, s := range newsTexts {
		if o.HoldOut > 0 && i%o.HoldOut == o.HoldOut-1 {
			held = append(held, s)
		} else {
			lmTexts = append(lmTexts, s)
		}
	}
	for _, p := range o.Clean {
		t, err := readTextsFile(p)
		if err != nil {
			return nil, nil, err
		}
		lmTexts = append(lmTexts, t...)
	}
	lm, err := TrainLM(lmTexts)
	if err != nil {
		return nil, nil, err
	}
	UseModels(lm)
	fmt.Fprintf(o.Log, "language model: %d texts, %d tokens; %d news articles held out\n", len(lmTexts), lm.total, len(held))
	f, err := os.Open(o.MTQE)
	if err != nil {
		return nil, nil, fmt.Errorf("%v: give the mtqe training file", err)
	}
	ex, err := MTQEExamples(f)
	f.Close()
	if err != nil {
		return nil, nil, fmt.Errorf("%s: %v", o.MTQE, err)
	}
	groups := 0
	for _, x := range ex {
		groups = max(groups, x.Group+1)
	}
	ex = append(ex, NewsExamples(held, groups, 1)...)
	p, err := OutOfFoldStacked(ex, o.Fit, o.Folds)
	if err != nil {
		return nil, nil, err
	}
	all := func(Example) bool { return true }
	fmt.Fprintf(o.Log, "out of fold (%d folds over documents): AUC %.4f\n", o.Folds, AUC(ex, p, all))
	for _, fa := range []float64{0.01, 0.02, 0.03, 0.04, 0.05} {
		fmt.Fprintf(o.Log, "  at most %.0f%% false alarms: %s\n", 100*fa, ChooseThreshold(ex, p, fa, len(held)))
	}
	op := ChooseThreshold(ex, p, o.MaxFalseAlarms, o.MaxNewsDocs)
	fmt.Fprintf(o.Log, "  %s\n", op)
	for _, pair := range []string{"et-en", "ne-en", "ro-en", "ru-en", "si-en"} {
		sel := func(x Example) bool { return x.Pair == pair }
		a := At(ex, p, op.Threshold, sel)
		fmt.Fprintf(o.Log, "  %s: AUC %.4f, recall %.1f, false alarms %.2f%%\n", pair, AUC(ex, p, sel), 100*a.Recall, 100*a.FalseAlarm)
	}
	m, err := FitStacked(ex, o.Fit, o.Folds)
	if err != nil {
		return nil, nil, err
	}
	m.Threshold = float32(op.Threshold)
	return lm, m, nil
}

func readTextsFile(path string) ([]string, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	t, err := ReadTexts(f)
	if err != nil {
		return nil, fmt.Errorf("%s: %v", path, err)
	}
	return t, nil
}
