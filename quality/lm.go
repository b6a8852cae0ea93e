package quality

import (
	_ "embed"
	"encoding/binary"
	"errors"
	"fmt"
	"math"
	"slices"
	"sync"

	"github.com/dossier-news/dossier/doc"
	"github.com/dossier-news/dossier/vocab"
)

// The news language model is a smoothed word bigram model of clean,
// edited English (PolNeAR's training articles and the other clean corpora
// `dossier train quality` reads), kept as hashes and counts only: no text.
// Words are known by their case-folded FNV-1a hash (wordHash); numbers are
// one token; punctuation is its own text.
//
// File layout (little-endian): "DQL1", uint64 total tokens, uint32 number
// of unigram slots U (a power of two), U uint32 fingerprints (0 = empty),
// U uint16 saturated counts, uint32 number of bigram buckets B (a power of
// two), B bytes of quantised bigram counts (q = round(8*log2(count+1))).
// Bigrams share buckets by hash; a collision can only make a pair look
// more familiar than it is, which errs on the side of clean.

//go:embed data/news.lm
var lmData []byte

const lmMagic = "DQL1"

// LM is a loaded news language model.
type LM struct {
	total    uint64
	fp       []uint32
	uniCount []uint16
	bi       []byte
	// logTotal is log2 of total, for unigram probabilities.
	logTotal float64
	// byVocab holds the count of every vocabulary word by its ID, built on
	// first use: most word tokens read their count from it, sparing a probe
	// of the large unigram table.
	byVocab     []int32
	byVocabOnce sync.Once
}

// vocabCounts returns the count of every vocabulary word, by ID.
func (m *LM) vocabCounts() []int32 {
	m.byVocabOnce.Do(func() {
		byID := vocabHashes()
		m.byVocab = vocab.ByWord(func(id vocab.ID, _ string) int32 { return int32(m.count(byID[id])) })
	})
	return m.byVocab
}

// tokenCount returns the count of token k, whose language-model hash is x.
func (m *LM) tokenCount(d *doc.Document, k int, x uint64, counts []int32) int {
	if d.Tokens[k].Kind == doc.Word {
		if id := d.WordIDs[k]; id != 0 && int(id) < len(counts) {
			return int(counts[id]) // x is the vocabulary word's hash (checker.hashes)
		}
	}
	return m.count(x)
}

var news = mustLM(lmData)

func mustLM(b []byte) *LM {
	if len(b) == 0 {
		return nil // not trained yet: the fluency model is off
	}
	m, err := ReadLM(b)
	if err != nil {
		panic("quality/data/news.lm: " + err.Error() + ": rebuild it with `dossier train quality`")
	}
	return m
}

// ReadLM decodes a model written by LM.Bytes.
func ReadLM(b []byte) (*LM, error) {
	if len(b) < 16 || string(b[:4]) != lmMagic {
		return nil, errors.New("not a news language model (bad magic)")
	}
	m := &LM{total: binary.LittleEndian.Uint64(b[4:])}
	u := int(binary.LittleEndian.Uint32(b[12:]))
	p := 16
	if u&(u-1) != 0 || len(b) < p+6*u+4 {
		return nil, fmt.Errorf("unigram table of %d slots does not fit", u)
	}
	m.fp = make([]uint32, u)
	m.uniCount = make([]uint16, u)
	for i := range m.fp {
		m.fp[i] = binary.LittleEndian.Uint32(b[p:])
		p += 4
	}
	for i := range m.uniCount {
		m.uniCount[i] = binary.LittleEndian.Uint16(b[p:])
		p += 2
	}
	n := int(binary.LittleEndian.Uint32(b[p:]))
	p += 4
	if n&(n-1) != 0 || len(b) != p+n {
		return nil, fmt.Errorf("bigram table of %d bytes, want %d", len(b)-p, n)
	}
	m.bi = b[p:]
	m.logTotal = math.Log2(float64(m.total))
	return m, nil
}

// Bytes encodes the model in the embedded file's layout.
func (m *LM) Bytes() []byte {
	b := make([]byte, 0, 20+6*len(m.fp)+len(m.bi))
	b = append(b, lmMagic...)
	b = binary.LittleEndian.AppendUint64(b, m.total)
	b = binary.LittleEndian.AppendUint32(b, uint32(len(m.fp)))
	for _, x := range m.fp {
		b = binary.LittleEndian.AppendUint32(b, x)
	}
	for _, x := range m.uniCount {
		b = binary.LittleEndian.AppendUint16(b, x)
	}
	b = binary.LittleEndian.AppendUint32(b, uint32(len(m.bi)))
	return append(b, m.bi...)
}

func fingerprint(h uint64) uint32 { return uint32(h>>32) | 1 }

// slot returns the unigram slot of hash h: where it is, or the empty slot
// where it would go.
func (m *LM) slot(h uint64) int {
	mask := len(m.fp) - 1
	f := fingerprint(h)
	for j := int(h) & mask; ; j = (j + 1) & mask {
		if x := m.fp[j]; x == f || x == 0 {
			return j
		}
	}
}

// count returns how often the word with hash h was seen.
func (m *LM) count(h uint64) int {
	j := m.slot(h)
	if m.fp[j] == 0 {
		return 0
	}
	return int(m.uniCount[j])
}

// biIndex is the bucket of the pair (a, b).
func (m *LM) biIndex(a, b uint64) int {
	x := (a*0x9E3779B97F4A7C15 ^ b) * fnvPrime
	return int(x>>40) & (len(m.bi) - 1)
}

// biCount returns the (approximate) count of the pair (a, b).
func (m *LM) biCount(a, b uint64) float64 {
	q := m.bi[m.biIndex(a, b)]
	if q == 0 {
		return 0
	}
	return biDecode[q]
}

// biDecode turns a stored byte back into a count.
var biDecode = func() (t [256]float64) {
	for q := range t {
		t[q] = math.Exp2(float64(q)/8) - 1
	}
	return t
}()

// lmLambda is the weight of the unigram distribution in a bigram step:
// the interpolated (Jelinek-Mercer) probability is
// (1-lambda)*c(ab)/c(a) + lambda*p(b), so a pair news never wrote costs
// its second word's own probability and a little more, not nothing.
const lmLambda = 0.3

// logProb returns log2 p(b | a), and the unigram log2 p(b), for words seen
// ca and cb times.
func (m *LM) logProb(a, b uint64, ca, cb int) (bigram, unigram float64) {
	pb := (float64(cb) + 0.5) / float64(m.total)
	p := lmLambda * pb
	if ca > 0 && cb > 0 {
		p += (1 - lmLambda) * min(1, m.biCount(a, b)/float64(ca))
	}
	return log2(p), log2(pb)
}

// log2 is a fast base-2 logarithm of a positive, normal x, good to about
// 0.01: the exponent from the bits and a cubic on the mantissa. The
// features are cut into bins, so the last digits do not matter, and
// math.Log2 was a third of the stage's time.
func log2(x float64) float64 {
	b := math.Float64bits(x)
	e := float64(int(b>>52&0x7ff) - 1023)
	m := math.Float64frombits(b&^(0x7ff<<52) | 1023<<52) // in [1, 2)
	// log2(m) on [1, 2): a cubic through the ends, least-squares fitted
	return e + ((0.15824871*m-1.05187502)*m+3.04788597)*m - 2.15425966
}

// Token hashes for what is not a word.
var (
	hashNumber = wordHash("<num>")
	hashStart  = wordHash("<s>")
	hashEnd    = wordHash("</s>")
	hashQuote  = wordHash("\"")
)

// lmHash is the language model's hash of token k: a word's wordHash
// (already in h[k]), or a fixed token for numbers and quotation marks.
func lmHash(d *doc.Document, h []uint64, k int) uint64 {
	t := &d.Tokens[k]
	switch t.Kind {
	case doc.Word:
		return h[k]
	case doc.Number:
		return hashNumber
	case doc.QuoteMark:
		return hashQuote
	}
	return wordHashAt(d.Text, t.Start, t.End)
}

// LMTrainer counts words and word pairs of clean text.
type LMTrainer struct {
	uni map[uint64]int
	bi  map[[2]uint64]int
	n   uint64
}

// NewLMTrainer returns an empty trainer.
func NewLMTrainer() *LMTrainer {
	return &LMTrainer{uni: map[uint64]int{}, bi: map[[2]uint64]int{}}
}

// Add counts the sentences of an analysed document.
func (t *LMTrainer) Add(d *doc.Document) {
	c := checker{d: d}
	h := c.hashes(nil)
	for _, s := range d.Sentences {
		prev := hashStart
		for k := s.Tokens.First; k < s.Tokens.End; k++ {
			x := lmHash(d, h, k)
			t.uni[x]++
			t.bi[[2]uint64{prev, x}]++
			t.n++
			prev = x
		}
		t.bi[[2]uint64{prev, hashEnd}]++
		t.uni[hashStart]++
		t.uni[hashEnd]++
	}
}

// Model builds the tables: uniSlots unigram slots and biBuckets bigram
// buckets, both powers of two. The result does not depend on map order.
func (t *LMTrainer) Model(uniSlots, biBuckets int) (*LM, error) {
	if len(t.uni)*2 > uniSlots {
		return nil, fmt.Errorf("%d words do not fit %d unigram slots", len(t.uni), uniSlots)
	}
	m := &LM{total: t.n, fp: make([]uint32, uniSlots), uniCount: make([]uint16, uniSlots), bi: make([]byte, biBuckets)}
	// insertion order decides where colliding words land: sort for
	// reproducible bytes
	hs := make([]uint64, 0, len(t.uni))
	for h := range t.uni {
		hs = append(hs, h)
	}
	slices.Sort(hs)
	for _, h := range hs {
		j := m.slot(h)
		m.fp[j] = fingerprint(h)
		m.uniCount[j] = uint16(min(t.uni[h], math.MaxUint16))
	}
	// a bucket keeps the largest count that falls in it (max is
	// order-free)
	for p, n := range t.bi {
		q := byte(min(255, math.Round(8*math.Log2(float64(n)+1))))
		if j := m.biIndex(p[0], p[1]); q > m.bi[j] {
			m.bi[j] = q
		}
	}
	m.logTotal = math.Log2(float64(m.total))
	return m, nil
}
