package main

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestUsageEdges: help, version and the flags whose odd values were
// accepted, ignored or crashed.
func TestUsageEdges(t *testing.T) {
	dir := t.TempDir()
	good := filepath.Join(dir, "good.txt")
	if err := os.WriteFile(good, []byte("The council met on Friday. It voted."), 0o644); err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		name string
		args []string
		code int
		msg  string
	}{
		{"extract -h", []string{"extract", "-h"}, 0, "Usage: dossier extract"},
		{"help extract", []string{"help", "extract"}, 0, "Usage: dossier extract"},
		{"version", []string{"version"}, 0, "dossier "},
		{"--version", []string{"--version"}, 0, "JSON schema"},
		{"huge workers", []string{"extract", "--workers", "100000000", good}, 2, "--workers 100000000 is too many: at most 256"},
		{"enormous workers", []string{"extract", "--workers", "9223372036854775807", good}, 2, "too many"},
		{"negative workers", []string{"extract", "--workers", "-3", good}, 2, "negative"},
		{"bench workers", []string{"bench", "--workers", "100000"}, 2, "too many"},
		{"published year", []string{"extract", "--published", "2023", good}, 2, "not a day"},
		{"published month", []string{"extract", "--published", "2023-01", good}, 2, "not a day"},
		{"published empty", []string{"extract", "--published", "", good}, 2, "empty date"},
		{"published far", []string{"extract", "--published", "9999-12-31", good}, 2, "out of range"},
		{"published day", []string{"extract", "--published", "2023-01-27", good}, 0, ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			code, out, errs := runDossier(t, c.args...)
			if code != c.code {
				t.Errorf("exit code %d, want %d (stderr %q)", code, c.code, errs)
			}
			if !strings.Contains(out+errs, c.msg) {
				t.Errorf("output does not say %q:\n%s%s", c.msg, out, errs)
			}
			if strings.Contains(errs, "panic") || strings.Contains(errs, "goroutine") {
				t.Errorf("a crash: %s", errs)
			}
		})
	}
}

// TestErrorFlood: a JSON Lines input that is not JSON stops early, and its
// errors are in the output's lines, with only the first few on stderr.
func TestErrorFlood(t *testing.T) {
	in := strings.Repeat("not json at all\n", 20000)
	code, out, errs := runExtract(t, in, "--jsonl", "-")
	if code != 1 {
		t.Errorf("exit code %d, want 1", code)
	}
	if n := strings.Count(out, "\n"); n != 1000 {
		t.Errorf("%d error lines in the output, want 1000 (then the input is given up)", n)
	}
	if n := strings.Count(errs, "\n"); n > maxErrorLines+3 {
		t.Errorf("%d lines on stderr: errors printed twice?\n%s", n, errs)
	}
	if !strings.Contains(errs, "stopped after 1000 lines in a row") {
		t.Errorf("stderr does not say why it stopped:\n%s", errs)
	}
}

// TestMemoryCeiling: analysing and encoding a document of pathological
// text stays within about 40 times its size in heap (docs/INPUT.md).
func TestMemoryCeiling(t *testing.T) {
	if testing.Short() {
		t.Skip("short")
	}
	for _, unit := range []string{"He said no. ", `The minister said "`, "the officials met again and "} {
		text := strings.Repeat(unit, (2<<20)/len(unit))
		peak := heapPeak(t, text)
		if ratio := float64(peak) / float64(len(text)); ratio > 40 {
			t.Errorf("%q x %d: heap peak %.0f MB, %.0f times the input (ceiling 40)", unit, len(text)/len(unit), float64(peak)/(1<<20), ratio)
		} else {
			t.Logf("%q: heap peak %.1f times the input", unit, ratio)
		}
	}
	_ = bytes.MinRead
	_ = fmt.Sprint
}
