package source

import (
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/dossier-news/dossier/pipeline"
)

// docsAndErrs sums up items as "id" for a document and "!source" for an
// error, in order.
func docsAndErrs(items []pipeline.Item) string {
	var out []string
	for _, it := range items {
		if it.Err != nil {
			out = append(out, "!"+filepath.Base(it.Source))
		} else {
			out = append(out, filepath.Base(it.Doc.ID))
		}
	}
	return strings.Join(out, ",")
}

func TestDirectorySymlinksAndOtherFiles(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, dir, "a.txt", []byte("Alpha story."))
	writeFile(t, dir, "examples.go", []byte("package examples // not an article"))
	writeFile(t, dir, "photo.jpg", []byte("JFIF"))
	writeFile(t, dir, "notes", []byte("No extension: read, its first bytes decide."))
	other := t.TempDir()
	writeFile(t, other, "far.txt", []byte("A story kept elsewhere."))
	must := func(err error) {
		if err != nil {
			t.Fatal(err)
		}
	}
	must(os.Symlink(filepath.Join(other, "far.txt"), filepath.Join(dir, "b-link.txt")))
	must(os.Symlink(other, filepath.Join(dir, "c-linked-dir")))
	must(os.Symlink(dir, filepath.Join(dir, "d-loop")))                                // back to the folder being read
	must(os.Symlink(filepath.Join(dir, "gone"), filepath.Join(dir, "e-dangling.txt"))) // leads nowhere
	must(syscall.Mkfifo(filepath.Join(dir, "f-pipe.txt"), 0o644))
	var notes []string
	o := Options{Notify: func(s string) { notes = append(notes, s) }}
	done := make(chan []pipeline.Item)
	go func() { done <- collect(t, []string{dir}, "", Auto, o) }()
	var items []pipeline.Item
	select {
	case items = <-done:
	case <-time.After(20 * time.Second):
		t.Fatal("reading a folder with a named pipe blocked")
	}
	want := "a.txt,b-link.txt,far.txt,!d-loop,!e-dangling.txt,!f-pipe.txt,notes"
	if got := docsAndErrs(items); got != want {
		t.Errorf("read %s\nwant %s", got, want)
	}
	for _, it := range items {
		if it.Err == nil {
			continue
		}
		msg := it.Err.Error()
		switch filepath.Base(it.Source) {
		case "d-loop":
			if !strings.Contains(msg, "loop") {
				t.Errorf("loop reported as %q", msg)
			}
		case "f-pipe.txt":
			if !strings.Contains(msg, "named pipe") {
				t.Errorf("pipe reported as %q", msg)
			}
		}
	}
	if len(notes) != 1 || !strings.Contains(notes[0], "skipped 2 file(s)") || !strings.Contains(notes[0], "1 .go") {
		t.Errorf("notes %q: want the two skipped files counted", notes)
	}
}

func TestSpecialArguments(t *testing.T) {
	dir := t.TempDir()
	pipe := filepath.Join(dir, "pipe")
	if err := syscall.Mkfifo(pipe, 0o644); err != nil {
		t.Fatal(err)
	}
	for _, p := range []string{pipe, "/dev/null"} {
		done := make(chan []pipeline.Item)
		go func() { done <- collect(t, []string{p}, "", Auto, Options{}) }()
		select {
		case items := <-done:
			if len(items) != 1 || items[0].Err == nil || !strings.Contains(items[0].Err.Error(), "not read") {
				t.Errorf("%s: items %v, want one error saying it is not read", p, items)
			}
		case <-time.After(20 * time.Second):
			t.Fatalf("%s as an argument blocked", p)
		}
	}
}

func TestUTF16(t *testing.T) {
	le := []byte{0xff, 0xfe}
	be := []byte{0xfe, 0xff}
	for _, r := range "Año 😀 ok." {
		if r > 0xffff {
			hi, lo := 0xd800+((r-0x10000)>>10), 0xdc00+((r-0x10000)&0x3ff)
			le = append(le, byte(hi), byte(hi>>8), byte(lo), byte(lo>>8))
			be = append(be, byte(hi>>8), byte(hi), byte(lo>>8), byte(lo))
			continue
		}
		le = append(le, byte(r), byte(r>>8))
		be = append(be, byte(r>>8), byte(r))
	}
	for name, b := range map[string][]byte{"little-endian": le, "big-endian": be} {
		text, warns, err := CleanText(b, DefaultMaxBytes)
		if err != nil || text != "Año 😀 ok." || len(warns) != 1 || !strings.Contains(warns[0], "UTF-16") {
			t.Errorf("%s: %q %q %v", name, text, warns, err)
		}
	}
	if _, _, err := CleanText(le[:len(le)-1], DefaultMaxBytes); err == nil || !strings.Contains(err.Error(), "odd number") {
		t.Errorf("cut UTF-16: %v", err)
	}
}

func TestJSONLFloodsAndIDs(t *testing.T) {
	// a file that is not JSON Lines stops after MaxBadLines lines
	flood := strings.Repeat("this is a log line, not JSON\n", 50*MaxBadLines)
	ch := make(chan pipeline.Item, 2*MaxBadLines)
	err := ReadJSONL(strings.NewReader(flood), "log.jsonl", Options{}, ch)
	close(ch)
	if err == nil || !strings.Contains(err.Error(), "stopped after 1000 lines") {
		t.Errorf("flood: err %v", err)
	}
	if n := len(ch); n != MaxBadLines {
		t.Errorf("flood: %d error items, want %d", n, MaxBadLines)
	}
	// bad lines between good ones never stop the input
	var b strings.Builder
	for i := 0; i < 3*MaxBadLines; i++ {
		b.WriteString("oops\n")
		if i%(MaxBadLines/2) == 0 {
			b.WriteString(`{"id":"ok` + strings.Repeat("x", i%7) + `","text":"Fine."}` + "\n")
		}
	}
	ch = make(chan pipeline.Item, 4*MaxBadLines)
	if err := ReadJSONL(strings.NewReader(b.String()), "mixed", Options{}, ch); err != nil {
		t.Errorf("mixed input stopped: %v", err)
	}
	// numeric ids are named; duplicate ids are reported and kept
	items := collect(t, []string{"-"}, `{"id":42,"text":"a"}`+"\n"+`{"id":"a","text":"One."}`+"\n"+`{"id":"a","text":"Two."}`+"\n", JSONL, Options{})
	if len(items) != 3 || items[0].Err == nil || !strings.Contains(items[0].Err.Error(), `"id" is a JSON number, but must be a string`) {
		t.Fatalf("numeric id: %v", items)
	}
	if items[2].Err != nil || len(items[2].Doc.Warnings) != 1 || !strings.Contains(items[2].Doc.Warnings[0], `duplicate id "a": stdin:2`) {
		t.Errorf("duplicate id: %v %v", items[2].Err, items[2].Doc.Warnings)
	}
	if w := items[1].Doc.Warnings; len(w) != 0 {
		t.Errorf("first of the ids warned: %q", w)
	}
}

func TestReferenceDate(t *testing.T) {
	cases := []struct{ in, want, err string }{
		{"2023-01-27", "2023-01-27", ""},
		{" 2023-01-27T15:04:05Z ", "2023-01-27T15:04:05Z", ""},
		{"2023", "", "not a day"},
		{"2023-01", "", "not a day"},
		{"", "", "empty date"},
		{"last week", "", "not an ISO 8601 date"},
		{"9999-12-31", "", "out of range"},
		{"0999-12-31", "", "out of range"},
		{"9899-12-31", "9899-12-31", ""},
	}
	for _, c := range cases {
		got, err := ReferenceDate(c.in)
		if got != c.want || (c.err == "") != (err == nil) || err != nil && !strings.Contains(err.Error(), c.err) {
			t.Errorf("ReferenceDate(%q) = %q, %v; want %q, %q", c.in, got, err, c.want, c.err)
		}
	}
}

func TestHTMLNavigationAndElementBound(t *testing.T) {
	nav := []byte(`<!DOCTYPE html><html><head><title>Home</title></head><body><nav><ul>` +
		`<li><a href="/">Home</a></li><li><a href="/news">News</a></li><li><a href="/sport">Sport</a></li>` +
		`<li><a href="/contact">Contact us</a></li></ul></nav><footer><a href="/privacy">Privacy</a></footer></body></html>`)
	if _, err := ParseHTML(nav, "nav", "nav", Options{}); err == nil || !strings.Contains(err.Error(), "no article text") {
		t.Errorf("a page of navigation only: err %v", err)
	}
	dense := []byte(strings.Repeat("<p>a</p>", MaxElements+1))
	if _, err := ParseHTML(dense, "dense", "dense", Options{}); err == nil || !strings.Contains(err.Error(), "elements") {
		t.Errorf("a page of %d elements: err %v", MaxElements+1, err)
	}
	article := []byte(`<html><body><article><p>` + strings.Repeat("The council met on Friday and agreed a plan for the harbour. ", 6) +
		`See <a href="/x">the earlier report</a>.</p></article></body></html>`)
	if d, err := ParseHTML(article, "a", "a", Options{}); err != nil || !strings.Contains(d.Text, "council") {
		t.Errorf("an article with a link: %v", err)
	}
}
