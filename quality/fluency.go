package quality

import (
	"fmt"
	"math"
	"sync"

	"github.com/dossier-news/dossier/doc"
)

// KindSuspect marks a sentence the fluency model judges to be
// machine-translation debris: it reads unlike English news, or repeats the
// sentence before it.
const KindSuspect = doc.FlagSuspect

// KindRepeat marks a sentence that repeats one of the few sentences before
// it word for word: a translation system that lost its way, or a scrape
// that doubled a paragraph. Later stages take no second quote or event
// from it.
const KindRepeat = doc.FlagRepeat

// Options are the quality stage's settings.
type Options struct {
	// Threshold is the probability of debris (1 - sentences[].quality) from
	// which a sentence is flagged mt_suspect. 0 means the default chosen out
	// of fold on the mtqe training file (docs/QUALITY.md); above 1 turns
	// the flag off, leaving the scores.
	Threshold float64
}

// fluencyPool recycles the per-document feature and probability slices.
var fluencyPool = sync.Pool{New: func() any { return new(fluencyBuf) }}

type fluencyBuf struct {
	f []Features
	p []float64
}

// fluency scores every sentence with the debris classifier, writes the
// sentences' Quality and flags the sentences over the threshold that no
// sharper flag already explains.
func (c *checker) fluency(o Options) {
	if news == nil || classifier == nil || len(c.d.Sentences) == 0 {
		return
	}
	d := c.d
	b := fluencyPool.Get().(*fluencyBuf)
	if len(d.Tokens) <= doc.PooledTokens { // a huge document's buffers are not kept
		defer fluencyPool.Put(b)
	}
	c.contrast, c.contrast3, c.contrast4 = classifier.Contrast, classifier.Contrast3, classifier.Contrast4
	b.f = c.features(b.f)
	fs := b.f
	if cap(b.p) < len(fs) {
		b.p = make([]float64, len(fs))
	}
	p := b.p[:len(fs)]
	sum := 0.0
	for i := range fs {
		fs[i][fDocProb] = 0
		p[i] = classifier.First.Prob(&fs[i])
		sum += p[i]
	}
	mean := shrink(sum, float64(len(fs)), priorProb)
	t := o.Threshold
	if t == 0 {
		t = float64(classifier.Threshold)
	}
	fi, ri := 0, 0
	flags := c.flags
	for i := range fs {
		fs[i][fDocProb] = mean
		q := classifier.Second.Prob(&fs[i])
		s := &d.Sentences[i]
		s.Quality = float32(max(0.001, math.Round((1-q)*1000)/1000))
		// c.repeated is in sentence order: walk it beside the sentences
		for ri < len(c.repeated) && c.repeated[ri] < i {
			ri++
		}
		if ri < len(c.repeated) && c.repeated[ri] == i {
			c.add(s.Span, KindRepeat, fmt.Sprintf("repeats an earlier sentence word for word (quality %.2f)", 1-q))
			continue
		}
		if q < t {
			continue
		}
		for fi < len(flags) && flags[fi].End <= s.Start {
			fi++
		}
		if fi < len(flags) && flags[fi].Overlaps(s.Span) {
			continue // already explained by a sharper flag
		}
		c.add(s.Span, KindSuspect, c.suspectWhy(&fs[i], 1-q))
	}
}

// suspectWhy says why a sentence was flagged, from its strongest tell.
func (c *checker) suspectWhy(f *Features, quality float64) string {
	switch {
	case f[fRepeatPrev] >= 0.8:
		return fmt.Sprintf("repeats an earlier sentence (%.0f%% of its words); reads unlike English news (quality %.2f)", 100*f[fRepeatPrev], quality)
	case f[fRepPair] >= 2 || f[fRepWord] >= 2:
		return fmt.Sprintf("repeats its own words in a loop, as translation systems do when they lose their way (quality %.2f)", quality)
	case f[fOdd] >= 1:
		return fmt.Sprintf("holds words in another script or glued to digits, left untranslated (quality %.2f)", quality)
	case f[fOOVLower] >= 0.2:
		return fmt.Sprintf("%.0f%% of its lower-case words are unknown to English news: untranslated or transliterated words (quality %.2f)", 100*f[fOOVLower], quality)
	}
	return fmt.Sprintf("reads unlike English news: its word sequences are ones edited news rarely writes (quality %.2f)", quality)
}
