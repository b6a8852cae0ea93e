package link

import (
	"hash/fnv"
	"unicode"
	"unicode/utf8"
)

// Copies: near-duplicate detection with MinHash over word shingles of the
// normalised text, and LSH bands so that a new document is compared only with
// the stored documents that share a band (an index lookup, not a scan).
//
// Why these numbers: a republished copy may lose most of its end ("the end
// trimmed away"), so the Jaccard similarity of a copy and its original can
// be as low as 0.2 while the containment of the smaller in the larger stays
// above 0.75 (dupes/train.jsonl); different articles about one event, even
// of the same outlet on the same day, stay below 0.25 containment. Bands of
// two rows make a pair with Jaccard 0.2 a candidate with probability
// 1-(1-0.04)^64 = 0.93, and the candidate is then verified by the
// containment estimated from the signature and the two shingle counts.

const (
	// NumHashes is the length of a MinHash signature.
	NumHashes = 128
	// bandRows is the number of signature rows hashed into one LSH band key.
	bandRows = 2
	numBands = NumHashes / bandRows
	// shingleWords is the length of a shingle in words.
	shingleWords = 5
	// maxBucket bounds how many documents one band bucket keeps: a bucket
	// that fills is a shingle pair every article shares (boilerplate), and
	// it tells nothing; bounding it keeps a lookup's cost independent of the
	// store's size.
	maxBucket = 64
)

// Signature is a document's MinHash signature and the number of distinct
// shingles it was computed over.
type Signature struct {
	Mins     [NumHashes]uint32
	Shingles int
}

// normWords splits text into normalised words: lower case, letters and
// digits only, so that quotation marks, dashes, apostrophes, spacing and
// line breaks restyled by a republisher do not change a word; "don’t" and
// "don't" both give "don" "t".
func normWords(text string) []string {
	var words []string
	start := -1
	buf := make([]byte, 0, 32)
	flush := func() {
		if start >= 0 {
			words = append(words, string(buf))
			buf = buf[:0]
			start = -1
		}
	}
	for i := 0; i < len(text); {
		r, n := rune(text[i]), 1
		if r >= utf8.RuneSelf {
			r, n = utf8.DecodeRuneInString(text[i:])
		}
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			if start < 0 {
				start = i
			}
			buf = utf8.AppendRune(buf, unicode.ToLower(r))
		} else {
			flush()
		}
		i += n
	}
	flush()
	return words
}

// shingleHashes returns the distinct 64-bit FNV-1a hashes of the word
// shingles of text. A text shorter than one shingle gives one shingle of all
// its words.
func shingleHashes(text string) []uint64 {
	words := normWords(text)
	if len(words) == 0 {
		return nil
	}
	k := shingleWords
	if len(words) < k {
		k = len(words)
	}
	seen := make(map[uint64]struct{}, len(words))
	out := make([]uint64, 0, len(words))
	h := fnv.New64a()
	for i := 0; i+k <= len(words); i++ {
		h.Reset()
		for j := i; j < i+k; j++ {
			h.Write([]byte(words[j]))
			h.Write([]byte{' '})
		}
		v := h.Sum64()
		if _, ok := seen[v]; !ok {
			seen[v] = struct{}{}
			out = append(out, v)
		}
	}
	return out
}

// mix is splitmix64's finaliser: a fixed bijection of 64-bit words, so
// that the signature is the same in every process and on every machine.
func mix(x uint64) uint64 {
	x ^= x >> 30
	x *= 0xbf58476d1ce4e5b9
	x ^= x >> 27
	x *= 0x94d049bb133111eb
	x ^= x >> 31
	return x
}

// seeds are the NumHashes fixed salts of the hash functions.
var seeds = func() (s [NumHashes]uint64) {
	x := uint64(0x5eed_d055_1e12_0001)
	for i := range s {
		x += 0x9e3779b97f4a7c15
		s[i] = mix(x)
	}
	return s
}()

// Sign computes the MinHash signature of a text.
func Sign(text string) Signature {
	var sig Signature
	for i := range sig.Mins {
		sig.Mins[i] = ^uint32(0)
	}
	hs := shingleHashes(text)
	sig.Shingles = len(hs)
	for _, h := range hs {
		for i, s := range seeds {
			if v := uint32(mix(h^s) >> 32); v < sig.Mins[i] {
				sig.Mins[i] = v
			}
		}
	}
	return sig
}

// Jaccard estimates the Jaccard similarity of the shingle sets of two
// signatures: the share of rows where their minima agree.
func (s *Signature) Jaccard(o *Signature) float64 {
	if s.Shingles == 0 || o.Shingles == 0 {
		return 0
	}
	eq := 0
	for i := range s.Mins {
		if s.Mins[i] == o.Mins[i] {
			eq++
		}
	}
	return float64(eq) / NumHashes
}

// Containment estimates how much of the smaller shingle set lies in the
// larger: |A∩B| / min(|A|,|B|), with |A∩B| = J(|A|+|B|)/(1+J).
func (s *Signature) Containment(o *Signature) float64 {
	j := s.Jaccard(o)
	if j == 0 {
		return 0
	}
	inter := j * float64(s.Shingles+o.Shingles) / (1 + j)
	small := min(s.Shingles, o.Shingles)
	c := inter / float64(small)
	return min(c, 1)
}

// bandKeys returns the LSH band keys of a signature: band b hashes rows
// b*bandRows .. (b+1)*bandRows-1 together with the band number.
func (s *Signature) bandKeys() [numBands]uint64 {
	var keys [numBands]uint64
	for b := range keys {
		x := uint64(b) << 56
		for r := 0; r < bandRows; r++ {
			x = mix(x ^ uint64(s.Mins[b*bandRows+r]))
		}
		keys[b] = x
	}
	return keys
}

// CopyThresholds decide when a candidate is a copy.
type CopyThresholds struct {
	// Containment is the least estimated containment of the smaller text
	// in the larger.
	Containment float64
	// Jaccard is the least estimated Jaccard similarity; with the
	// containment it keeps a short text that happens to sit inside a long
	// one (a one-paragraph brief) from counting unless it is most of it.
	Jaccard float64
	// MinShingles: texts with fewer shingles are never linked as copies (a
	// headline alone says too little).
	MinShingles int
}

// DefaultCopy are the thresholds chosen on dupes/train.jsonl (see
// docs/LINK.md for the figures).
var DefaultCopy = CopyThresholds{Containment: 0.5, Jaccard: 0.1, MinShingles: 8}

// copyIndex is the LSH band index over stored documents' signatures.
type copyIndex struct {
	th      CopyThresholds
	sigs    map[int]*Signature // by document sequence number
	buckets map[uint64][]int   // band key -> sequence numbers, oldest first
}

func newCopyIndex(th CopyThresholds) *copyIndex {
	return &copyIndex{th: th, sigs: map[int]*Signature{}, buckets: map[uint64][]int{}}
}

// add indexes a stored document's signature.
func (x *copyIndex) add(seq int, sig *Signature) {
	x.sigs[seq] = sig
	if sig.Shingles < x.th.MinShingles {
		return
	}
	for _, k := range sig.bandKeys() {
		if b := x.buckets[k]; len(b) < maxBucket {
			x.buckets[k] = append(b, seq)
		}
	}
}

// best returns the stored document that sig copies best (the highest
// containment above the thresholds), or -1, and its containment.
func (x *copyIndex) best(sig *Signature, w *Work) (int, float64) {
	if sig.Shingles < x.th.MinShingles {
		return -1, 0
	}
	seen := map[int]bool{}
	bestSeq, bestC := -1, 0.0
	for _, k := range sig.bandKeys() {
		for _, seq := range x.buckets[k] {
			if seen[seq] {
				continue
			}
			seen[seq] = true
			w.CopyCandidates++
			o := x.sigs[seq]
			if o.Shingles < x.th.MinShingles || sig.Jaccard(o) < x.th.Jaccard {
				continue
			}
			if c := sig.Containment(o); c >= x.th.Containment && (c > bestC || c == bestC && seq < bestSeq) {
				bestSeq, bestC = seq, c
			}
		}
	}
	return bestSeq, bestC
}
