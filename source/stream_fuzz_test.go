package source

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/dossier-news/dossier/pipeline"
)

// readAllStream runs a stream reader on in and gathers its items.
func readAllStream(in []byte, k Kind) []pipeline.Item {
	ch := make(chan pipeline.Item, 1<<10)
	done := make(chan []pipeline.Item)
	go func() {
		var items []pipeline.Item
		for it := range ch {
			items = append(items, it)
		}
		done <- items
	}()
	readStream(strings.NewReader(string(in)), "f", k, Options{Offline: true, MaxBytes: 1 << 16}, ch)
	close(ch)
	return <-done
}

// checkItems: every item is a document with valid, non-empty text or an
// error, and an error, if any, is the last item.
func checkItems(t *testing.T, items []pipeline.Item) {
	t.Helper()
	for i, it := range items {
		switch {
		case it.Err != nil:
			if i != len(items)-1 && it.Doc == nil && strings.Contains(it.Err.Error(), "not a feed") {
				t.Fatalf("item %d: %v, and items after it", i, it.Err)
			}
		case it.Doc == nil:
			t.Fatalf("item %d has neither document nor error", i)
		case !utf8.ValidString(it.Doc.Text) || strings.TrimSpace(it.Doc.Text) == "":
			t.Fatalf("item %d: bad text %q", i, it.Doc.Text)
		}
	}
}

// FuzzReadFeed: any bytes read as a feed give documents or errors, never a
// panic or a hang.
func FuzzReadFeed(f *testing.F) {
	for _, s := range []string{
		rssFeed("http://example.com"), atomFeed, "", "not xml", "<rss>", "<rss><channel><item>",
		`<rss><channel><item><description>a &nbsp; b</description></item></channel></rss>`,
		`<?xml version="1.0" encoding="ISO-8859-1"?><rss><channel><item><description>caf` + "\xe9" + `</description></item></channel></rss>`,
		`<feed><entry><content type="xhtml"><div><p>x</p></div></content></entry></feed><entry/>`,
		`<rdf:RDF><item><title>t</title><description>d</description></item></rdf:RDF>`,
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, in []byte) {
		checkItems(t, readAllStream(in, Feed))
	})
}

// FuzzReadWARC: any bytes read as a WARC give documents or errors, never a
// panic or a hang.
func FuzzReadWARC(f *testing.F) {
	recs := testWARC()
	plain := strings.Join(recs, "")
	f.Add([]byte(plain))
	f.Add([]byte(plain[:len(plain)/2]))
	f.Add([]byte(gzipped(recs[0]) + gzipped(recs[2])))
	f.Add([]byte(recs[7]))
	f.Add([]byte("WARC/1.0\r\nContent-Length: 5\r\n\r\nab"))
	f.Add([]byte("WARC/1.0\r\n folded\r\nWARC-Type: response\r\nContent-Type: application/http\r\nContent-Length: 0\r\n\r\n"))
	f.Add([]byte(""))
	f.Fuzz(func(t *testing.T, in []byte) {
		checkItems(t, readAllStream(in, WARC))
	})
}
