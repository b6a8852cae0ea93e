package quality

import (
	"math"
	"testing"
)

// The fast logarithm stays within a hundredth of math.Log2 over the range
// the language model's probabilities take.
func TestLog2(t *testing.T) {
	worst := 0.0
	for x := 1e-9; x < 1e6; x *= 1.01 {
		worst = math.Max(worst, math.Abs(log2(x)-math.Log2(x)))
	}
	if worst > 0.01 {
		t.Fatalf("log2 is off by up to %g", worst)
	}
}

// The embedded models load, and the language model knows common words
// and common pairs better than garbled ones.
func TestModelsLoad(t *testing.T) {
	if news == nil || classifier == nil {
		t.Fatal("news.lm or mtqe.model is empty: run dossier train quality")
	}
	the, of := wordHash("the"), wordHash("of")
	if news.count(the) < 1000 {
		t.Errorf("the: count %d", news.count(the))
	}
	good, _ := news.logProb(of, the, news.count(of), news.count(the))
	bad, _ := news.logProb(the, of, news.count(the), news.count(of))
	if good <= bad {
		t.Errorf("log2 p(the|of) %.2f <= log2 p(of|the) %.2f", good, bad)
	}
}
