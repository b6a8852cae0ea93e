package source

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/dossier-news/dossier/pipeline"
)

// collect runs Read and gathers its items.
func collect(t *testing.T, args []string, stdin string, k Kind, o Options) []pipeline.Item {
	t.Helper()
	ch := make(chan pipeline.Item, 1024)
	if err := Read(args, strings.NewReader(stdin), k, o, ch); err != nil {
		t.Fatalf("Read: %v", err)
	}
	close(ch)
	var out []pipeline.Item
	for it := range ch {
		out = append(out, it)
	}
	return out
}

func writeFile(t *testing.T, dir, name string, b []byte) string {
	t.Helper()
	p := filepath.Join(dir, name)
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, b, 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func TestCleanText(t *testing.T) {
	cases := []struct {
		name    string
		in      []byte
		want    string
		warn    bool
		wantErr string
	}{
		{"plain", []byte("Officials said."), "Officials said.", false, ""},
		{"bom dropped", []byte("\xef\xbb\xbfHello."), "Hello.", false, ""},
		{"invalid utf8 repaired", []byte("Caf\xe9 owners said."), "Caf\uFFFD owners said.", true, ""},
		{"nul bytes", []byte("abc\x00def"), "", false, "binary data"},
		{"empty", []byte(""), "", false, "empty document"},
		{"white space only", []byte(" \n\t \n"), "", false, "empty document"},
		{"mostly not utf8", append([]byte("x"), make80(0xff)...), "", false, "not UTF-8"},
		{"over limit", []byte(strings.Repeat("a", 101)), "", false, "over the 100 bytes limit"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got, warns, err := CleanText(c.in, 100)
			if c.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), c.wantErr) {
					t.Fatalf("err = %v, want one containing %q", err, c.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatalf("unexpected error %v", err)
			}
			if got != c.want {
				t.Errorf("text = %q, want %q", got, c.want)
			}
			if (len(warns) > 0) != c.warn {
				t.Errorf("warnings = %v, want some: %v", warns, c.warn)
			}
		})
	}
}

func make80(b byte) []byte {
	out := make([]byte, 80)
	for i := range out {
		out[i] = b
	}
	return out
}

func TestReadJSONL(t *testing.T) {
	in := strings.Join([]string{
		`{"id":"a","text":"First story.","published":"2023-01-27","title":"T","url":"https://x"}`,
		`{"id":"b","text":"Second`, // malformed
		`{"text":"no id"}`,
		`{"id":"c"}`,
		``,
		`{"id":"d","text":"Dated.","published":"27/01/2023"}`,
		`{"id":"e","text":"With time.","published":"2023-01-27T10:00:00Z"}`,
		`{"id":"f","text":"Null date.","published":null}`,
		`[1,2,3]`,
		`{"id":"g","text":"Last line without newline."}`,
	}, "\n")
	items := collect(t, []string{"-"}, in, JSONL, Options{})
	want := []struct {
		id, err string
	}{
		{"a", ""}, {"", "not valid JSON"}, {"", `no "id"`}, {"c", `no "text"`}, {"", "blank line"},
		{"d", "not an ISO 8601 date"}, {"e", ""}, {"f", ""}, {"", "expected shape"}, {"g", ""},
	}
	if len(items) != len(want) {
		t.Fatalf("got %d items, want %d (one per line)", len(items), len(want))
	}
	for i, w := range want {
		it := items[i]
		if w.err != "" {
			if it.Err == nil || !strings.Contains(it.Err.Error(), w.err) {
				t.Errorf("line %d: err = %v, want %q", i+1, it.Err, w.err)
			}
			continue
		}
		if it.Err != nil {
			t.Errorf("line %d: unexpected error %v", i+1, it.Err)
			continue
		}
		if it.Doc.ID != w.id {
			t.Errorf("line %d: id %q, want %q", i+1, it.Doc.ID, w.id)
		}
	}
	if d := items[0].Doc; d.Published != "2023-01-27" || d.PublishedFrom != "input" || d.Title != "T" || d.URL != "https://x" {
		t.Errorf("metadata not read: %+v", d)
	}
	if d := items[6].Doc; d.Published != "2023-01-27T10:00:00Z" {
		t.Errorf("date-time published = %q", d.Published)
	}
}

func TestPublishedFlagOverrides(t *testing.T) {
	items := collect(t, []string{"-"}, `{"id":"a","text":"x","published":"2020-01-01"}`, JSONL, Options{Published: "2023-01-27"})
	if d := items[0].Doc; d.Published != "2023-01-27" || d.PublishedFrom != "flag" {
		t.Errorf("published = %q from %q, want the flag's date", d.Published, d.PublishedFrom)
	}
}

func TestJSONLLineTooLong(t *testing.T) {
	long := `{"id":"big","text":"` + strings.Repeat("word ", 400) + `"}`
	in := long + "\n" + `{"id":"ok","text":"Fine."}` + "\n"
	items := collect(t, []string{"-"}, in, JSONL, Options{MaxBytes: 50})
	if len(items) != 2 {
		t.Fatalf("got %d items, want 2", len(items))
	}
	if items[0].Err == nil || !strings.Contains(items[0].Err.Error(), "longer than") {
		t.Errorf("long line: err = %v", items[0].Err)
	}
	if items[1].Err != nil || items[1].Doc.ID != "ok" {
		t.Errorf("the line after a long one was lost: %+v", items[1])
	}
}

func TestReadFilesAndDirs(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, dir, "a.txt", []byte("Alpha story."))
	writeFile(t, dir, "sub/b.txt", []byte("Beta story."))
	writeFile(t, dir, ".hidden/c.txt", []byte("Hidden."))
	writeFile(t, dir, "sub/.d.txt", []byte("Hidden too."))
	writeFile(t, dir, "sub/e.jsonl", []byte(`{"id":"e1","text":"One."}`+"\n"+`{"id":"e2","text":"Two."}`+"\n"))
	writeFile(t, dir, "sub/page", []byte("<!DOCTYPE html><html><head><title>P</title></head><body><article><p>"+strings.Repeat("The council met on Friday and agreed a plan. ", 5)+"</p></article></body></html>"))
	items := collect(t, []string{dir}, "", Auto, Options{})
	var ids []string
	for _, it := range items {
		if it.Err != nil {
			t.Fatalf("%s: %v", it.Source, it.Err)
		}
		ids = append(ids, filepath.Base(it.Doc.ID))
	}
	got := strings.Join(ids, ",")
	if got != "a.txt,b.txt,e1,e2,page" {
		t.Errorf("documents = %s, want a.txt,b.txt,e1,e2,page (recursive, sorted, hidden skipped)", got)
	}
	if items[4].Doc.Title != "P" {
		t.Errorf("sniffed HTML title = %q", items[4].Doc.Title)
	}
}

func TestBadFiles(t *testing.T) {
	dir := t.TempDir()
	bin := make([]byte, 4096)
	for i := range bin {
		bin[i] = byte(i * 7)
	}
	cases := []struct {
		name    string
		content []byte
		create  bool
		wantErr string
	}{
		{"missing.txt", nil, false, "no such file"},
		{"empty.txt", []byte{}, true, "empty document"},
		{"blank.txt", []byte("\n\n  \n"), true, "empty document"},
		{"nul.txt", []byte("Officials\x00 said."), true, "binary data"},
		{"image.png", bin, true, "binary data"},
		{"latin1.txt", []byte("Le caf\xe9 a ferm\xe9 ses portes, a dit le maire."), true, ""},
		{"empty.html", []byte("<html><head><title>x</title></head><body></body></html>"), true, "no article text"},
		{"nul.html", []byte("<html>\x00</html>"), true, "binary data"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			p := filepath.Join(dir, c.name)
			if c.create {
				writeFile(t, dir, c.name, c.content)
			}
			items := collect(t, []string{p}, "", Auto, Options{})
			if len(items) != 1 {
				t.Fatalf("got %d items, want 1", len(items))
			}
			it := items[0]
			if c.wantErr == "" {
				if it.Err != nil {
					t.Fatalf("unexpected error: %v", it.Err)
				}
				if len(it.Doc.Warnings) == 0 {
					t.Errorf("repair not reported as a warning")
				}
				return
			}
			if it.Err == nil || !strings.Contains(it.Err.Error(), c.wantErr) {
				t.Fatalf("err = %v, want one containing %q", it.Err, c.wantErr)
			}
			if strings.Contains(it.Err.Error(), "\n") {
				t.Errorf("error is not one line: %q", it.Err)
			}
		})
	}
}

func TestEnormousFile(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "huge.txt")
	f, err := os.Create(p)
	if err != nil {
		t.Fatal(err)
	}
	line := []byte(strings.Repeat("The envoy said the talks would go on. ", 26) + "\n") // ~1 KB
	for written := 0; written < 50<<20; written += len(line) {
		if _, err := f.Write(line); err != nil {
			t.Fatal(err)
		}
	}
	f.Close()
	items := collect(t, []string{p}, "", Auto, Options{})
	if len(items) != 1 || items[0].Err == nil || !strings.Contains(items[0].Err.Error(), "--max-bytes") {
		t.Fatalf("50 MB file: want an error naming --max-bytes, got %+v", items)
	}
	// With the limit raised it is read whole.
	items = collect(t, []string{p}, "", Auto, Options{MaxBytes: 64 << 20})
	if items[0].Err != nil || len(items[0].Doc.Text) < 50<<20 {
		t.Fatalf("50 MB file with --max-bytes 64MB: err %v", items[0].Err)
	}
}

func TestHTMLPages(t *testing.T) {
	cases := []struct {
		file, title, published, first, last string
		warn                                string
	}{
		{"flood.html", "Flood defences fail in river town as rains continue", "2024-03-14T08:30:00Z", "KESTON, England —", "by the end of the year.", ""},
		{"ceasefire.html", "Ceasefire talks stall over prisoner exchange", "2023-09-11", "GENEVA (World Desk)", "killed in shelling on Saturday.", ""},
		{"strike.html", "Port strike enters second week", "2022-07-05T14:00:00Z", "Dock workers", "return to talks.", ""},
		{"broken.html", "Broken page", "", "Officials in the capital", "in January.", "<title>"},
	}
	for _, c := range cases {
		t.Run(c.file, func(t *testing.T) {
			b, err := os.ReadFile(filepath.Join("testdata", c.file))
			if err != nil {
				t.Fatal(err)
			}
			d, err := ParseHTML(b, c.file, c.file, Options{})
			if err != nil {
				t.Fatal(err)
			}
			if d.Title != c.title {
				t.Errorf("title = %q, want %q", d.Title, c.title)
			}
			if d.Published != c.published {
				t.Errorf("published = %q, want %q", d.Published, c.published)
			}
			if !strings.HasPrefix(d.Text, c.first) || !strings.HasSuffix(d.Text, c.last) {
				t.Errorf("text = %q", d.Text)
			}
			for _, junk := range []string{"Subscribe", "Related stories", "Comments", "Copyright", "©", "ADVERTISEMENT", "Front page", "Newsletter", "cookies"} {
				if strings.Contains(d.Text, junk) {
					t.Errorf("boilerplate %q kept in the article text", junk)
				}
			}
			if !strings.Contains(d.Text, "\n\n") {
				t.Errorf("paragraph breaks lost")
			}
			if c.warn != "" && !strings.Contains(strings.Join(d.Warnings, " "), c.warn) {
				t.Errorf("warnings %v do not mention %q", d.Warnings, c.warn)
			}
		})
	}
}

func TestHTMLLimitAndBinary(t *testing.T) {
	if _, err := ParseHTML([]byte(strings.Repeat("<p>x</p>", 100)), "x", "x", Options{MaxBytes: 50}); err == nil || !strings.Contains(err.Error(), "--max-bytes") {
		t.Errorf("oversized page: err = %v", err)
	}
	if _, err := ParseHTML([]byte("<p>\x00</p>"), "x", "x", Options{}); !errors.Is(err, ErrBinary) {
		t.Errorf("binary page: err = %v", err)
	}
}
