package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func runExtract(t *testing.T, stdin string, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var out, errb bytes.Buffer
	code = extract(args, strings.NewReader(stdin), &out, &errb)
	return code, out.String(), errb.String()
}

func TestExtractJSONLOrderAndErrors(t *testing.T) {
	var in strings.Builder
	const n = 300
	for i := 0; i < n; i++ {
		switch {
		case i == 17:
			in.WriteString("{not json\n")
		case i == 99:
			in.WriteString(`{"id":"no-text"}` + "\n")
		default:
			fmt.Fprintf(&in, `{"id":"doc%d","text":"Story %d. The envoy said on Friday that talks would resume.","published":"2023-01-27"}`+"\n", i, i)
		}
	}
	code, out, errs := runExtract(t, in.String(), "--jsonl", "--workers", "4", "-")
	if code != 1 {
		t.Errorf("exit code %d, want 1 when a line failed", code)
	}
	lines := strings.Split(strings.TrimSuffix(out, "\n"), "\n")
	if len(lines) != n {
		t.Fatalf("got %d output lines, want %d (one per input line)", len(lines), n)
	}
	for i, l := range lines {
		var d struct {
			ID, Error string
			Sentences []any
		}
		if err := json.Unmarshal([]byte(l), &d); err != nil {
			t.Fatalf("line %d is not JSON: %v", i+1, err)
		}
		switch i {
		case 17:
			if d.Error == "" {
				t.Errorf("line 18: want an error, got %s", l)
			}
		case 99:
			if d.Error == "" || d.ID != "no-text" {
				t.Errorf("line 100: want an error naming no-text, got %s", l)
			}
		default:
			if d.ID != fmt.Sprintf("doc%d", i) || d.Error != "" || len(d.Sentences) != 2 {
				t.Errorf("line %d out of order or wrong: %s", i+1, l)
			}
		}
	}
	if !strings.Contains(errs, "stdin:18") || !strings.Contains(errs, "2 of 300 input(s) failed") {
		t.Errorf("stderr does not name the failed lines: %s", errs)
	}
}

func TestExtractEmptyJSONL(t *testing.T) {
	code, out, _ := runExtract(t, "", "--jsonl", "-")
	if code != 0 || out != "" {
		t.Errorf("empty input: code %d, output %q", code, out)
	}
}

func TestExtractBadInputs(t *testing.T) {
	dir := t.TempDir()
	write := func(name string, b []byte) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, b, 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	good := write("good.txt", []byte("The council met on Friday. It voted."))
	cases := []struct {
		name string
		args []string
		code int
		msg  string
	}{
		{"missing file", []string{filepath.Join(dir, "nope.txt")}, 1, "no such file"},
		{"empty file", []string{write("empty.txt", nil)}, 1, "empty document"},
		{"nul bytes", []string{write("nul.txt", []byte("a\x00b"))}, 1, "binary data"},
		{"binary", []string{write("x.bin", []byte{0x89, 'P', 'N', 'G', 0, 0, 0, 13, 0xff, 0xfe})}, 1, "binary data"},
		{"broken html", []string{write("b.html", []byte("<html><head><title>Broken<body><p>The minister said on Monday that the bridge would reopen next month after repairs."))}, 0, ""},
		{"bad published", []string{"--published", "last week", good}, 2, "not an ISO 8601 date"},
		{"bad format", []string{"--format", "xml", good}, 2, "unknown --format"},
		{"no args", nil, 2, "Usage"},
		{"good and missing", []string{good, filepath.Join(dir, "gone.txt")}, 1, "1 of 2 input(s) failed"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			code, _, errs := runExtract(t, "", c.args...)
			if code != c.code {
				t.Errorf("exit code %d, want %d (stderr %q)", code, c.code, errs)
			}
			if !strings.Contains(errs, c.msg) {
				t.Errorf("stderr %q does not say %q", errs, c.msg)
			}
			if strings.Contains(errs, "panic") || strings.Contains(errs, "goroutine") {
				t.Errorf("stderr shows a crash: %s", errs)
			}
		})
	}
}

func TestExtractSingleAndMany(t *testing.T) {
	dir := t.TempDir()
	a := filepath.Join(dir, "a.txt")
	os.WriteFile(a, []byte("Mr. Mills said the U.S. welcomed the review. He left."), 0o644)
	code, out, _ := runExtract(t, "", "--published", "2023-01-27", a)
	if code != 0 {
		t.Fatalf("exit %d", code)
	}
	var d map[string]any
	if err := json.Unmarshal([]byte(out), &d); err != nil {
		t.Fatalf("one file must print one JSON object: %v", err)
	}
	if d["published"] != "2023-01-27" || d["text"] == nil {
		t.Errorf("published/text missing: %v", d)
	}
	code, out, _ = runExtract(t, "", dir)
	var arr []map[string]any
	if code != 0 || json.Unmarshal([]byte(out), &arr) != nil || len(arr) != 1 {
		t.Errorf("a directory must print a JSON array: code %d, %q", code, out)
	}
	code, out, _ = runExtract(t, "", "--format", "text", a)
	if code != 0 || !strings.Contains(out, "2 sentences") {
		t.Errorf("text report: code %d, %q", code, out)
	}
}

func TestExtractStdinText(t *testing.T) {
	code, out, _ := runExtract(t, "The envoy spoke. Nobody answered.", "-")
	var d map[string]any
	if code != 0 || json.Unmarshal([]byte(out), &d) != nil || d["id"] != "stdin" {
		t.Errorf("plain text on stdin: code %d, %q", code, out)
	}
}
