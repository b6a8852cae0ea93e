package quotes

import (
	"os"
	"testing"

	"github.com/dossier-news/dossier/doc"
	"github.com/dossier-news/dossier/gold"
)

// diagGold skips a development diagnostic unless DOSSIER_DIAG is set, and
// returns the PolNeAR file it reads: GOLD when set, else def (a path under
// ../shared/gold); it skips with the usual message when the file is absent.
func diagGold(t *testing.T, def string) string {
	t.Helper()
	if os.Getenv("DOSSIER_DIAG") == "" {
		t.Skip("a development diagnostic: set DOSSIER_DIAG=1 to run it")
	}
	path := def
	if p := os.Getenv("GOLD"); p != "" {
		path = p
	}
	if _, err := os.Stat(path); err != nil {
		t.Skip("../shared/gold not found: gold-data tests need the shared folder beside the checkout")
	}
	return path
}

// exactSpan is s as score.py's exact_* measures compare it (gold.ExactTrim),
// or the zero Span when nothing is left.
func exactSpan(d *doc.Document, s doc.Span) doc.Span {
	if a, b := gold.ExactTrim(d.Text, s.Start, s.End); b > a {
		return doc.Span{Start: a, End: b}
	}
	return doc.Span{}
}

// eachCandidate visits the document's cue candidates as Extract proposes
// them: head token k in sentence [a, b), with the cue model's score when
// the model judges the candidate (judged false, score 9: a verb of saying
// that only the direct layouts accept).
func (c *ctx) eachCandidate(m *models, fn func(k, a, b int, score float32, judged bool)) {
	for _, s := range c.sents {
		a, b := s.Tokens.First, s.Tokens.End
		c.beginSentence(a, b)
		for k := a; k < b; k++ {
			_, ce, kind, ok := c.cueAt(k, a, b)
			if !ok {
				continue
			}
			var score float32 = 9
			judged := c.heads(k)&headSpeechOnly == 0 || kind != "verb"
			if judged {
				score = m.cue.Score(c.cueFeatures(nil, k, a, b))
			}
			fn(k, a, b, score, judged)
			k = ce - 1
		}
	}
}
