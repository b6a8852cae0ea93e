package main

import (
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
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
