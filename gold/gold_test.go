package gold

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestEachPolNeAR(t *testing.T) {
	dir := t.TempDir()
	good := filepath.Join(dir, "good.jsonl")
	os.WriteFile(good, []byte(`{"id":"a","text":"He said no.","attributions":[{"source":[{"start":0,"end":2}],"cue":[{"start":3,"end":7}],"content":[{"start":8,"end":10}]}]}`+"\n"+`{"id":"b","text":"x","attributions":[]}`+"\n"), 0o644)
	var ids []string
	if err := EachPolNeAR(good, func(d PolNeARDoc) error { ids = append(ids, d.ID); return nil }); err != nil {
		t.Fatal(err)
	}
	if strings.Join(ids, ",") != "a,b" {
		t.Errorf("documents %v, want a,b in file order", ids)
	}
	bad := filepath.Join(dir, "bad.jsonl")
	os.WriteFile(bad, []byte(`{"id":"a","text":"x"}`+"\n{oops\n"), 0o644)
	if err := EachPolNeAR(bad, func(PolNeARDoc) error { return nil }); err == nil || !strings.Contains(err.Error(), "line 2") {
		t.Errorf("bad line: err = %v, want one naming line 2", err)
	}
	if err := EachPolNeAR(filepath.Join(dir, "none.jsonl"), func(PolNeARDoc) error { return nil }); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("missing file: err = %v", err)
	}
	stop := errors.New("stop")
	if err := EachPolNeAR(good, func(PolNeARDoc) error { return stop }); err != stop {
		t.Errorf("fn's error not returned: %v", err)
	}
}

// ExactTrim must trim as score.py does before its exact_* comparisons.
func TestExactTrim(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"“We will stay,”", "We will stay"},
		{" the mayor said: ", "the mayor said"},
		{"'Yes.'", "Yes"},
		{"“…”", "…"},
		{",;: .", ""},
		{"Lee", "Lee"},
	} {
		s, e := ExactTrim(c.in, 0, len(c.in))
		if got := c.in[s:e]; got != c.want {
			t.Errorf("%q: trimmed to %q, want %q", c.in, got, c.want)
		}
	}
}
