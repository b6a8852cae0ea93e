package score

import (
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

func TestWords(t *testing.T) {
	text := "Ms. Okafor’s 2,000 señales_x —ok"
	var got []string
	for _, w := range wordsOf(text) {
		got = append(got, text[w.Start:w.End])
	}
	if want := []string{"Ms", "Okafor", "s", "2", "000", "señales_x", "ok"}; !reflect.DeepEqual(got, want) {
		t.Errorf("wordsOf = %q, want %q", got, want)
	}
	ws := wordsOf(text)
	// a span starting inside a word takes that word, as score.py's toks does
	if n := len(ws.in(6, 10)); n != 1 {
		t.Errorf("in(6, 10) = %d words, want 1", n)
	}
}

func TestNorm(t *testing.T) {
	for in, want := range map[string]string{
		"  Mr. O’Neill ":  "mr oneill",
		"U.S.-backed":     "usbacked",
		"Zoë Adebayo-Lin": "zoë adebayolin",
	} {
		if got := norm(in); got != want {
			t.Errorf("norm(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestGreedy(t *testing.T) {
	// equal scores: the higher gold index, then the higher found index, first
	got := greedy([]pair{{1, 0, 0}, {1, 0, 1}, {1, 1, 0}, {0.5, 1, 1}})
	if want := [][2]int{{1, 0}, {0, 1}}; !reflect.DeepEqual(got, want) {
		t.Errorf("greedy = %v, want %v", got, want)
	}
}

func TestPRF(t *testing.T) {
	m := PRF{TP: 2, Pred: 3, Gold: 4}
	if got, want := m.String(), "p=66.7 r=50.0 f1=57.1 tp=2 pred=3 gold=4"; got != want {
		t.Errorf("%s, want %s", got, want)
	}
	if (PRF{}).F1() != 0 {
		t.Error("empty PRF must score 0")
	}
}

// TestAgreesWithScorePy runs ../shared/tools/score.py and this package on
// the small gold files and wants the same lines: the two must not drift
// apart. It builds the dossier binary for score.py; skipped with -short,
// without python3 or without ../shared.
func TestAgreesWithScorePy(t *testing.T) {
	if testing.Short() {
		t.Skip("-short: skips building the binary for score.py")
	}
	py, err := exec.LookPath("python3")
	if err != nil {
		t.Skip("python3 not found: the agreement with score.py is not checked")
	}
	const shared = "../../shared/"
	if _, err := os.Stat(shared + "tools/score.py"); err != nil {
		t.Skip("../shared not found: gold-data tests need the shared folder beside the checkout")
	}
	bin := filepath.Join(t.TempDir(), "dossier")
	if out, err := exec.Command("go", "build", "-o", bin, "../cmd/dossier").CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	for _, c := range [][2]string{
		{"seed", "seed/unsc-mali.gold.json"},
		{"plover", "plover/gsr.jsonl"},
		{"gum", "gum/news.jsonl"},
		{"tempeval", "tempeval3/aquaint.jsonl"},
		{"polnear", "polnear/dev.jsonl"},
	} {
		out, err := exec.Command(py, shared+"tools/score.py", c[0], shared+"gold/"+c[1], "--bin", bin).Output()
		if err != nil {
			t.Fatalf("score.py %s: %v", c[0], err)
		}
		cmd := exec.Command(bin, "score", c[0], shared+"gold/"+c[1])
		ours, err := cmd.Output()
		if err != nil {
			t.Fatalf("dossier score %s: %v", c[0], err)
		}
		have := map[string]bool{}
		for _, l := range strings.Split(strings.TrimSpace(string(ours)), "\n") {
			have[l] = true
		}
		for _, l := range strings.Split(strings.TrimSpace(string(out)), "\n") {
			name := strings.Fields(l)[0]
			if name == "speed" || name == "flags" || name == "direct_recall" {
				continue // not a PRF line (direct_recall is direct_content's recall here)
			}
			if !have[l] {
				t.Errorf("%s %s: score.py prints %q; dossier score does not:\n%s", c[0], c[1], l, ours)
			}
		}
	}
}
