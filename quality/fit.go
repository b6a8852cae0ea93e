package quality

import (
	"errors"
	"fmt"
	"math"
	"slices"
)

// Example is one training sentence for the debris classifier.
type Example struct {
	F       Features
	Garbled bool
	Weight  float64
	// Group is the document the sentence comes from: cross-validation
	// keeps a document's sentences in one fold.
	Group int
	// Pair is the language pair of an mtqe sentence ("" for clean news),
	// and News marks sentences of clean news.
	Pair string
	News bool
	// Unlabelled sentences (mtqe's mid) train nothing but count in their
	// document's mean.
	Unlabelled bool
	// Pairs are the sentence's word-class pairs (a*classes+b), and Triples
	// its hashed word-class triples, for the contrast tables.
	Pairs, Triples, Quads []uint32
}

// contrastAlpha is the additive smoothing of the contrast table's counts.
const contrastAlpha = 1

// contrastTable returns, for every entry of a table of n (word-class
// pairs, or hashed triples), log2 of how much more often garbled
// translations write it than clean sentences do (smoothed), from the
// labelled examples; keys picks an example's entries.
func contrastTable(ex []Example, keys func(*Example) []uint32, n int) []float32 {
	g, c := make([]float64, n), make([]float64, n)
	ng, nc := 0.0, 0.0
	for i := range ex {
		x := &ex[i]
		if x.Unlabelled {
			continue
		}
		cnt, tot := c, &nc
		if x.Garbled {
			cnt, tot = g, &ng
		}
		ks := keys(x)
		for _, p := range ks {
			cnt[p] += x.Weight
		}
		*tot += x.Weight * float64(len(ks))
	}
	t := make([]float32, n)
	for i := range t {
		t[i] = float32(math.Log2((g[i]+contrastAlpha)/(ng+contrastAlpha*float64(n))) -
			math.Log2((c[i]+contrastAlpha)/(nc+contrastAlpha*float64(n))))
	}
	return t
}

// contrastMean is the mean of table t over keys.
func contrastMean(t []float32, keys []uint32) float64 {
	sum := 0.0
	for _, p := range keys {
		sum += float64(t[p])
	}
	return sum / float64(max(len(keys), 1))
}

func pairKeys(x *Example) []uint32   { return x.Pairs }
func tripleKeys(x *Example) []uint32 { return x.Triples }
func quadKeys(x *Example) []uint32   { return x.Quads }

// setContrast writes fContrast and fContrast3 from the model's tables.
func (m *Stacked) setContrast(ex []Example) {
	for e := range ex {
		ex[e].F[fContrast] = contrastMean(m.Contrast, ex[e].Pairs)
		ex[e].F[fContrast3] = contrastMean(m.Contrast3, ex[e].Triples)
		ex[e].F[fContrast4] = contrastMean(m.Contrast4, ex[e].Quads)
	}
}

// contrastOutOfFold writes into the examples fContrast and fContrast3 from
// tables learnt on the other folds, so the classifier learns how far to
// trust them.
func contrastOutOfFold(ex []Example, folds int) {
	for k := 0; k < folds; k++ {
		var train []Example
		var at []int
		for e, x := range ex {
			if x.Group%folds != k {
				train = append(train, x)
			} else {
				at = append(at, e)
			}
		}
		m := &Stacked{Contrast: contrastTable(train, pairKeys, model.n*model.n), Contrast3: contrastTable(train, tripleKeys, tripleBuckets),
			Contrast4: contrastTable(train, quadKeys, tripleBuckets)}
		for _, e := range at {
			m.setContrast(ex[e : e+1])
		}
	}
}

// FitOptions are the classifier's training settings.
type FitOptions struct {
	Bins   int     // quantile bins a feature
	Lambda float64 // L2 penalty on the bin weights
	Iter   int     // Newton steps
}

// DefaultFit are the settings chosen by cross-validation on the mtqe
// training file (docs/QUALITY.md gives the figures).
var DefaultFit = FitOptions{Bins: 12, Lambda: 2, Iter: 12}

// Fit trains the classifier on the examples. It is deterministic.
func Fit(ex []Example, o FitOptions) (*Classifier, error) {
	ex = labelled(ex)
	if len(ex) == 0 {
		return nil, errors.New("no training examples")
	}
	m := &Classifier{}
	for i := 0; i < nFeatures; i++ {
		m.cuts[i] = quantileCuts(ex, i, o.Bins)
	}
	off := make([]int, nFeatures+1)
	for i := 0; i < nFeatures; i++ {
		off[i+1] = off[i] + len(m.cuts[i]) + 1
	}
	dim := off[nFeatures] + 1 // the bias last
	idx := make([][nFeatures + 1]int, len(ex))
	for e := range ex {
		for i := 0; i < nFeatures; i++ {
			idx[e][i] = off[i] + m.bin(i, ex[e].F[i])
		}
		idx[e][nFeatures] = dim - 1
	}
	theta := make([]float64, dim)
	h := make([]float64, dim*dim)
	g := make([]float64, dim)
	for it := 0; it < o.Iter; it++ {
		clear(h)
		clear(g)
		for e, x := range ex {
			z := 0.0
			for _, j := range idx[e] {
				z += theta[j]
			}
			p := 1 / (1 + math.Exp(-z))
			y := 0.0
			if x.Garbled {
				y = 1
			}
			r := x.Weight * (p - y)
			v := x.Weight * p * (1 - p)
			for _, a := range idx[e] {
				g[a] += r
				for _, b := range idx[e] {
					h[a*dim+b] += v
				}
			}
		}
		for j := 0; j < dim-1; j++ {
			g[j] += o.Lambda * theta[j]
			h[j*dim+j] += o.Lambda
		}
		h[(dim-1)*dim+dim-1] += 1e-6
		step, err := solve(h, g, dim)
		if err != nil {
			return nil, err
		}
		for j := range theta {
			theta[j] -= step[j]
		}
	}
	for i := 0; i < nFeatures; i++ {
		m.weights[i] = make([]float32, len(m.cuts[i])+1)
		for j := range m.weights[i] {
			m.weights[i][j] = float32(theta[off[i]+j])
		}
	}
	m.bias = float32(theta[dim-1])
	return m, nil
}

// quantileCuts returns up to bins-1 distinct cut points of feature i at
// quantiles of the examples.
func quantileCuts(ex []Example, i, bins int) []float32 {
	v := make([]float64, len(ex))
	for e := range ex {
		v[e] = ex[e].F[i]
	}
	slices.Sort(v)
	var cuts []float32
	for q := 1; q < bins; q++ {
		x := float32(v[q*len(v)/bins])
		if x == float32(v[0]) {
			continue // a cut at the minimum leaves a bin empty
		}
		if len(cuts) == 0 || x > cuts[len(cuts)-1] {
			cuts = append(cuts, x)
		}
	}
	return cuts
}

// solve returns x with a x = b for a symmetric positive definite a (dim by
// dim), by Cholesky decomposition.
func solve(a, b []float64, dim int) ([]float64, error) {
	l := make([]float64, dim*dim)
	for i := 0; i < dim; i++ {
		for j := 0; j <= i; j++ {
			s := a[i*dim+j]
			for k := 0; k < j; k++ {
				s -= l[i*dim+k] * l[j*dim+k]
			}
			if i == j {
				if s <= 0 {
					return nil, errors.New("the Hessian is not positive definite: raise the L2 penalty")
				}
				l[i*dim+i] = math.Sqrt(s)
			} else {
				l[i*dim+j] = s / l[j*dim+j]
			}
		}
	}
	y := make([]float64, dim)
	for i := 0; i < dim; i++ {
		s := b[i]
		for k := 0; k < i; k++ {
			s -= l[i*dim+k] * y[k]
		}
		y[i] = s / l[i*dim+i]
	}
	x := make([]float64, dim)
	for i := dim - 1; i >= 0; i-- {
		s := y[i]
		for k := i + 1; k < dim; k++ {
			s -= l[k*dim+i] * x[k]
		}
		x[i] = s / l[i*dim+i]
	}
	return x, nil
}

// OutOfFold returns every example's probability of debris from a model
// trained on the other folds (documents by Group modulo folds).
func OutOfFold(ex []Example, o FitOptions, folds int) ([]float64, error) {
	p := make([]float64, len(ex))
	for k := 0; k < folds; k++ {
		var train []Example
		for _, x := range ex {
			if x.Group%folds != k {
				train = append(train, x)
			}
		}
		m, err := Fit(train, o)
		if err != nil {
			return nil, err
		}
		for e := range ex {
			if ex[e].Group%folds == k {
				p[e] = m.Prob(&ex[e].F)
			}
		}
	}
	return p, nil
}

// AUC is the ROC AUC of p ranking garbled above clean mtqe sentences (ties
// count half), over the examples sel accepts.
func AUC(ex []Example, p []float64, sel func(Example) bool) float64 {
	type sp struct {
		p float64
		y bool
	}
	var v []sp
	for e, x := range ex {
		if !x.News && !x.Unlabelled && sel(x) {
			v = append(v, sp{p[e], x.Garbled})
		}
	}
	slices.SortFunc(v, func(a, b sp) int {
		switch {
		case a.p < b.p:
			return -1
		case a.p > b.p:
			return 1
		}
		return 0
	})
	pos, neg := 0.0, 0.0
	sum := 0.0 // for each positive, the negatives below it
	for i := 0; i < len(v); {
		j := i
		np, nn := 0.0, 0.0
		for j < len(v) && v[j].p == v[i].p {
			if v[j].y {
				np++
			} else {
				nn++
			}
			j++
		}
		sum += np * (neg + nn/2)
		pos += np
		neg += nn
		i = j
	}
	if pos == 0 || neg == 0 {
		return math.NaN()
	}
	return sum / (pos * neg)
}

// Operating is what a threshold does on labelled examples.
type Operating struct {
	Threshold          float64
	Recall, FalseAlarm float64 // on mtqe garbled and clean sentences
	Precision          float64
	NewsDocs, NewsAll  int // clean news documents with a sentence over the threshold, of all
	NewsSentences      float64
}

// At measures threshold t.
func At(ex []Example, p []float64, t float64, sel func(Example) bool) Operating {
	o := Operating{Threshold: t}
	var tp, pos, fp, neg, nf, nn float64
	docs := map[int]bool{}
	all := map[int]bool{}
	for e, x := range ex {
		if x.Unlabelled || !sel(x) {
			continue
		}
		hit := p[e] >= t
		switch {
		case x.News:
			all[x.Group] = true
			nn++
			if hit {
				nf++
				docs[x.Group] = true
			}
		case x.Garbled:
			pos++
			if hit {
				tp++
			}
		default:
			neg++
			if hit {
				fp++
			}
		}
	}
	o.Recall, o.FalseAlarm = tp/max(pos, 1), fp/max(neg, 1)
	o.Precision = tp / max(tp+fp, 1)
	o.NewsDocs, o.NewsAll = len(docs), len(all)
	o.NewsSentences = nf / max(nn, 1)
	return o
}

// ChooseThreshold returns the lowest threshold at which the false alarms on
// clean mtqe sentences stay within maxFA and at most maxNewsDocs clean news
// documents have a sentence over it.
func ChooseThreshold(ex []Example, p []float64, maxFA float64, maxNewsDocs int) Operating {
	ts := slices.Clone(p)
	slices.Sort(ts)
	ts = slices.Compact(ts)
	all := func(Example) bool { return true }
	// the false-alarm rate falls as the threshold rises: search for the
	// first threshold that meets both limits
	lo, hi := 0, len(ts)-1
	for lo < hi {
		mid := (lo + hi) / 2
		o := At(ex, p, ts[mid], all)
		if o.FalseAlarm <= maxFA && o.NewsDocs <= maxNewsDocs {
			hi = mid
		} else {
			lo = mid + 1
		}
	}
	return At(ex, p, ts[lo], all)
}

func (o Operating) String() string {
	return fmt.Sprintf("threshold %.3f: garbled recall %.1f, precision %.1f, false alarms %.2f%%; clean news: %d of %d documents, %.2f%% of sentences",
		o.Threshold, 100*o.Recall, 100*o.Precision, 100*o.FalseAlarm, o.NewsDocs, o.NewsAll, 100*o.NewsSentences)
}

// labelled returns the examples that have a label.
func labelled(ex []Example) []Example {
	out := make([]Example, 0, len(ex))
	for _, x := range ex {
		if !x.Unlabelled {
			out = append(out, x)
		}
	}
	return out
}

// setDocProb writes into each example the mean of p over its document.
func setDocProb(ex []Example, p []float64) {
	sum, n := map[int]float64{}, map[int]float64{}
	for e, x := range ex {
		sum[x.Group] += p[e]
		n[x.Group]++
	}
	for e := range ex {
		ex[e].F[fDocProb] = shrink(sum[ex[e].Group], n[ex[e].Group], priorProb)
	}
}

// FitStacked trains the two classifiers: the first on the sentence
// features alone, the second with the first's document mean added, learnt
// from the first's out-of-fold probabilities so that it trusts them no
// more than they deserve.
func FitStacked(ex []Example, o FitOptions, folds int) (*Stacked, error) {
	ex = slices.Clone(ex)
	for e := range ex {
		ex[e].F[fDocProb] = 0
	}
	contrastOutOfFold(ex, folds)
	p1, err := OutOfFold(ex, o, folds)
	if err != nil {
		return nil, err
	}
	first, err := Fit(ex, o)
	if err != nil {
		return nil, err
	}
	setDocProb(ex, p1)
	second, err := Fit(ex, o)
	if err != nil {
		return nil, err
	}
	return &Stacked{First: first, Second: second, Contrast: contrastTable(ex, pairKeys, model.n*model.n),
		Contrast3: contrastTable(ex, tripleKeys, tripleBuckets), Contrast4: contrastTable(ex, quadKeys, tripleBuckets)}, nil
}

// OutOfFoldStacked returns every example's probability of debris from a
// stacked model trained on the other folds.
func OutOfFoldStacked(ex []Example, o FitOptions, folds int) ([]float64, error) {
	p := make([]float64, len(ex))
	for k := 0; k < folds; k++ {
		var train, test []Example
		var at []int
		for e, x := range ex {
			if x.Group%folds != k {
				train = append(train, x)
			} else {
				test = append(test, x)
				at = append(at, e)
			}
		}
		m, err := FitStacked(train, o, folds-1)
		if err != nil {
			return nil, err
		}
		for i, q := range m.Probs(test) {
			p[at[i]] = q
		}
	}
	return p, nil
}

// Probs scores examples (grouped in documents) with the stacked model.
func (m *Stacked) Probs(ex []Example) []float64 {
	ex = slices.Clone(ex)
	m.setContrast(ex)
	p := make([]float64, len(ex))
	for e := range ex {
		ex[e].F[fDocProb] = 0
		p[e] = m.First.Prob(&ex[e].F)
	}
	setDocProb(ex, p)
	for e := range ex {
		p[e] = m.Second.Prob(&ex[e].F)
	}
	return p
}
