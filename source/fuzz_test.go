package source

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/dossier-news/dossier/pipeline"
)

// FuzzCleanText: any bytes give either an error or valid UTF-8 text.
func FuzzCleanText(f *testing.F) {
	for _, s := range []string{"ok", "caf\xe9", "\x00", "", "\xef\xbb\xbf", " \n"} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		s, _, err := CleanText(b, 1<<20)
		if err == nil && (!utf8.ValidString(s) || strings.TrimSpace(s) == "") {
			t.Fatalf("CleanText(%q) = %q without error", b, s)
		}
	})
}

// FuzzReadJSONL: one item per input line, whatever the lines hold.
func FuzzReadJSONL(f *testing.F) {
	for _, s := range []string{
		`{"id":"a","text":"x"}`, "{\n}", `{"id":1}`, `{"id":"a","text":"x","published":"2023-13-45"}`,
		"\n\n", `{"id":"a","text":"\u0000"}`, "[]", `{"id":"a","text":"x"}` + "\r\n" + `{"id":"b","text":"y"}`,
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, in string) {
		ch := make(chan pipeline.Item, 1<<16)
		if err := ReadJSONL(strings.NewReader(in), "f", Options{MaxBytes: 1 << 16}, ch); err != nil {
			t.Fatal(err)
		}
		close(ch)
		n := 0
		for it := range ch {
			n++
			if it.Err == nil && (it.Doc == nil || !utf8.ValidString(it.Doc.Text)) {
				t.Fatalf("item %d: no error but no valid document", n)
			}
		}
		want := strings.Count(in, "\n")
		if !strings.HasSuffix(in, "\n") && in != "" {
			want++
		}
		if n != want {
			t.Fatalf("%d items for %d lines", n, want)
		}
	})
}

// FuzzParseHTML: broken HTML never panics and never yields invalid text.
func FuzzParseHTML(f *testing.F) {
	for _, s := range []string{
		"<html><head><title>T</title></head><body><p>The council met on Friday and voted.</p></body></html>",
		"<title>unclosed<p>text", "<p><p><div></span>", "<meta charset=latin1><p>caf\xe9 said</p>", "", "<",
		`<script type="application/ld+json">{"datePublished":"x"}</script><article><p>Text here.</p></article>`,
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		d, err := ParseHTML(b, "f", "f", Options{MaxBytes: 1 << 20})
		if err == nil && (d == nil || !utf8.ValidString(d.Text) || !utf8.ValidString(d.Title)) {
			t.Fatalf("ParseHTML gave an invalid document without error")
		}
	})
}
