package doc_test

import (
	"bufio"
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"testing"

	"github.com/dossier-news/dossier/analyze"
	"github.com/dossier-news/dossier/doc"
	"github.com/dossier-news/dossier/examples"
	"github.com/dossier-news/dossier/source"
)

// roundTrip encodes d, decodes it and encodes it again, and fails unless
// both encodings are the same bytes; it also checks the store's form (text
// blanked, set again after decoding).
func roundTrip(t *testing.T, d *doc.Document) {
	t.Helper()
	want, err := json.Marshal(d)
	if err != nil {
		t.Fatal(err)
	}
	back, err := doc.Decode(want)
	if err != nil {
		t.Fatalf("%s: %v", d.ID, err)
	}
	if err := back.Validate(); err != nil {
		t.Fatalf("%s: decoded document is invalid: %v", d.ID, err)
	}
	got, _ := json.Marshal(back)
	if !bytes.Equal(got, want) {
		t.Fatalf("%s: encode→decode→encode differs at byte %d:\n%s\n%s", d.ID, firstDiff(got, want), clip(want, firstDiff(got, want)), clip(got, firstDiff(got, want)))
	}
	blank := *d
	blank.Text = ""
	b, _ := json.Marshal(&blank)
	back, err = doc.Decode(b)
	if err != nil {
		t.Fatal(err)
	}
	back.Text = d.Text
	got, _ = json.Marshal(back)
	if !bytes.Equal(got, want) {
		t.Fatalf("%s: the blanked-text form does not decode to the same document (byte %d)", d.ID, firstDiff(got, want))
	}
}

func firstDiff(a, b []byte) int {
	for i := range min(len(a), len(b)) {
		if a[i] != b[i] {
			return i
		}
	}
	return min(len(a), len(b))
}

func clip(b []byte, at int) string {
	lo, hi := max(0, at-80), min(len(b), at+80)
	return string(b[lo:hi])
}

func TestDecodeRoundTripExamples(t *testing.T) {
	p := analyze.Default()
	for _, name := range examples.Names() {
		d := doc.New(name, examples.Text(name))
		d.Published, d.PublishedFrom = "2024-05-16", "flag"
		d.Story, d.DuplicateOf = "S1", "other"
		if err := p.Process(d); err != nil {
			t.Fatal(err)
		}
		if len(d.Entities) > 0 {
			d.Entities[0].Actor = "A7"
		}
		roundTrip(t, d)
	}
}

// TestDecodeRoundTripPolNeAR holds the decoder to byte-identical output on
// every PolNeAR dev document (skipped when ../shared is absent).
func TestDecodeRoundTripPolNeAR(t *testing.T) {
	path := filepath.Join("..", "..", "shared", "gold", "polnear", "dev.jsonl")
	f, err := os.Open(path)
	if err != nil {
		t.Skipf("gold corpus not found (%v): the round trip on PolNeAR dev needs ../shared beside the worktree", err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 64<<20)
	p := analyze.Default()
	n := 0
	for sc.Scan() {
		n++
		d, _, err := source.ParseLine(sc.Bytes(), "dev", n, source.Options{})
		if err != nil {
			t.Fatal(err)
		}
		if err := p.Process(d); err != nil {
			t.Fatal(err)
		}
		roundTrip(t, d)
	}
	if n == 0 {
		t.Fatal("no documents read")
	}
}

func TestDecodeErrors(t *testing.T) {
	for _, in := range []string{`{`, `{"schema":"9","id":"x","text":"a"}`, `[]`} {
		if _, err := doc.Decode([]byte(in)); err == nil {
			t.Errorf("Decode(%s) succeeded, want an error", in)
		}
	}
}
