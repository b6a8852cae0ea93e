package quality

import (
	"strings"
	"testing"

	"github.com/dossier-news/dossier/doc"
)

// flagsOf returns "kind text" for each flag of d.
func flagsOf(d *doc.Document) []string {
	var out []string
	for _, f := range d.Flags {
		out = append(out, string(f.Kind)+" "+d.Slice(f.Span))
	}
	return out
}

// Spinners' lead-ins are flagged, and only the lead-in; the same words in
// ordinary use are not.
func TestLeadIns(t *testing.T) {
	cases := []struct{ text, want string }{
		{"Big News: The port authority will raise its fees by a tenth next month.", "spin_leadin Big News:"},
		{"BREAKING: Two ferries collided off the northern cape on Sunday morning.", "spin_leadin BREAKING:"},
		{"Just in - The central bank left its main rate unchanged at four percent.", "spin_leadin Just in -"},
		{"Shocking! A mayor was fined for parking in a bus lane outside city hall.", "spin_leadin Shocking!"},
		{"According to new developments, the rebels shelled a market in the east.", "spin_leadin According to new developments,"},
		{"As per latest reports, the storm has cut power to thirty villages.", "spin_leadin As per latest reports,"},
		{"In a shocking turn of events, the coach resigned before the final match.", "spin_leadin In a shocking turn of events,"},
		// ordinary English that starts the same way
		{"Breaking the deadlock, the two parties agreed on a budget late on Friday.", ""},
		{"According to the ministry, the harvest was the largest in a decade.", ""},
		{"In a statement, the company said it would appeal against the ruling.", ""},
		{"The big news of the week was the opening of the new bridge over the river.", ""},
	}
	checkFlags(t, cases, KindLeadIn)
}

// Tortured phrases from the published list are flagged where they stand;
// the fixed terms they replace are not.
func TestTorturedPhrases(t *testing.T) {
	cases := []struct{ text, want string }{
		{"The start-up sells man-made consciousness tools to small banks in the region.", "mt_artefact man-made consciousness"},
		{"Hospitals use huge information to plan the number of beds they will need.", "mt_artefact huge information"},
		{"The insurer said its new face acknowledgment system cut fraud by a third.", "mt_artefact face acknowledgment"},
		{"The start-up sells artificial intelligence tools to small banks in the region.", ""},
		{"Hospitals use big data to plan the number of beds they will need this winter.", ""},
	}
	checkFlags(t, cases, KindMT)
}

// checkFlags checks that each text gets exactly the flags of the kind
// given in want ("kind text", joined by "; "; "" for none).
func checkFlags(t *testing.T, cases []struct{ text, want string }, kind doc.FlagKind) {
	t.Helper()
	for _, c := range cases {
		var got []string
		for _, f := range flagsOf(analyse(c.text)) {
			if strings.HasPrefix(f, string(kind)+" ") {
				got = append(got, f)
			}
		}
		if g := strings.Join(got, "; "); g != c.want {
			t.Errorf("%q: got %q, want %q", c.text, g, c.want)
		}
	}
}

// A sentence repeated word for word after a few others is flagged once, as
// a repeat; short lines that news repeats are not.
func TestRepeatedSentence(t *testing.T) {
	loop := "The council approved the new budget for the coming year on Tuesday. " +
		"Teachers will get a raise of three percent. " +
		"The council approved the new budget for the coming year on Tuesday. " +
		"The council approved the new budget for the coming year on Tuesday."
	d := analyse(loop)
	n := 0
	for _, f := range d.Flags {
		if f.Kind == KindRepeat {
			n++
		}
	}
	if n != 2 {
		t.Errorf("repeated sentences: got %d flags (%v), want 2", n, flagsOf(d))
	}
	short := "Read more. The mayor opened the new library on Monday. Read more."
	if d := analyse(short); len(d.Flags) != 0 {
		t.Errorf("short repeated line flagged: %v", flagsOf(d))
	}
	near := "The council approved the new budget on Tuesday after a long debate. " +
		"The council approved the new schools plan on Wednesday after a short debate."
	for _, f := range flagsOf(analyse(near)) {
		if strings.HasPrefix(f, "repeated_sentence") {
			t.Errorf("a sentence that only resembles the one before is flagged: %s", f)
		}
	}
}

// A loop of repeated words inside a sentence reads worse than the same
// sentence without it.
func TestLoopLowersQuality(t *testing.T) {
	clean := analyse("The army said it had taken the town after two days of fighting.")
	loop := analyse("The army said it had taken the town the town the town the town after two days of fighting.")
	if q, l := clean.Sentences[0].Quality, loop.Sentences[0].Quality; !(l < q) {
		t.Errorf("loop quality %.3f, clean %.3f: want the loop lower", l, q)
	}
}

// Every sentence gets a quality, and garbled word order scores lower than
// edited prose.
func TestSentenceQuality(t *testing.T) {
	d := analyse("The minister said the talks would resume next week in the capital. " +
		"Of the by resume will talks the minister capital week next in said.")
	for i, s := range d.Sentences {
		if s.Quality <= 0 || s.Quality > 1 {
			t.Errorf("sentence %d: quality %v, want (0, 1]", i, s.Quality)
		}
	}
	if len(d.Sentences) == 2 && d.Sentences[1].Quality >= d.Sentences[0].Quality {
		t.Errorf("garbled %.3f >= clean %.3f", d.Sentences[1].Quality, d.Sentences[0].Quality)
	}
}

// The threshold is an option: above 1 no sentence is flagged mt_suspect,
// at 0.0001 every one is (unless a sharper flag explains it).
func TestThresholdOption(t *testing.T) {
	text := "The minister said the talks would resume next week in the capital."
	for _, c := range []struct {
		t    float64
		want int
	}{{2, 0}, {0.0001, 1}} {
		d := doc.New("t", text)
		analyseWith(d, Options{Threshold: c.t})
		n := 0
		for _, f := range d.Flags {
			if f.Kind == KindSuspect {
				n++
			}
		}
		if n != c.want {
			t.Errorf("threshold %g: %d mt_suspect flags, want %d", c.t, n, c.want)
		}
	}
}
