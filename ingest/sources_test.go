package ingest

import (
	"context"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/dossier-news/dossier/source"
)

// TestIngestWARCAndFeed: the WARC and the feed written by source's tests
// (source/testdata) are ingested, read back with their URL, outlet and
// date, and a second run stores nothing new.
func TestIngestWARCAndFeed(t *testing.T) {
	warc, feed := filepath.Join("..", "source", "testdata", "crawl.warc.gz"), filepath.Join("..", "source", "testdata", "wire.rss")
	st := openStore(t)
	o := Options{Source: source.Options{Offline: true}}
	c := ingest(t, st, o, warc, feed)
	if c.Stored != 5 || c.Failed != 0 {
		t.Fatalf("first run: %+v, want 5 stored (2 pages of the WARC, 3 feed items)", c)
	}
	ctx := context.Background()
	page, err := st.Get(ctx, "https://gazette.example/harbour")
	if err != nil || page.URL != "https://gazette.example/harbour" || !strings.Contains(page.Text, "cleared the channel") {
		t.Fatalf("WARC page: %+v, %v", page, err)
	}
	item, err := st.Get(ctx, "coastal-wire-102")
	if err != nil || item.Outlet != "Coastal Wire" || item.Published != "2024-03-05T09:30:00Z" || item.Title != "Harbour reopens" {
		t.Fatalf("feed item: %+v, %v", item, err)
	}
	if len(item.Quotes) == 0 && len(item.Entities) == 0 {
		t.Errorf("the feed item was stored without its analysis: %+v", item)
	}
	c = ingest(t, st, o, warc, feed)
	if c.Stored != 0 || c.Skipped != 5 {
		t.Fatalf("second run: %+v, want nothing stored, 5 skipped", c)
	}
	if probs, err := st.Check(ctx, nil); err != nil || len(probs) > 0 {
		t.Fatalf("check: %v %v", probs, err)
	}
}

// TestIngestFeedURL: a feed fetched from a URL, whose item pages are
// fetched in turn (loopback, so AllowPrivate), and refused without it.
func TestIngestFeedURL(t *testing.T) {
	page, err := os.ReadFile(filepath.Join("..", "source", "testdata", "strike.html"))
	if err != nil {
		t.Fatal(err)
	}
	var srv *httptest.Server
	srv = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/feed" {
			w.Header().Set("Content-Type", "application/rss+xml")
			io.WriteString(w, `<rss version="2.0"><channel><title>Test Desk</title><item><title>Strike</title><link>`+srv.URL+`/strike</link><description>A short summary of the strike.</description></item></channel></rss>`)
			return
		}
		w.Header().Set("Content-Type", "text/html")
		w.Write(page)
	}))
	defer srv.Close()

	st := openStore(t)
	c, err := Run(context.Background(), st, []string{srv.URL + "/feed"}, nil, Options{})
	if err != nil || c.Stored != 0 || c.Failed != 1 {
		t.Fatalf("without AllowPrivate: %+v, %v; want the feed URL refused", c, err)
	}
	c = ingest(t, st, Options{Source: source.Options{AllowPrivate: true}}, srv.URL+"/feed")
	if c.Stored != 1 {
		t.Fatalf("with AllowPrivate: %+v", c)
	}
	d, err := st.Get(context.Background(), srv.URL+"/strike")
	if err != nil || d.Outlet != "Test Desk" || len(d.Warnings) != 0 || strings.Contains(d.Text, "short summary") {
		t.Fatalf("the item's page was not read: %+v, %v", d, err)
	}
}
