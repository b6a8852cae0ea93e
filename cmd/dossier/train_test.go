package main

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"
)

// TestTrainQuotesReproducible rebuilds the quotes models from PolNeAR train
// and checks they are byte for byte the committed, embedded ones: the
// models are derived data, and anyone must be able to rebuild them.
func TestTrainQuotesReproducible(t *testing.T) {
	gold := "../../../shared/gold/polnear/train.jsonl"
	if _, err := os.Stat(gold); err != nil {
		t.Skip("../shared/gold not found: gold-data tests need the shared folder beside the checkout")
	}
	if testing.Short() {
		t.Skip("training takes a few seconds; skipped with -short")
	}
	out := t.TempDir()
	if code := trainers["quotes"]([]string{"--gold", gold, "--out", out}); code != 0 {
		t.Fatalf("dossier train quotes exited %d", code)
	}
	for _, name := range []string{"cue.model", "source.model"} {
		got, err := os.ReadFile(filepath.Join(out, name))
		if err != nil {
			t.Fatal(err)
		}
		want, err := os.ReadFile(filepath.Join("../../quotes/model", name))
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(got, want) {
			t.Errorf("%s differs from a fresh training run: run `dossier train quotes` from the project root and commit quotes/model", name)
		}
	}
}
