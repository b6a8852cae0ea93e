package quality

import (
	"math"
	"slices"
	"unicode"
	"unicode/utf8"

	"github.com/dossier-news/dossier/doc"
)

// The fluency features of one sentence: what the news language model, the
// word-class model and a few counts say about how it reads. The classifier
// (classifier.go) turns them into the probability that the sentence is
// machine-translation debris. The order is part of the trained model:
// retrain after a change.
const (
	fLP         = iota // mean log2 probability of a step under the news bigram model
	fLPWorst           // the worst mean over lmWindow consecutive steps
	fUni               // mean unigram log2 probability of the words
	fOOVLower          // share of lower-case words news never wrote
	fOOVCap            // share of capitalised words (not the first) news never wrote
	fUnseenPair        // share of steps between two common words never seen together
	fClassMean         // mean surprise of the word-class bigram model (salad.bin)
	fClassWorst        // its worst window (the word-salad measure)
	fWords             // number of words, log2
	fRepWord           // times the most repeated content word recurs in the sentence
	fRepPair           // word pairs the sentence writes twice or more
	fRepeatPrev        // share of the words shared with the most similar of the sentences before
	fStartLower        // starts with a lower-case letter
	fNoEnd             // does not end with . ? ! or a closing mark
	fCapShare          // share of words capitalised, the first aside
	fOdd               // tokens in another script, or words glued to digits
	fDocLP             // fLP averaged over the document
	fDocOOV            // fOOVLower averaged over the document
	fLPKnown           // mean log2 probability of the steps between two words news knows
	fGain              // how much the word before raises those steps' probability over the words alone
	fLowSteps          // share of those steps less likely than lowStep
	fMinStep           // the least likely of those steps
	fDocProb           // the first classifier's mean probability of debris over the document (second classifier only)
	fContrast          // mean log odds of the sentence's word-class pairs in garbled against clean translations
	fContrast3         // the same for word-class triples
	fContrast4         // the same for word-class quadruples
	nFeatures
)

// featureNames name the features in the classifier file and in diagnostics.
var featureNames = [nFeatures]string{"lp", "lp_worst", "unigram", "oov_lower", "oov_cap", "unseen_pair",
	"class_mean", "class_worst", "words", "rep_word", "rep_pair", "repeat_prev", "start_lower", "no_end",
	"cap_share", "odd", "doc_lp", "doc_oov", "lp_known", "gain", "low_steps", "min_step", "doc_prob", "contrast", "contrast3", "contrast4"}

// Features is the feature vector of one sentence.
type Features [nFeatures]float64

// lmWindow is how many consecutive steps the worst stretch of a sentence
// spans.
const lmWindow = 4

// commonCount is how often a word must occur in the news model to count as
// common: two common words never seen side by side are a sequence English
// does not write ("of the of").
const commonCount = 200

// knownCount is how often a word must occur in the news model for the
// steps to and from it to be judged as word order rather than vocabulary,
// and lowStep the log2 probability under which such a step is odd.
const (
	knownCount = 3
	lowStep    = -13
)

// contentCount: words seen less often than this are content words, whose
// repetition within one sentence is a loop rather than grammar.
const contentCount = 3000

// sentInfo is what the repetition test keeps of an earlier sentence.
type sentInfo struct {
	words []uint64 // sorted distinct word hashes
	key   uint64   // the hash of its word sequence
	n     int      // its number of words
}

// features fills one Features per sentence of the document. It needs the
// word hashes (c.hash) and both models.
func (c *checker) features(out []Features) []Features {
	d := c.d
	out = slices.Grow(out[:0], len(d.Sentences))[:len(d.Sentences)]
	var recent [repeatLookback]sentInfo
	var scratch []uint64
	sumLP, sumOOV := 0.0, 0.0
	for si := range d.Sentences {
		f := &out[si]
		*f = Features{}
		scratch = c.sentenceFeatures(si, f, scratch[:0])
		if c.pairs != nil {
			c.pairEnds = append(c.pairEnds, len(*c.pairs))
		}
		key := uint64(fnvOffset)
		for _, h := range scratch {
			key = combine(key, h)
		}
		n := len(scratch)
		// the sentence's distinct words, against the few before it
		slices.Sort(scratch)
		scratch = slices.Compact(scratch)
		best := 0.0
		for ri := range recent {
			r := &recent[ri]
			// the overlap is at most the shorter over the longer: skip the
			// merge when that cannot beat the best so far
			if la, lb := len(scratch), len(r.words); lb > 0 && la >= 4 && float64(min(la, lb)) > best*float64(max(la, lb)) {
				best = max(best, overlap(scratch, r.words))
			}
			// sentences join c.repeated in order: only the last can be si
			if r.key == key && n >= minRepeatWords && (len(c.repeated) == 0 || c.repeated[len(c.repeated)-1] != si) {
				c.repeated = append(c.repeated, si)
			}
		}
		f[fRepeatPrev] = best
		r := &recent[si%repeatLookback]
		r.words = append(r.words[:0], scratch...)
		r.key, r.n = key, n
		sumLP += f[fLP]
		sumOOV += f[fOOVLower]
	}
	n := float64(len(d.Sentences))
	for si := range out {
		out[si][fDocLP] = shrink(sumLP, n, priorLP)
		out[si][fDocOOV] = shrink(sumOOV, n, priorOOV)
	}
	return out
}

// A document's means are taken as if it also had priorWeight sentences of
// typical clean news (the means over the held-out PolNeAR articles): the
// mtqe documents the classifier learns from have 8 to 15 sentences, and a
// brief of one or two should not be judged on its own few words twice over.
const (
	priorWeight = 4
	priorLP     = -7.75 // fLP
	priorOOV    = 0.016 // fOOVLower
	priorProb   = 0.11  // the first classifier's probability
)

// shrink returns the mean of n values summing to sum, with priorWeight
// values of prior added.
func shrink(sum, n, prior float64) float64 {
	return (sum + priorWeight*prior) / (n + priorWeight)
}

// repeatLookback is how many sentences back a repetition is looked for,
// and minRepeatWords the fewest words of a sentence flagged for repeating
// one of them word for word (clean news repeats short lines: "Read
// more.").
const (
	repeatLookback = 4
	minRepeatWords = 6
)

// overlap returns the share of a's words that are in b (both sorted,
// distinct), as a part of the longer of the two.
func overlap(a, b []uint64) float64 {
	i, j, n := 0, 0, 0
	for i < len(a) && j < len(b) {
		switch {
		case a[i] == b[j]:
			n++
			i++
			j++
		case a[i] < b[j]:
			i++
		default:
			j++
		}
	}
	return float64(n) / float64(max(len(a), len(b)))
}

// sentenceFeatures fills f for sentence si (all but the repetition of
// earlier sentences and the document means) and returns the hashes of its
// words appended to words.
func (c *checker) sentenceFeatures(si int, f *Features, words []uint64) []uint64 {
	d := c.d
	s := d.Sentences[si]
	toks, hash := d.Tokens, c.hash
	plain := plainClasses()
	counts := news.vocabCounts()
	var win [lmWindow]float64
	winSum, worst := 0.0, 0.0
	steps, nWords, lower, oovLower, caps, oovCap, unseen, odd := 0, 0, 0, 0, 0, 0, 0, 0
	sumLP, sumUni, sumClass, classWorst := 0.0, 0.0, 0.0, 0.0
	var cwin [saladWindow]float64
	cwinSum := 0.0
	prev, prevCount := hashStart, news.count(hashStart)
	prevCls, prev2Cls, prev3Cls := clsStart, clsStart, clsStart
	sumContrast, sumContrast3, sumContrast4 := 0.0, 0.0, 0.0
	var reps repeats
	known, low := 0, 0
	sumKnown, sumGain, minStep := 0.0, 0.0, 0.0
	for k := s.Tokens.First; k <= s.Tokens.End; k++ {
		x, cls := hashEnd, clsEnd
		if k < s.Tokens.End {
			x = lmHash(d, hash, k)
			cls = c.classOf(k, plain)
		}
		cx := news.count(hashEnd)
		if k < s.Tokens.End {
			cx = news.tokenCount(d, k, x, counts)
		}
		lp, up := news.logProb(prev, x, prevCount, cx)
		sumLP += lp
		winSum += lp - win[steps%lmWindow]
		win[steps%lmWindow] = lp
		if steps >= lmWindow-1 {
			worst = min(worst, winSum/lmWindow)
		}
		if prevCount >= knownCount && cx >= knownCount {
			known++
			sumKnown += lp
			sumGain += lp - up
			minStep = min(minStep, lp)
			if lp < lowStep {
				low++
			}
		}
		if prevCount >= commonCount && cx >= commonCount && news.biCount(prev, x) == 0 {
			unseen++
		}
		tri, quad := tripleKey(prev2Cls, prevCls, cls), quadKey(prev3Cls, prev2Cls, prevCls, cls)
		if c.contrast != nil {
			sumContrast += float64(c.contrast[prevCls*model.n+cls])
			sumContrast3 += float64(c.contrast3[tri])
			sumContrast4 += float64(c.contrast4[quad])
		}
		if c.pairs != nil {
			*c.pairs = append(*c.pairs, uint32(prevCls*model.n+cls))
			*c.triples = append(*c.triples, tri)
			*c.quads = append(*c.quads, quad)
		}
		su := surprise(prevCls, cls)
		sumClass += su
		cwinSum += su - cwin[steps%saladWindow]
		cwin[steps%saladWindow] = su
		classWorst = max(classWorst, cwinSum)
		steps++
		if k < s.Tokens.End {
			t := &toks[k]
			switch t.Kind {
			case doc.Word:
				nWords++
				sumUni += up
				words = append(words, x)
				if cx < contentCount {
					reps.word(x)
				}
				if t.Has(doc.FlagCap) && k > s.Tokens.First {
					caps++
					if cx == 0 {
						oovCap++
					}
				} else if !t.Has(doc.FlagCap) {
					lower++
					if cx == 0 {
						oovLower++
					}
				}
				if cls == clsForeign || c.gluedDigit(k) {
					odd++
				}
				if k > s.Tokens.First && toks[k-1].Kind == doc.Word {
					reps.pair(prev, x)
				}
			case doc.Symbol:
				odd++
			}
		}
		prev, prevCount, prevCls, prev2Cls, prev3Cls = x, cx, cls, prevCls, prev2Cls
	}
	if steps < lmWindow {
		worst = sumLP / float64(steps)
	}
	f[fLP] = sumLP / float64(steps)
	f[fLPWorst] = worst
	f[fUni] = sumUni / float64(max(nWords, 1))
	f[fOOVLower] = float64(oovLower) / float64(max(lower, 1))
	f[fOOVCap] = float64(oovCap) / float64(max(caps, 1))
	f[fUnseenPair] = float64(unseen) / float64(steps)
	f[fClassMean] = sumClass / float64(steps)
	f[fClassWorst] = classWorst
	f[fContrast] = sumContrast / float64(steps)
	f[fContrast3] = sumContrast3 / float64(steps)
	f[fContrast4] = sumContrast4 / float64(steps)
	f[fWords] = math.Log2(float64(nWords) + 1)
	f[fRepWord] = float64(max(reps.maxWord-1, 0))
	f[fRepPair] = float64(reps.pairs)
	if known > 0 {
		f[fLPKnown] = sumKnown / float64(known)
		f[fGain] = sumGain / float64(known)
		f[fLowSteps] = float64(low) / float64(known)
		f[fMinStep] = minStep
	}
	f[fCapShare] = float64(caps) / float64(max(nWords-1, 1))
	f[fOdd] = float64(odd)
	if s.Tokens.Len() > 0 {
		first := toks[s.Tokens.First]
		if first.Kind == doc.Word && startsLower(d.Text[first.Start:]) {
			f[fStartLower] = 1
		}
		if !c.endsWell(s) {
			f[fNoEnd] = 1
		}
	}
	return words
}

// classOf returns the word class of token k, through the table of plain
// vocabulary words when it can.
func (c *checker) classOf(k int, plain []uint16) int {
	d := c.d
	if id := d.WordIDs[k]; d.Tokens[k].Kind == doc.Word && d.WordBits[k]&(doc.WordUpper|doc.WordNonASCII) == 0 && id != 0 && int(id) < len(plain) {
		return int(plain[id])
	}
	return class(d, k, c.hash[k], model)
}

// endsWell reports whether sentence s ends with a sentence-ending mark,
// possibly followed by closing marks.
func (c *checker) endsWell(s doc.Sentence) bool {
	d := c.d
	for k := s.Tokens.End - 1; k >= s.Tokens.First; k-- {
		t := d.Tokens[k]
		switch t.Kind {
		case doc.QuoteMark:
			continue
		case doc.Punct:
			switch d.Text[t.Start] {
			case ')', ']':
				continue
			case '.', '?', '!', ':', ';':
				return true
			}
			r, _ := utf8.DecodeRuneInString(d.Text[t.Start:])
			return r == '…'
		}
		return false
	}
	return false
}

// gluedDigit reports whether word k has a digit or a letter of another
// script inside it ("2013year", "coosa١"), which edited English does not
// write.
func (c *checker) gluedDigit(k int) bool {
	if c.d.WordBits[k]&doc.WordNonASCII != 0 {
		for _, r := range c.tokText(k) {
			if unicode.IsLetter(r) && !unicode.In(r, unicode.Latin) {
				return true
			}
		}
	}
	t := c.d.Tokens[k]
	if t.End-t.Start > 1 {
		for i := t.Start; i < t.End; i++ {
			if b := c.d.Text[i]; b >= '0' && b <= '9' {
				return true
			}
		}
	}
	return false
}

// repeats counts, within one sentence, how often the most repeated content
// word recurs and how many word pairs come back.
type repeats struct {
	words   [32]uint64
	counts  [32]int
	nw      int
	maxWord int
	pairKey [48]uint64
	np      int
	pairs   int
	seen    uint64 // bit k>>58 of every key in pairKey
}

func (r *repeats) word(h uint64) {
	for i := 0; i < r.nw; i++ {
		if r.words[i] == h {
			r.counts[i]++
			r.maxWord = max(r.maxWord, r.counts[i])
			return
		}
	}
	if r.nw < len(r.words) {
		r.words[r.nw], r.counts[r.nw] = h, 1
		r.nw++
	}
	r.maxWord = max(r.maxWord, 1)
}

func (r *repeats) pair(a, b uint64) {
	k := combine(a, b)
	// most pairs are new: one bit of the key says so without a scan
	bit := uint64(1) << (k >> 58)
	if r.seen&bit == 0 {
		r.seen |= bit
		if r.np < len(r.pairKey) {
			r.pairKey[r.np] = k
			r.np++
		}
		return
	}
	for i := 0; i < r.np; i++ {
		if r.pairKey[i] == k {
			r.pairs++
			return
		}
	}
	if r.np < len(r.pairKey) {
		r.pairKey[r.np] = k
		r.np++
	}
}

// tripleBuckets is the size of the hashed table of word-class triples.
const tripleBuckets = 1 << 17

// tripleKey is the bucket of the word-class triple (a, b, c).
func tripleKey(a, b, c int) uint32 {
	x := (uint64(a)<<32 | uint64(b)<<16 | uint64(c)) * 0x9E3779B97F4A7C15
	return uint32(x>>40) & (tripleBuckets - 1)
}

// quadKey is the bucket of the word-class quadruple (a, b, c, e), in a
// table of tripleBuckets.
func quadKey(a, b, c, e int) uint32 {
	x := (uint64(a)<<48 | uint64(b)<<32 | uint64(c)<<16 | uint64(e)) * 0xC2B2AE3D27D4EB4F
	return uint32(x>>40) & (tripleBuckets - 1)
}
