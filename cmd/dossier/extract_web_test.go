package main

import (
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"strings"
	"testing"
)

const webPage = `<!doctype html><html><head><title>Ferry strike ends</title></head><body>
<article><p>The ferry workers' union ended its strike on Thursday, a spokesperson said.</p>
<p>"The boats sail again tomorrow," said Ana Verhoef, who leads the union, after talks that ran through the night.</p></article>
</body></html>`

// A URL argument is fetched and read as HTML; a loopback address needs
// --allow-private, and the refusal says so.
func TestExtractURL(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		io.WriteString(w, webPage)
	}))
	defer srv.Close()
	code, out, errs := runExtract(t, "", srv.URL+"/news/ferry")
	if code != 1 || out != "" || !strings.Contains(errs, "--allow-private") {
		t.Fatalf("without --allow-private: code %d, out %q, stderr %q", code, out, errs)
	}
	code, out, errs = runExtract(t, "", srv.URL+"/news/ferry", "--allow-private")
	if code != 0 {
		t.Fatalf("code %d: %s", code, errs)
	}
	var d struct{ ID, URL, Title, Text string }
	if err := json.Unmarshal([]byte(out), &d); err != nil {
		t.Fatalf("one URL should print one object: %v\n%s", err, out)
	}
	if d.ID != srv.URL+"/news/ferry" || d.URL != d.ID || d.Title != "Ferry strike ends" || !strings.Contains(d.Text, "boats sail again") {
		t.Errorf("got %+v", d)
	}
}

// A feed file prints one document per item, as an array, each with the
// feed's title as its outlet.
func TestExtractFeed(t *testing.T) {
	const feed = `<rss version="2.0"><channel><title>Harbour Weekly</title>
<item><title>Pier closed</title><description>The north pier is closed for repairs until June, the port said.</description></item>
<item><title>New ferry</title><description>A new ferry enters service on Monday, the operator said.</description></item>
</channel></rss>`
	path := t.TempDir() + "/weekly.xml"
	if err := os.WriteFile(path, []byte(feed), 0o644); err != nil {
		t.Fatal(err)
	}
	code, out, errs := runExtract(t, "", path)
	if code != 0 {
		t.Fatalf("code %d: %s", code, errs)
	}
	var docs []struct{ Title, Outlet, Text string }
	if err := json.Unmarshal([]byte(out), &docs); err != nil {
		t.Fatalf("want an array: %v\n%s", err, out)
	}
	if len(docs) != 2 || docs[1].Title != "New ferry" || docs[0].Outlet != "Harbour Weekly" {
		t.Errorf("got %+v", docs)
	}
	if !strings.Contains(errs, "2 feed item(s)") {
		t.Errorf("stderr %q does not report the feed", errs)
	}
}
