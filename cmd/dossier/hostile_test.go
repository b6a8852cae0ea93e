package main

import (
	"encoding/json"
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

// TestMemoryCeiling: analysing and encoding each hostile input stays
// within the ceiling docs/INPUT.md documents: peak RSS beyond what the
// program takes for a tiny input, over the input's size.
func TestMemoryCeiling(t *testing.T) {
	if testing.Short() {
		t.Skip("short: runs dossier on 2 MB inputs")
	}
	peak := func(name string, n int) int64 {
		code, out, errs := runDossier(t, "bench", "--hostile-one", fmt.Sprintf("%s:%d", name, n))
		var r hostileJSON
		if code != 0 || json.Unmarshal([]byte(out), &r) != nil {
			t.Fatalf("%s: exit %d: %s%s", name, code, out, errs)
		}
		return r.PeakRSS
	}
	base := peak("saidno", 1<<10)
	const n = 2 << 20
	for _, name := range strings.Split(hostileNames(), ",") {
		ratio := float64(peak(name, n)-base) / n
		t.Logf("%s: %.0f times the input beyond the program's %d MB", name, ratio, base>>20)
		if limit := memoryCeiling[name]; ratio > limit {
			t.Errorf("%s: peak memory %.0f times the input, over the ceiling of %.0f", name, ratio, limit)
		}
	}
}
