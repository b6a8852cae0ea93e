package quality

import (
	"fmt"
	"math"
	"slices"

	"github.com/dossier-news/dossier/doc"
)

// weights say how much one flag of each kind counts against the document.
var weights = map[doc.FlagKind]float64{
	KindMT:         1.0,
	KindOrphan:     0.8,
	KindPunctStart: 0.6,
	KindSalad:      0.6,
	KindQuote:      0.5,
	KindSuspect:    1.0,
	KindRepeat:     1.0,
	KindLeadIn:     0.5,
}

// unpairedWeight is what a quotation mark nothing matches costs: little,
// since clean news has them too.
const unpairedWeight = 0.15

// score turns the flags into a 0-1 score: debris per sentence, with a floor
// of ten sentences so that one flag in a brief does not sink it, decays the
// score exponentially. A machine-translation tell caps the score at 0.5,
// since it shows the whole text went through a machine translator.
func (c *checker) score() *doc.Quality {
	counts := map[doc.FlagKind]int{}
	debris := 0.0
	splices := 0
	for _, f := range c.d.Flags {
		debris += weights[f.Kind]
		if f.Kind == KindMT && slices.Contains(c.splices, f.Span) {
			splices++
			continue
		}
		counts[f.Kind]++
	}
	debris += unpairedWeight * float64(c.unpaired)
	n := max(len(c.d.Sentences), 10)
	score := math.Exp(-6 * debris / float64(n))
	q := &doc.Quality{}
	if counts[KindMT] > 0 {
		score = min(score, 0.5)
		q.Reasons = append(q.Reasons, fmt.Sprintf("%s: the text was probably machine-translated", plural(counts[KindMT], "machine-translation tell", "machine-translation tells")))
	}
	if splices > 0 {
		q.Reasons = append(q.Reasons, plural(splices, "sentence is", "sentences are")+" spliced onto a cut-off one after a comma")
	}
	if n := counts[KindOrphan]; n > 0 {
		q.Reasons = append(q.Reasons, plural(n, "orphan fragment", "orphan fragments")+" left between sentences")
	}
	if n := counts[KindPunctStart]; n > 0 {
		q.Reasons = append(q.Reasons, plural(n, "fragment starts", "fragments start")+" with punctuation after a full stop")
	}
	if n := counts[KindQuote]; n > 0 {
		q.Reasons = append(q.Reasons, plural(n, "quotation has", "quotations have")+" mismatched marks")
	}
	if n := counts[KindSalad]; n > 0 {
		q.Reasons = append(q.Reasons, fmt.Sprintf("%s of %d read as word salad (word sequences clean news does not write)", plural(n, "sentence", "sentences"), c.saladSentences))
	}
	if c.unpaired > 0 {
		q.Reasons = append(q.Reasons, plural(c.unpaired, "quotation mark matches", "quotation marks match")+" nothing")
	}
	if n := counts[KindLeadIn]; n > 0 {
		q.Reasons = append(q.Reasons, plural(n, "sentence opens", "sentences open")+" with a spinner's or aggregator's lead-in")
	}
	if n := counts[KindRepeat]; n > 0 {
		q.Reasons = append(q.Reasons, plural(n, "sentence repeats", "sentences repeat")+" an earlier one word for word")
	}
	if n := counts[KindSuspect]; n > 0 {
		q.Reasons = append(q.Reasons, fmt.Sprintf("%s of %d read unlike English news (the fluency model's mt_suspect)", plural(n, "sentence", "sentences"), len(c.d.Sentences)))
	}
	q.Score = math.Round(score*100) / 100
	return q
}

func plural(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return fmt.Sprintf("%d %s", n, many)
}
