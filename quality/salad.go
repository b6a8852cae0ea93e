package quality

import (
	"fmt"
	"math"
	"strings"

	"github.com/dossier-news/dossier/doc"
)

// Word-salad settings, tuned on PolNeAR's dev articles (clean) against the
// hand-written garbled sentences of the tests.
const (
	// saladFloor is the log2 probability given to a class bigram clean news
	// never wrote.
	saladFloor = -14
	// saladWindow is how many consecutive bigrams are judged together:
	// salad is a run of unlikely steps, where a clean sentence has at most
	// one odd step (a rare name, a quoted slogan).
	saladWindow = 6
	// saladThreshold is how far below clean news, in bits, the worst window
	// must fall to be flagged.
	saladThreshold = 18
	// saladMinWords: shorter sentences (headings, "Show humility") are too
	// short to judge.
	saladMinWords = 6
)

// rowLog and colLog cache, per class, log2 of its row total (to turn a
// stored count into a conditional probability) and log2 of its share of all
// tokens (what the class's probability would be if the word before told
// nothing).
var rowLog, colLog = logTotals(model)

// colFloor is colLog minus saladFloor: the surprise of a step never seen.
var colFloor = func() []float64 {
	f := make([]float64, len(colLog))
	for c, x := range colLog {
		f[c] = x - saladFloor
	}
	return f
}()

func logTotals(m *Model) (row, col []float64) {
	if m == nil {
		return nil, nil
	}
	row, col = make([]float64, m.n), make([]float64, m.n)
	colSum := make([]float64, m.n)
	total := 0.0
	for a := 0; a < m.n; a++ {
		sum := 0.0
		for b := 0; b < m.n; b++ {
			if q := m.count(a, b); q > 0 {
				n := math.Exp2(float64(q)) - 1
				sum += n
				colSum[b] += n
			}
		}
		row[a] = math.Log2(sum + 1)
		total += sum
	}
	for b := range col {
		col[b] = math.Log2(colSum[b]+1) - math.Log2(total)
	}
	return row, col
}

// surprise is how much less likely, in bits, class c is after class prev
// than it is on average: 0 when the step is as likely as usual or more.
func surprise(prev, c int) float64 {
	x := colFloor[c]
	if q := model.count(prev, c); q > 0 {
		x = colLog[c] - (float64(q) - rowLog[prev])
	}
	if x > 0 {
		return x
	}
	return 0
}

// salad flags sentences with a run of word-to-word steps that clean news
// does not take ("The of government announced will new the measures").
func (c *checker) salad() {
	if model == nil {
		return
	}
	d := c.d
	fi := 0 // next flag that may overlap
	flags := c.flags
	for _, s := range d.Sentences {
		for fi < len(flags) && flags[fi].End <= s.Start {
			fi++
		}
		if fi < len(flags) && flags[fi].Overlaps(s.Span) {
			continue // already explained by a sharper flag
		}
		c.saladSentences++
		// only whether there are saladMinWords words matters: stop there
		words := 0
		for k := s.Tokens.First; k < s.Tokens.End && words < saladMinWords; k++ {
			if d.Tokens[k].Kind == doc.Word {
				words++
			}
		}
		if words < saladMinWords {
			continue
		}
		best, bestEnd := c.worstWindow(s)
		if best < saladThreshold {
			continue
		}
		c.add(s.Span, KindSalad, c.saladWhy(s, bestEnd, best))
	}
}

// worstWindow returns the largest total surprise over saladWindow
// consecutive steps of sentence s, and the token where that window ends.
func (c *checker) worstWindow(s doc.Sentence) (best float64, bestEnd int) {
	d := c.d
	toks, hash := d.Tokens, c.hash      // in locals: not reloaded through c on every token
	ids, wbits := d.WordIDs, d.WordBits // as long as toks: Check filled them (hashes)
	plain := plainClasses()
	var steps [saladWindow]float64 // ring buffer of the last surprises
	sum := 0.0
	i := 0 // (k - s.Tokens.First) % saladWindow
	prev := clsStart
	for k := s.Tokens.First; k <= s.Tokens.End; k++ {
		cls := clsEnd
		if k < s.Tokens.End {
			if id := ids[k]; toks[k].Kind == doc.Word && wbits[k]&(doc.WordUpper|doc.WordNonASCII) == 0 && id != 0 && int(id) < len(plain) {
				// a lower-case ASCII word the vocabulary knows: its text is
				// its vocabulary word, so its class is the word's
				cls = int(plain[id])
			} else {
				cls = class(d, k, hash[k], model)
			}
			if toks[k].Kind == doc.Punct && c.glued(k) {
				// a dot inside a web address or a name (will.i.am): the
				// words around it are not prose, so start the window afresh
				steps, sum = [saladWindow]float64{}, 0
			}
		}
		x := surprise(prev, cls)
		sum += x - steps[i]
		steps[i] = x
		if i++; i == saladWindow {
			i = 0
		}
		if sum > best {
			best, bestEnd = sum, k
		}
		prev = cls
	}
	return best, bestEnd
}

// glued reports whether token k is punctuation with no space on either
// side between two words, as in web addresses and handles.
func (c *checker) glued(k int) bool {
	toks := c.d.Tokens
	return toks[k].Kind == doc.Punct && k > 0 && k+1 < len(toks) && !toks[k].Has(doc.FlagSpaceAfter) &&
		!toks[k-1].Has(doc.FlagSpaceAfter) && toks[k+1].Kind != doc.Punct && toks[k-1].Kind != doc.Punct
}

// saladWhy names the oddest steps of the worst window, so a reader sees what
// made the sentence read as salad.
func (c *checker) saladWhy(s doc.Sentence, end int, bits float64) string {
	d := c.d
	first := max(s.Tokens.First, end-saladWindow+1)
	type step struct {
		k int
		x float64
	}
	var odd []step
	for k := first; k <= end && k < s.Tokens.End; k++ {
		prev := clsStart
		if k > s.Tokens.First {
			prev = class(d, k-1, c.hash[k-1], model)
		}
		if x := surprise(prev, class(d, k, c.hash[k], model)); x >= 6 && k > s.Tokens.First {
			odd = append(odd, step{k, x})
		}
	}
	var pairs []string
	for _, o := range odd {
		pairs = append(pairs, fmt.Sprintf("%q", d.TokenText(o.k-1)+" "+d.TokenText(o.k)))
		if len(pairs) == 4 {
			break
		}
	}
	return fmt.Sprintf("word salad: within a few words, %s and the like are pairs clean, edited news almost never writes (%.0f bits below it)", strings.Join(pairs, ", "), bits)
}
