package source

import (
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/dossier-news/dossier/source/fetch"
)

// testPage is an article page written for these tests.
const testPage = `<!doctype html><html><head><title>Harbour reopens after storm</title>
<meta property="article:published_time" content="2024-03-05T08:00:00Z"></head><body>
<nav><a href="/">Home</a> <a href="/world">World</a></nav>
<article><h1>Harbour reopens after storm</h1>
<p>The harbour of Lakeport reopened on Tuesday after three days of closure, the port authority said.</p>
<p>"We cleared the channel overnight," said Mara Quist, the harbour master, adding that ferries would run by noon.</p>
<p>Fishing crews lost two boats in the storm, and one pier remains closed for repairs, officials said.</p>
</article><footer>Copyright Lakeport Gazette</footer></body></html>`

// testOptions lets the tests reach their own httptest servers on loopback.
func testOptions() Options {
	return Options{AllowPrivate: true, Fetcher: fetch.New(fetch.Options{AllowPrivate: true, Total: 3 * time.Second, RetryWait: time.Millisecond})}
}

func TestReadURL(t *testing.T) {
	mux := http.NewServeMux()
	mux.HandleFunc("/page", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		io.WriteString(w, testPage)
	})
	mux.HandleFunc("/moved", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "/page", http.StatusMovedPermanently)
	})
	mux.HandleFunc("/plain", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/plain")
		io.WriteString(w, "The mayor said the bridge would reopen in May.")
	})
	mux.HandleFunc("/untyped", func(w http.ResponseWriter, r *http.Request) {
		w.Header()["Content-Type"] = nil // no type at all: the bytes decide
		io.WriteString(w, testPage)
	})
	mux.HandleFunc("/pdf", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/pdf")
		io.WriteString(w, "%PDF-1.4")
	})
	mux.HandleFunc("/broken", func(w http.ResponseWriter, r *http.Request) { http.Error(w, "oops", 500) })
	mux.HandleFunc("/slow", func(w http.ResponseWriter, r *http.Request) {
		select {
		case <-r.Context().Done():
		case <-time.After(10 * time.Second):
		}
	})
	mux.HandleFunc("/huge", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		chunk := []byte(strings.Repeat("<p>and more words</p>\n", 1000))
		for sent := 0; sent < 1<<30; sent += len(chunk) { // 1 GB, unless the client hangs up
			if _, err := w.Write(chunk); err != nil {
				return
			}
		}
	})
	srv := httptest.NewServer(mux)
	defer srv.Close()

	o := testOptions()
	o.Fetcher = fetch.New(fetch.Options{AllowPrivate: true, Headers: 300 * time.Millisecond, Total: 2 * time.Second})
	o.MaxBytes = 1 << 20
	cases := []struct {
		path, wantText, wantErr string
	}{
		{"/page", "cleared the channel", ""},
		{"/moved", "cleared the channel", ""},
		{"/plain", "bridge would reopen", ""},
		{"/untyped", "cleared the channel", ""},
		{"/pdf", "", "application/pdf, not an HTML page"},
		{"/broken", "", "500 Internal Server Error"},
		{"/slow", "", "timed out"},
		{"/huge", "", "over the 1.0 MB limit"},
	}
	for _, c := range cases {
		t.Run(c.path, func(t *testing.T) {
			items := collect(t, []string{srv.URL + c.path}, "", Auto, o)
			if len(items) != 1 {
				t.Fatalf("%d items", len(items))
			}
			it := items[0]
			if c.wantErr != "" {
				if it.Err == nil || !strings.Contains(it.Err.Error(), c.wantErr) {
					t.Fatalf("want error %q, got %v", c.wantErr, it.Err)
				}
				return
			}
			if it.Err != nil {
				t.Fatal(it.Err)
			}
			if !strings.Contains(it.Doc.Text, c.wantText) || it.Doc.ID != srv.URL+c.path {
				t.Errorf("got id %q text %q", it.Doc.ID, it.Doc.Text)
			}
			if strings.Contains(it.Doc.Text, "Copyright") {
				t.Errorf("boilerplate kept: %q", it.Doc.Text)
			}
		})
	}
	items := collect(t, []string{srv.URL + "/moved"}, "", Auto, o)
	if d := items[0].Doc; d.URL != srv.URL+"/page" || d.Title != "Harbour reopens after storm" || d.Published != "2024-03-05T08:00:00Z" {
		t.Errorf("redirected page: url %q title %q published %q", d.URL, d.Title, d.Published)
	}
}

func TestReadURLPrivateRefused(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { io.WriteString(w, testPage) }))
	defer srv.Close()
	items := collect(t, []string{srv.URL}, "", Auto, Options{})
	if err := items[0].Err; err == nil || !strings.Contains(err.Error(), "--allow-private") || !strings.Contains(err.Error(), "127.0.0.1") {
		t.Fatalf("want a refusal naming the address and the flag, got %v", err)
	}
	items = collect(t, []string{srv.URL}, "", Auto, Options{AllowPrivate: true})
	if err := items[0].Err; err != nil {
		t.Fatalf("with AllowPrivate: %v", err)
	}
}

func TestSniffStream(t *testing.T) {
	cases := []struct {
		in   string
		want Kind
	}{
		{`<?xml version="1.0"?><rss version="2.0"><channel>`, Feed},
		{"\xef\xbb\xbf<?xml version=\"1.0\"?>\n<!-- a comment -->\n<feed xmlns=\"http://www.w3.org/2005/Atom\">", Feed},
		{`<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">`, Feed},
		{"WARC/1.0\r\nWARC-Type: warcinfo\r\n", WARC},
		{`<!doctype html><html><head>`, Auto},
		{`<?xml version="1.0"?><html>`, Auto},
		{"The feed was quiet.", Auto},
		{"", Auto},
	}
	for _, c := range cases {
		if got := sniffStream([]byte(c.in)); got != c.want {
			t.Errorf("sniffStream(%q) = %v, want %v", c.in, got, c.want)
		}
	}
}

// The charset of the Content-Type header decodes a page that declares none
// of its own; a UTF-8 page mislabelled ISO-8859-1 stays UTF-8.
func TestReadURLCharset(t *testing.T) {
	latin1 := "<html><head><title>Caf\xe9 reopens</title></head><body><article><p>The caf\xe9 on the quay reopened on Friday, its owner said.</p><p>\"We missed our regulars,\" said Jos\xe9 Ortega, who has run it for a decade.</p></article></body></html>"
	utf8Page := strings.NewReplacer("\xe9", "é").Replace(latin1)
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=ISO-8859-1")
		switch r.URL.Path {
		case "/utf8":
			io.WriteString(w, utf8Page)
			return
		case "/cp1251": // only the header tells: a sniffer would guess windows-1252
			w.Header().Set("Content-Type", "text/html; charset=windows-1251")
			io.WriteString(w, strings.Replace(latin1, "on the quay", "in \xcc\xee\xf1\xea\xe2\xe0", 1))
			return
		}
		io.WriteString(w, latin1)
	}))
	defer srv.Close()
	for _, path := range []string{"/latin1", "/utf8"} {
		items := collect(t, []string{srv.URL + path}, "", Auto, testOptions())
		if it := items[0]; it.Err != nil || !strings.Contains(it.Doc.Text, "The café on the quay") || !strings.Contains(it.Doc.Text, "José Ortega") {
			t.Errorf("%s: %v %+v", path, it.Err, it.Doc)
		}
	}
	items := collect(t, []string{srv.URL + "/cp1251"}, "", Auto, testOptions())
	if it := items[0]; it.Err != nil || !strings.Contains(it.Doc.Text, "in Москва reopened") {
		t.Errorf("windows-1251 by the header: %v %+v", it.Err, it.Doc)
	}
}
