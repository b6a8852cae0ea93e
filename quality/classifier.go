package quality

import (
	_ "embed"
	"encoding/binary"
	"errors"
	"fmt"
	"math"
)

// The debris classifier is a logistic regression over binned features: each
// feature's range is cut at quantiles of the training data, and every bin
// has its own weight, so a feature may matter only at its extremes without
// the model being told so. It is trained on the mtqe training file
// (machine translations judged by people: garbled against clean) with clean
// news as further clean examples, by `dossier train quality`.
//
// The file holds the first classifier, the second, then the contrast
// table (uint32 count, float32 values). Each classifier's layout
// (little-endian): "DQC1", uint16 number of features F; for
// each feature a uint8 number of cuts C then C float32 cuts; then for each
// feature C+1 float32 bin weights; then the float32 bias and the float32
// default threshold on the probability of debris.

//go:embed data/mtqe.model
var classifierData []byte

const classifierMagic = "DQC1"

// Stacked is the debris model: a first classifier over a sentence's own
// features, and a second that also reads the first's mean over the
// document (a sentence among garbled ones is more likely garbled).
type Stacked struct {
	First, Second *Classifier
	// Contrast holds, for every pair of word classes (salad.bin's), log2
	// of how much more often garbled translations write it than clean
	// sentences (the feature fContrast).
	Contrast []float32
	// Contrast3 is the same for word-class triples, hashed into
	// tripleBuckets (the feature fContrast3).
	Contrast3 []float32
	// Contrast4 is the same for quadruples (the feature fContrast4).
	Contrast4 []float32
	// Threshold is the probability of debris from which a sentence is
	// flagged, chosen out of fold on the training file.
	Threshold float32
}

// Bytes encodes both classifiers (the threshold travels in the second).
func (m *Stacked) Bytes() []byte {
	m.Second.Threshold = m.Threshold
	b := append(m.First.Bytes(), m.Second.Bytes()...)
	for _, t := range [][]float32{m.Contrast, m.Contrast3, m.Contrast4} {
		b = binary.LittleEndian.AppendUint32(b, uint32(len(t)))
		for _, x := range t {
			b = binary.LittleEndian.AppendUint32(b, math.Float32bits(x))
		}
	}
	return b
}

// ReadStacked decodes a model written by Stacked.Bytes.
func ReadStacked(b []byte) (*Stacked, error) {
	first, n, err := readClassifier(b)
	if err != nil {
		return nil, err
	}
	second, n2, err := readClassifier(b[n:])
	if err != nil {
		return nil, err
	}
	m := &Stacked{First: first, Second: second, Threshold: second.Threshold}
	p := n + n2
	tables := []*[]float32{&m.Contrast, &m.Contrast3, &m.Contrast4}
	for i, want := range []int{model.n * model.n, tripleBuckets, tripleBuckets} {
		if p+4 > len(b) {
			return nil, errors.New("truncated contrast table")
		}
		nc := int(binary.LittleEndian.Uint32(b[p:]))
		p += 4
		if nc != want || len(b) < p+4*nc {
			return nil, fmt.Errorf("contrast table of %d entries in %d bytes, want %d", nc, len(b)-p, want)
		}
		t := make([]float32, nc)
		for j := range t {
			t[j] = math.Float32frombits(binary.LittleEndian.Uint32(b[p:]))
			p += 4
		}
		*tables[i] = t
	}
	if p != len(b) {
		return nil, fmt.Errorf("%d bytes left over", len(b)-p)
	}
	return m, nil
}

// Classifier scores a sentence's features.
type Classifier struct {
	cuts    [nFeatures][]float32
	weights [nFeatures][]float32
	bias    float32
	// Threshold is the probability of debris from which a sentence is
	// flagged, chosen out of fold on the training file.
	Threshold float32
}

var classifier = mustClassifier(classifierData)

func mustClassifier(b []byte) *Stacked {
	if len(b) == 0 {
		return nil // not trained yet
	}
	m, err := ReadStacked(b)
	if err != nil {
		panic("quality/data/mtqe.model: " + err.Error() + ": rebuild it with `dossier train quality`")
	}
	return m
}

// readClassifier decodes a model written by Classifier.Bytes, and returns
// how many bytes it took.
func readClassifier(b []byte) (*Classifier, int, error) {
	if len(b) < 6 || string(b[:4]) != classifierMagic {
		return nil, 0, errors.New("not a debris classifier (bad magic)")
	}
	if n := int(binary.LittleEndian.Uint16(b[4:])); n != nFeatures {
		return nil, 0, fmt.Errorf("%d features, this build computes %d", n, nFeatures)
	}
	p := 6
	f32 := func() (float32, error) {
		if p+4 > len(b) {
			return 0, errors.New("truncated")
		}
		x := math.Float32frombits(binary.LittleEndian.Uint32(b[p:]))
		p += 4
		return x, nil
	}
	m := &Classifier{}
	for i := range m.cuts {
		if p >= len(b) {
			return nil, 0, errors.New("truncated cuts")
		}
		n := int(b[p])
		p++
		m.cuts[i] = make([]float32, n)
		for j := range m.cuts[i] {
			x, err := f32()
			if err != nil {
				return nil, 0, err
			}
			m.cuts[i][j] = x
		}
	}
	for i := range m.weights {
		m.weights[i] = make([]float32, len(m.cuts[i])+1)
		for j := range m.weights[i] {
			x, err := f32()
			if err != nil {
				return nil, 0, err
			}
			m.weights[i][j] = x
		}
	}
	var err error
	if m.bias, err = f32(); err != nil {
		return nil, 0, err
	}
	if m.Threshold, err = f32(); err != nil {
		return nil, 0, err
	}
	return m, p, nil
}

// Bytes encodes the model in the embedded file's layout.
func (m *Classifier) Bytes() []byte {
	b := append([]byte(nil), classifierMagic...)
	b = binary.LittleEndian.AppendUint16(b, nFeatures)
	f32 := func(x float32) { b = binary.LittleEndian.AppendUint32(b, math.Float32bits(x)) }
	for _, c := range m.cuts {
		b = append(b, byte(len(c)))
		for _, x := range c {
			f32(x)
		}
	}
	for _, w := range m.weights {
		for _, x := range w {
			f32(x)
		}
	}
	f32(m.bias)
	f32(m.Threshold)
	return b
}

// bin returns the bin of value x for feature i.
func (m *Classifier) bin(i int, x float64) int {
	c := m.cuts[i]
	lo, hi := 0, len(c)
	for lo < hi {
		mid := (lo + hi) / 2
		if x >= float64(c[mid]) {
			lo = mid + 1
		} else {
			hi = mid
		}
	}
	return lo
}

// Prob returns the probability that a sentence with features f is debris.
func (m *Classifier) Prob(f *Features) float64 {
	z := float64(m.bias)
	for i := range f {
		z += float64(m.weights[i][m.bin(i, f[i])])
	}
	return 1 / (1 + math.Exp(-z))
}

// contributions returns each feature's part of the score above its
// average weight, to say why a sentence was flagged.
func (m *Classifier) contribution(i int, x float64) float64 {
	return float64(m.weights[i][m.bin(i, x)])
}
