package quality

import (
	"bufio"
	"encoding/json"
	"os"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/dossier-news/dossier/doc"
	"github.com/dossier-news/dossier/text"
)

func analyse(s string) *doc.Document {
	d := doc.New("test", s)
	analyseWith(d, Options{})
	return d
}

func analyseWith(d *doc.Document, o Options) {
	text.Analyze(d)
	AnalyzeWith(d, o)
}

func kinds(d *doc.Document) string {
	var k []string
	for _, f := range d.Flags {
		k = append(k, f.Kind.String()+" "+d.Slice(f.Span))
	}
	return strings.Join(k, "; ")
}

// TestGarbled checks each garbled case is flagged with the expected kind,
// and reports the detection rate over all of them (hard cases included).
func TestGarbled(t *testing.T) {
	if len(garbledCases) < 40 {
		t.Fatalf("%d garbled cases: the issue asks for at least 40", len(garbledCases))
	}
	found := 0
	for _, g := range garbledCases {
		d := analyse(g.text)
		ok := false
		for _, f := range d.Flags {
			if g.want == "" || f.Kind == g.want {
				ok = true
			}
		}
		if ok {
			found++
		} else if !g.hard {
			t.Errorf("not flagged as %s: %q (flags: %s)", g.want, g.text, kinds(d))
		}
		if d.Quality == nil || ok && d.Quality.Score >= 1 {
			t.Errorf("%q: flagged but scored %v", g.text, d.Quality)
		}
	}
	t.Logf("garbled: %d of %d flagged (%.0f%%)", found, len(garbledCases), 100*float64(found)/float64(len(garbledCases)))
}

// TestClean checks that none of the clean cases is flagged.
func TestClean(t *testing.T) {
	if len(cleanCases) < 40 {
		t.Fatalf("%d clean cases: the issue asks for at least 40", len(cleanCases))
	}
	flagged := 0
	for _, s := range cleanCases {
		d := analyse(s)
		if len(d.Flags) > 0 {
			flagged++
			t.Errorf("clean text flagged: %q: %s", s, kinds(d))
		}
		if d.Quality == nil || d.Quality.Score < 0.9 {
			t.Errorf("clean text scored %v: %q", d.Quality, s)
		}
	}
	t.Logf("clean: %d of %d flagged (%.0f%% false alarms)", flagged, len(cleanCases), 100*float64(flagged)/float64(len(cleanCases)))
}

// TestSpans checks a flag covers the debris and not the sentence it hangs on.
func TestSpans(t *testing.T) {
	cases := []struct{ text, want string }{
		{"The talks ended without a deal on Friday. rice field. The envoys will meet again.", "rice field."},
		{"The port reopened after the storm. increase.", "increase."},
		{"“Nothing has changed in the north.” there is,” the officer said.", "there is,”"},
		{"The army said it was “ready to talk to the rebels. ‘ said.", "‘ said."},
		{"The ministry blamed the weather and their surveillance services. , and transport assets.", ", and transport assets."},
		{"The two countries signed a trade deal. Did. The markets rose.", "Did."},
		{"The plan depends on progress in the transition, He said it needed more troops.", ","},
	}
	for _, c := range cases {
		d := analyse(c.text)
		if len(d.Flags) != 1 || d.Slice(d.Flags[0].Span) != c.want {
			t.Errorf("%q: flags %s, want one flag on %q", c.text, kinds(d), c.want)
		}
		if len(d.Flags) == 1 && d.Flags[0].Why == "" {
			t.Errorf("%q: flag without a reason", c.text)
		}
	}
}

// TestTellsFile checks the data file's format rules, so an edit that breaks
// it fails here rather than at start-up.
func TestTellsFile(t *testing.T) {
	if _, err := parseTells("tells.txt", tellsData); err != nil {
		t.Fatal(err)
	}
	bad := []string{"rice field | somewhere | why", "rice field | fragment |", " | fragment | why"}
	for _, b := range bad {
		if _, err := parseTells("bad.txt", b); err == nil {
			t.Errorf("%q parsed without an error", b)
		}
	}
}

// TestModelRoundTrip checks the embedded model decodes and encodes to the
// same bytes.
func TestModelRoundTrip(t *testing.T) {
	if model == nil {
		t.Fatal("no embedded word-salad model: run `dossier train quality` and commit quality/data/salad.bin")
	}
	if got := model.Bytes(); string(got) != string(modelData) {
		t.Errorf("model re-encodes to %d bytes, embedded %d", len(got), len(modelData))
	}
	if _, err := ReadModel(modelData[:len(modelData)-1]); err == nil {
		t.Error("a truncated model was accepted")
	}
}

// TestEmpty checks the stage copes with documents without text.
func TestEmpty(t *testing.T) {
	for _, s := range []string{"", " ", "\n\n", "“", "‘ said.", ". , ;"} {
		d := analyse(s)
		if d.Quality == nil {
			t.Errorf("%q: no quality", s)
		}
	}
}

const goldSkip = "../shared/gold not found: gold-data tests need the shared folder beside the checkout"

// TestCleanNews checks PolNeAR's dev articles (clean, edited news) get at
// most four flags in all, as the issue asks.
func TestCleanNews(t *testing.T) {
	f, err := os.Open("../../shared/gold/polnear/dev.jsonl")
	if err != nil {
		t.Skip(goldSkip)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<26)
	n, docs := 0, 0
	for sc.Scan() {
		var in struct{ ID, Text string }
		if err := json.Unmarshal(sc.Bytes(), &in); err != nil {
			t.Fatal(err)
		}
		d := analyse(in.Text)
		docs++
		for _, fl := range d.Flags {
			n++
			t.Logf("%s: %s %q", in.ID, fl.Kind, d.Slice(fl.Span))
		}
	}
	t.Logf("%d flags over %d clean articles", n, docs)
	if n > 4 {
		t.Errorf("%d flags over %d clean articles, want at most 4", n, docs)
	}
}

// TestSeed checks the founding article's six gold artefacts are all flagged
// with at most three flags more.
func TestSeed(t *testing.T) {
	txt, err := os.ReadFile("../../shared/gold/seed/unsc-mali.txt")
	if err != nil {
		t.Skip(goldSkip)
	}
	raw, err := os.ReadFile("../../shared/gold/seed/unsc-mali.gold.json")
	if err != nil {
		t.Skip(goldSkip)
	}
	var gold struct {
		Artefacts []struct {
			Text  string `json:"text"`
			Start int    `json:"byte_start"`
			End   int    `json:"byte_end"`
		} `json:"artefacts"`
	}
	if err := json.Unmarshal(raw, &gold); err != nil {
		t.Fatal(err)
	}
	d := analyse(string(txt))
	found := 0
	for _, a := range gold.Artefacts {
		hit := false
		for _, f := range d.Flags {
			if f.Overlaps(doc.Span{Start: a.Start, End: a.End}) {
				hit = true
			}
		}
		if hit {
			found++
		} else {
			t.Errorf("gold artefact %q not flagged", a.Text)
		}
	}
	if extra := len(d.Flags) - found; extra > 3 {
		t.Errorf("%d flags beyond the gold artefacts, want at most 3: %s", extra, kinds(d))
	}
	t.Logf("seed: %d of %d artefacts, %d flags, score %.2f", found, len(gold.Artefacts), len(d.Flags), d.Quality.Score)
}

// benchDoc is about 1,000 words of news prose with some debris, built from
// the hand-written cases.
func benchDoc() *doc.Document {
	var sb strings.Builder
	for words := 0; words < 920; {
		for _, s := range cleanCases {
			if words >= 920 {
				break
			}
			sb.WriteString(s)
			sb.WriteString(" ")
			words += len(strings.Fields(s))
			if words%200 < 12 {
				sb.WriteString("\nThe port reopened after the storm. increase. The envoys met again on Friday.\n")
			}
		}
	}
	d := doc.New("bench", sb.String())
	text.Analyze(d)
	return d
}

func BenchmarkCheck(b *testing.B) {
	d := benchDoc()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		Analyze(d)
	}
}

// BenchmarkText is the text layer on the same document, for scale: the
// machine is shared, so the ratio is steadier than either figure.
func BenchmarkText(b *testing.B) {
	d := benchDoc()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		text.Analyze(d)
	}
}

func TestBenchDocSize(t *testing.T) {
	d := benchDoc()
	words := 0
	for _, tok := range d.Tokens {
		if tok.Kind == doc.Word {
			words++
		}
	}
	t.Logf("bench document: %d words, %d tokens", words, len(d.Tokens))
}

// TestModelReproducible retrains the word-salad model from PolNeAR's
// training articles and checks it equals the embedded one: the model is
// built by a command, not by hand, and follows the text layer it reads.
func TestModelReproducible(t *testing.T) {
	if testing.Short() {
		t.Skip("retraining takes a second or two")
	}
	f, err := os.Open("../../shared/gold/polnear/train.jsonl")
	if err != nil {
		t.Skip(goldSkip)
	}
	defer f.Close()
	m, err := Train(f, DefaultFrequentWords)
	if err != nil {
		t.Fatal(err)
	}
	if string(m.Bytes()) != string(modelData) {
		t.Error("the embedded word-salad model differs from a fresh training run (the text layer changed?): run `dossier train quality` and commit quality/data/salad.bin")
	}
}

// FuzzCheck checks that any text gives flags inside the text, in order and
// not overlapping, each with a kind and a reason, and a score in [0, 1].
func FuzzCheck(f *testing.F) {
	for _, g := range garbledCases {
		f.Add(g.text)
	}
	for _, s := range cleanCases[:10] {
		f.Add(s)
	}
	f.Add("“ ‘ ” ’ . , ; rice field. . increase, He said ‘ said.")
	f.Fuzz(func(t *testing.T, s string) {
		if !utf8.ValidString(s) {
			return
		}
		d := analyse(s)
		end := 0
		for _, fl := range d.Flags {
			if fl.Start < end || fl.End > len(s) || fl.Start >= fl.End || fl.Kind == "" || fl.Why == "" {
				t.Fatalf("bad flag %+v after offset %d in %q", fl, end, s)
			}
			end = fl.End
		}
		if q := d.Quality; q == nil || q.Score < 0 || q.Score > 1 {
			t.Fatalf("score %v for %q", d.Quality, s)
		}
	})
}
