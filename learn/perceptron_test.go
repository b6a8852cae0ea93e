package learn

import (
	"bytes"
	"testing"
)

var (
	pw = P("w")
	pn = P("n")
)

// A separable yes/no problem is learnt, and the averaged model keeps it.
func TestBinary(t *testing.T) {
	words := []struct {
		w   string
		yes bool
	}{{"said", true}, {"told", true}, {"added", true}, {"table", false}, {"river", false}, {"blue", false}}
	tr := NewTrainer(12)
	for ep := 0; ep < 5; ep++ {
		for _, x := range words {
			tr.Binary(Features{}.Add(pw, x.w), x.yes)
		}
	}
	m := tr.Model()
	for _, x := range words {
		if got := m.Score(Features{}.Add(pw, x.w)) > 0; got != x.yes {
			t.Errorf("%s: got %v, want %v", x.w, got, x.yes)
		}
	}
}

// The ranker learns to prefer the candidate with the right feature.
func TestRank(t *testing.T) {
	tr := NewTrainer(12)
	for ep := 0; ep < 5; ep++ {
		for i := 0; i < 10; i++ {
			cands := []Features{
				Features{}.Add(pn, "far"),
				Features{}.Add(pn, "near"),
				Features{}.Add(pn, "middle"),
			}
			tr.Rank(cands, 1)
		}
	}
	m := tr.Model()
	if b := m.Best([]Features{Features{}.Add(pn, "middle"), Features{}.Add(pn, "near")}); b != 1 {
		t.Errorf("best %d, want 1", b)
	}
	if b := m.Best(nil); b != -1 {
		t.Errorf("best of none %d, want -1", b)
	}
}

// A model survives writing and reading, and training is deterministic.
func TestRoundTrip(t *testing.T) {
	build := func() []byte {
		tr := NewTrainer(10)
		for i, w := range []string{"a", "b", "c", "d", "e", "f"} {
			tr.Binary(Features{}.Add2(pw, w, "x"), i%2 == 0)
		}
		b, _ := tr.Model().MarshalBinary()
		return b
	}
	b1, b2 := build(), build()
	if !bytes.Equal(b1, b2) {
		t.Fatal("two trainings on the same data differ")
	}
	m, err := Load(b1)
	if err != nil {
		t.Fatal(err)
	}
	if m.Bits != 10 || m.Size() != 1024 {
		t.Errorf("bits %d, size %d", m.Bits, m.Size())
	}
	f := Features{}.Add2(pw, "a", "x")
	tr := NewTrainer(10)
	for i, w := range []string{"a", "b", "c", "d", "e", "f"} {
		tr.Binary(Features{}.Add2(pw, w, "x"), i%2 == 0)
	}
	want := tr.Model().Score(f)
	if got := m.Score(f); got-want > 0.01 || want-got > 0.01 {
		t.Errorf("score after round trip %v, want %v", got, want)
	}
	if _, err := Load([]byte("nonsense")); err == nil {
		t.Error("Load accepted a file that is not a model")
	}
	var nilModel *Model
	if nilModel.Score(f) != 0 {
		t.Error("a nil model must score 0")
	}
}

// Features with different prefixes or values hash apart.
func TestFeaturesDiffer(t *testing.T) {
	a := Features{}.Add(pw, "said")[0]
	b := Features{}.Add(pn, "said")[0]
	c := Features{}.Add2(pw, "sa", "id")[0]
	d := Features{}.Add(pw, "told")[0]
	if a == b || a == c || a == d {
		t.Errorf("hash collision among %x %x %x %x", a, b, c, d)
	}
}
