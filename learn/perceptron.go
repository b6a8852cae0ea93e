// Package learn holds small, dependency-free learners that stages train from
// gold data and embed: an averaged perceptron over hashed features, usable as
// a binary classifier or as a ranker that picks one candidate among several.
// Training is deterministic: callers feed examples in a fixed order and the
// learner has no randomness of its own.
package learn

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"math"
)

// Features is a list of hashed feature ids. Build it with Add and its
// kin, which hash a prefix (see P) and values without allocating.
type Features []uint32

const (
	fnvOffset = 2166136261
	fnvPrime  = 16777619
)

// Prefix is the hash state of a feature name, computed once with P so that
// building a feature hashes only its value.
type Prefix uint32

// P returns the prefix for a feature name.
func P(name string) Prefix {
	h := uint32(fnvOffset)
	for i := 0; i < len(name); i++ {
		h ^= uint32(name[i])
		h *= fnvPrime
	}
	return Prefix(h)
}

func mix(h uint32, s string) uint32 {
	for i := 0; i < len(s); i++ {
		h ^= uint32(s[i])
		h *= fnvPrime
	}
	h ^= '|'
	h *= fnvPrime
	return h
}

// Add appends the feature p=value.
func (f Features) Add(p Prefix, value string) Features {
	return append(f, mix(uint32(p), value))
}

// Add2 appends the conjunction p=a|b.
func (f Features) Add2(p Prefix, a, b string) Features {
	return append(f, mix(mix(uint32(p), a), b))
}

// Add3 appends the conjunction p=a|b|c.
func (f Features) Add3(p Prefix, a, b, c string) Features {
	return append(f, mix(mix(mix(uint32(p), a), b), c))
}

// Hash is the hash of a feature value. Stages that use a value in many
// features hash it once and combine it with AddH, AddH2 and AddH3, which
// cost a few multiplications whatever the value's length.
func Hash(s string) uint32 {
	h := uint32(fnvOffset)
	for i := 0; i < len(s); i++ {
		h ^= uint32(s[i])
		h *= fnvPrime
	}
	return h
}

// combine mixes two hashes into one.
func combine(a, b uint32) uint32 {
	x := (a ^ b*0x9e3779b1) * 0x85ebca6b
	return x ^ x>>15
}

// AddH appends the feature p=value given the value's Hash.
func (f Features) AddH(p Prefix, h uint32) Features { return append(f, combine(uint32(p), h)) }

// AddH2 appends the conjunction p=a|b of two hashed values.
func (f Features) AddH2(p Prefix, a, b uint32) Features {
	return append(f, combine(combine(uint32(p), a), b))
}

// AddH3 appends the conjunction p=a|b|c of three hashed values.
func (f Features) AddH3(p Prefix, a, b, c uint32) Features {
	return append(f, combine(combine(combine(uint32(p), a), b), c))
}

// Model is a trained linear model over 2^Bits hashed weights. A model read
// with Load keeps its weights quantised to 16 bits (half the memory of
// float32, so more of the table stays in cache while scoring).
type Model struct {
	Bits  uint
	W     []float32 // weights of a model fresh from training
	q     []int16   // quantised weights of a loaded model
	scale float32
}

// Score is the model's score for a feature list.
func (m *Model) Score(f Features) float32 {
	if m == nil {
		return 0
	}
	if m.q != nil {
		mask := uint32(len(m.q) - 1)
		var s int32
		for _, h := range f {
			s += int32(m.q[h&mask])
		}
		return float32(s) * m.scale
	}
	if len(m.W) == 0 {
		return 0
	}
	mask := uint32(len(m.W) - 1)
	var s float32
	for _, h := range f {
		s += m.W[h&mask]
	}
	return s
}

// Weight returns weight i as a float.
func (m *Model) Weight(i int) float32 {
	if m.q != nil {
		return float32(m.q[i]) * m.scale
	}
	return m.W[i]
}

// Size is the number of weights, 2^Bits.
func (m *Model) Size() int {
	if m.q != nil {
		return len(m.q)
	}
	return len(m.W)
}

// Best returns the index of the best-scoring candidate, or -1 when there are none.
func (m *Model) Best(cands []Features) int {
	best, bs := -1, float32(0)
	for i, c := range cands {
		s := m.Score(c)
		if best < 0 || s > bs {
			best, bs = i, s
		}
	}
	return best
}

// Trainer is an averaged perceptron under training.
type Trainer struct {
	bits uint
	w    []float32
	acc  []float64 // sum over updates of c*delta, for the lazy average
	c    float64   // update counter
}

// NewTrainer makes a trainer with 2^bits weights.
func NewTrainer(bits uint) *Trainer {
	n := 1 << bits
	return &Trainer{bits: bits, w: make([]float32, n), acc: make([]float64, n), c: 1}
}

func (t *Trainer) score(f Features) float32 {
	mask := uint32(len(t.w) - 1)
	var s float32
	for _, h := range f {
		s += t.w[h&mask]
	}
	return s
}

func (t *Trainer) update(f Features, delta float32) {
	mask := uint32(len(t.w) - 1)
	for _, h := range f {
		t.w[h&mask] += delta
		t.acc[h&mask] += t.c * float64(delta)
	}
}

// Tick advances the averaging clock; call it once per example.
func (t *Trainer) Tick() { t.c++ }

// Binary learns from one example of a yes/no decision and reports whether
// the model was already right.
func (t *Trainer) Binary(f Features, yes bool) bool {
	s := t.score(f)
	ok := (s > 0) == yes
	if !ok {
		if yes {
			t.update(f, 1)
		} else {
			t.update(f, -1)
		}
	}
	t.Tick()
	return ok
}

// Rank learns from one choice among candidates, gold being the right one,
// and reports whether the model already chose it.
func (t *Trainer) Rank(cands []Features, gold int) bool {
	best, bs := -1, float32(0)
	for i, c := range cands {
		s := t.score(c)
		if best < 0 || s > bs {
			best, bs = i, s
		}
	}
	ok := best == gold
	if !ok && best >= 0 && gold >= 0 {
		t.update(cands[gold], 1)
		t.update(cands[best], -1)
	}
	t.Tick()
	return ok
}

// Model returns the averaged weights.
func (t *Trainer) Model() *Model {
	m := &Model{Bits: t.bits, W: make([]float32, len(t.w))}
	for i := range t.w {
		m.W[i] = float32(float64(t.w[i]) - t.acc[i]/t.c)
	}
	return m
}

const magic = "DSPM1"

// MarshalBinary writes the model sparsely: weights quantised to int16 against
// the largest magnitude, zeros left out, so the embedded file stays small.
func (m *Model) MarshalBinary() ([]byte, error) {
	var maxAbs float32
	n := m.Size()
	for i := 0; i < n; i++ {
		if a := float32(math.Abs(float64(m.Weight(i)))); a > maxAbs {
			maxAbs = a
		}
	}
	scale := float32(1)
	if maxAbs > 0 {
		scale = maxAbs / 32767
	}
	var b bytes.Buffer
	b.WriteString(magic)
	binary.Write(&b, binary.LittleEndian, uint8(m.Bits))
	binary.Write(&b, binary.LittleEndian, scale)
	var buf [binary.MaxVarintLen64]byte
	last := 0
	for i := 0; i < n; i++ {
		q := int16(math.Round(float64(m.Weight(i) / scale)))
		if q == 0 {
			continue
		}
		k := binary.PutUvarint(buf[:], uint64(i-last))
		b.Write(buf[:k])
		binary.Write(&b, binary.LittleEndian, q)
		last = i
	}
	return b.Bytes(), nil
}

// Load reads a model written by MarshalBinary.
func Load(data []byte) (*Model, error) {
	if !bytes.HasPrefix(data, []byte(magic)) || len(data) < len(magic)+5 {
		return nil, errors.New("learn: not a model file (bad header); rebuild it with dossier train")
	}
	r := bytes.NewReader(data[len(magic):])
	var bits uint8
	var scale float32
	binary.Read(r, binary.LittleEndian, &bits)
	binary.Read(r, binary.LittleEndian, &scale)
	if bits == 0 || bits > 26 {
		return nil, fmt.Errorf("learn: model has %d bits, expected 1-26; the file is damaged", bits)
	}
	m := &Model{Bits: uint(bits), q: make([]int16, 1<<bits), scale: scale}
	idx := 0
	for r.Len() > 0 {
		d, err := binary.ReadUvarint(r)
		if err != nil {
			return nil, fmt.Errorf("learn: damaged model: %v", err)
		}
		var q int16
		if err := binary.Read(r, binary.LittleEndian, &q); err != nil {
			return nil, fmt.Errorf("learn: damaged model: %v", err)
		}
		idx += int(d)
		if idx >= len(m.q) {
			return nil, errors.New("learn: damaged model: weight index out of range")
		}
		m.q[idx] = q
	}
	return m, nil
}
