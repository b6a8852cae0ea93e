package link

import "testing"

// TestGoldFloors holds linking to floors a little under its figures on the
// training files (dupes train; ECB+ train, on which the story parameters
// were chosen by cross-validation over topics), so a change that loses
// copies, stories or actors fails here and not only in score.py. It skips
// without ../shared (readGold says so). The opt-in LINK_GOLD tests print
// the full figures and the threshold sweeps.
func TestGoldFloors(t *testing.T) {
	if testing.Short() {
		t.Skip("-short: the gold floors link two training files")
	}
	dupes := readGold(t, "dupes/train.jsonl")
	s, look := dupeScore(dupes, linkAll(dupes, DefaultConfig()))
	if f := 100 * s.F1(); f < 99 || 100*ratio(s.tp, s.pred) < 99.5 {
		t.Errorf("dupes train: duplicate links %v (F1 %.1f), floor F1 99 and precision 99.5", s, f)
	}
	if look != 0 {
		t.Errorf("dupes train: %d look-alike pairs linked as copies, want 0", look)
	}

	ecb := readGold(t, "ecbplus/train.jsonl")
	ln := linkAll(ecb, DefaultConfig())
	_, _, storyF := storyScore(ecb, ln)
	ms := actorMentions(ecb, ln)
	type floor struct {
		what       string
		got, floor float64
	}
	floors := []floor{
		{"ECB+ train story B-cubed F1", 100 * storyF, 86},
		{"ECB+ train named actor pairs F1", 100 * crossDoc(ms, true).F1(), 68},
		{"ECB+ train all actor pairs F1", 100 * crossDoc(ms, false).F1(), 44},
	}
	for _, f := range floors {
		if f.got < f.floor {
			t.Errorf("%s %.1f is under its floor %.1f", f.what, f.got, f.floor)
		} else {
			t.Logf("%s %.1f (floor %.1f)", f.what, f.got, f.floor)
		}
	}
}
