package serve

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"strings"
	"testing"

	"github.com/dossier-news/dossier/examples"
	"github.com/dossier-news/dossier/serve/api"
)

func tempDir() (string, error) { return os.MkdirTemp("", "dossier-serve-test") }

type list struct {
	Items []map[string]any `json:"items"`
	Next  string           `json:"next"`
}

// walk follows a list's cursors to the end, checking each page's size.
func walk(t *testing.T, h http.Handler, path string, limit int) []map[string]any {
	t.Helper()
	var all []map[string]any
	cur := ""
	for pages := 0; ; pages++ {
		if pages > 1000 {
			t.Fatalf("%s: cursors never end", path)
		}
		sep := "?"
		if strings.Contains(path, "?") {
			sep = "&"
		}
		p := fmt.Sprintf("%s%slimit=%d", path, sep, limit)
		if cur != "" {
			p += "&cursor=" + url.QueryEscape(cur)
		}
		var l list
		get(t, h, p, 200, &l)
		if len(l.Items) > limit {
			t.Fatalf("%s: %d items on a page of %d", p, len(l.Items), limit)
		}
		if l.Next != "" && len(l.Items) < limit {
			t.Fatalf("%s: a short page (%d) with a next cursor", p, len(l.Items))
		}
		all = append(all, l.Items...)
		if l.Next == "" {
			return all
		}
		cur = l.Next
	}
}

func TestDocuments(t *testing.T) {
	h := Handler(Config{Store: corpus(t)})
	all := walk(t, h, "/api/documents", 7)
	seen := map[string]bool{}
	for _, d := range all {
		id, _ := d["id"].(string)
		if seen[id] {
			t.Errorf("%s listed twice across pages", id)
		}
		seen[id] = true
	}
	if want := len(examples.Corpus()); len(seen) != want {
		t.Fatalf("%d documents over the pages, want %d", len(seen), want)
	}
	var l list
	get(t, h, "/api/documents?since=2026-11&until=2026-11", 200, &l)
	for _, d := range l.Items {
		if p, _ := d["published"].(string); !strings.HasPrefix(p, "2026-11") {
			t.Errorf("since/until 2026-11 listed %v", d)
		}
	}
	if len(l.Items) == 0 {
		t.Error("no document of November 2026")
	}
	get(t, h, "/api/documents?source=meridianwire.example&limit=100", 200, &l)
	if len(l.Items) == 0 {
		t.Error("no document of meridianwire.example")
	}
	for _, d := range l.Items {
		if d["outlet"] != "meridianwire.example" {
			t.Errorf("source filter listed %v", d["outlet"])
		}
	}
	for _, bad := range []struct{ path, says string }{
		{"/api/documents?limit=0", "limit"},
		{"/api/documents?limit=101", "limit"},
		{"/api/documents?limit=x", "limit"},
		{"/api/documents?cursor=zzz", "cursor"},
		{"/api/documents?since=March", "since"},
		{"/api/documents?until=2024-3-1", "until"},
	} {
		apiError(t, get(t, h, bad.path, 400, nil), bad.says)
	}
}

func TestDocument(t *testing.T) {
	h := Handler(Config{Store: corpus(t)})
	id := examples.Corpus()[0].ID
	var d map[string]any
	w := get(t, h, "/api/documents/"+id, 200, &d)
	if d["id"] != id || d["text"] == "" || d["quotes"] == nil || d["events"] == nil || d["entities"] == nil {
		t.Fatalf("document without its layers: %v", d)
	}
	etag := w.Header().Get("ETag")
	if etag == "" {
		t.Fatal("no ETag")
	}
	r := httptest.NewRequest("GET", "/api/documents/"+id, nil)
	r.Header.Set("If-None-Match", etag)
	if w := do(t, h, r, http.StatusNotModified, nil); w.Body.Len() != 0 {
		t.Errorf("304 with a body: %q", w.Body.String())
	}
	r.Header.Set("If-None-Match", `"other"`)
	do(t, h, r, 200, nil)
	apiError(t, get(t, h, "/api/documents/no-such-doc", 404, nil), "/api/documents")
	apiError(t, get(t, h, "/api/no-such-route", 404, nil), "openapi")
}

func TestStats(t *testing.T) {
	var s api.Stats
	get(t, Handler(Config{Store: corpus(t)}), "/api/stats", 200, &s)
	if s.Documents != len(examples.Corpus()) || s.Quotes == 0 || s.Events == 0 || len(s.ByOutlet) == 0 {
		t.Fatalf("stats: %+v", s)
	}
}

func TestExports(t *testing.T) {
	h := Handler(Config{Store: corpus(t)})
	w := get(t, h, "/api/exports/jsonl", 200, nil)
	if !strings.Contains(w.Header().Get("Content-Disposition"), "attachment") {
		t.Errorf("not a download: %v", w.Header())
	}
	n := 0
	sc := bufio.NewScanner(w.Body)
	sc.Buffer(nil, 1<<24)
	for sc.Scan() {
		var d map[string]any
		if err := json.Unmarshal(sc.Bytes(), &d); err != nil || d["text"] == nil {
			t.Fatalf("jsonl line %d: %v", n, err)
		}
		n++
	}
	if n != len(examples.Corpus()) {
		t.Errorf("jsonl export has %d lines, want %d", n, len(examples.Corpus()))
	}
	w = get(t, h, "/api/exports/acled", 200, nil)
	if !strings.HasPrefix(w.Body.String(), "event_id_cnty") && !strings.Contains(strings.SplitN(w.Body.String(), "\n", 2)[0], "event_date") {
		t.Errorf("acled export starts %q", w.Body.String()[:min(80, w.Body.Len())])
	}
	get(t, h, "/api/exports/plover", 200, nil)
	apiError(t, get(t, h, "/api/exports/csv", 404, nil), "--format csv")
}

func TestIngest(t *testing.T) {
	st := emptyStore(t)
	h := Handler(Config{Store: st, Token: "t"})
	post := func(ctype, path, body string, want int) api.IngestAnswer {
		t.Helper()
		r := httptest.NewRequest("POST", path, strings.NewReader(body))
		r.Header.Set("Authorization", "Bearer t")
		if ctype != "" {
			r.Header.Set("Content-Type", ctype)
		}
		var a api.IngestAnswer
		w := do(t, h, r, want, nil)
		json.Unmarshal(w.Body.Bytes(), &a)
		return a
	}
	text := `The harbour master said on Tuesday that the port would reopen. "We are ready," she said.`
	if a := post("text/plain", "/api/ingest?id=port&title=Port+reopens&published=2026-03-03", text, 201); a.Stored != 1 {
		t.Fatalf("text: %+v", a)
	}
	if a := post("text/plain", "/api/ingest?id=port", text, 200); a.Skipped != 1 || !strings.Contains(a.Message, "already stored") {
		t.Fatalf("text again: %+v", a)
	}
	var d map[string]any
	get(t, h, "/api/documents/port", 200, &d)
	if d["title"] != "Port reopens" || d["published"] != "2026-03-03" {
		t.Errorf("stored text lost its metadata: %v %v", d["title"], d["published"])
	}
	var lines bytes.Buffer
	for _, a := range examples.Corpus()[:3] {
		b, _ := json.Marshal(a)
		lines.Write(append(b, '\n'))
	}
	lines.WriteString(`{"id": "no-text"}` + "\n")
	a := post("application/x-ndjson", "/api/ingest", lines.String(), 201)
	if a.Stored != 3 || a.Failed != 1 || len(a.Errors) != 1 || !strings.Contains(a.Errors[0].Error, "text") {
		t.Fatalf("jsonl: %+v", a)
	}
	if a := post("application/json", "/api/ingest", `{"id": "j1", "text": "Rain fell on the capital, officials said."}`, 201); a.Stored != 1 {
		t.Fatalf("json text: %+v", a)
	}
	// A URL on a private address is refused, as dossier ingest refuses it.
	origin := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		fmt.Fprint(w, "<html><body><article><p>The mayor said the bridge will reopen.</p></article></body></html>")
	}))
	defer origin.Close()
	a = post("application/json", "/api/ingest", `{"url": "`+origin.URL+`/story"}`, http.StatusUnprocessableEntity)
	if a.Failed != 1 || len(a.Errors) != 1 || !strings.Contains(a.Errors[0].Error, "private") && !strings.Contains(a.Errors[0].Error, "loopback") {
		t.Fatalf("private URL: %+v", a)
	}
	for _, bad := range []struct{ ctype, body, says string }{
		{"text/plain", "   ", "empty"},
		{"application/pdf", "%PDF", "Content-Type"},
		{"application/json", `{"url": "ftp://x"}`, "http"},
		{"application/json", `{"nothing": 1}`, "url"},
		{"application/json", `{"url": "https://example.org", "text": "x"}`, "not both"},
	} {
		r := httptest.NewRequest("POST", "/api/ingest", strings.NewReader(bad.body))
		r.Header.Set("Authorization", "Bearer t")
		r.Header.Set("Content-Type", bad.ctype)
		apiError(t, do(t, h, r, 400, nil), bad.says)
	}
	// With --allow-private, the same URL is fetched and stored.
	h = Handler(Config{Store: st, Token: "t", AllowPrivate: true})
	if a := post("application/json", "/api/ingest", `{"url": "`+origin.URL+`/story"}`, 201); a.Stored != 1 {
		t.Fatalf("allowed private URL: %+v", a)
	}
}

// TestOpenAPIMatchesHandlers checks the OpenAPI document against the live
// mux: every operation it describes reaches the handler registered for
// exactly that method and path, and it describes every route registered.
func TestOpenAPIMatchesHandlers(t *testing.T) {
	st := corpus(t)
	h := Handler(Config{Store: st})
	var doc struct {
		OpenAPI string                                `json:"openapi"`
		Paths   map[string]map[string]json.RawMessage `json:"paths"`
	}
	get(t, h, "/api/openapi.json", 200, &doc)
	if !strings.HasPrefix(doc.OpenAPI, "3.") {
		t.Fatalf("openapi version %q", doc.OpenAPI)
	}
	mux := http.NewServeMux()
	a := api.New(api.Config{Store: st})
	a.Register(mux)
	described := map[string]bool{}
	for path, ops := range doc.Paths {
		for method := range ops {
			pattern := strings.ToUpper(method) + " " + path
			described[pattern] = true
			concrete := strings.NewReplacer("{id}", "x", "{format}", "jsonl").Replace(path)
			_, got := mux.Handler(httptest.NewRequest(strings.ToUpper(method), concrete, nil))
			if got != pattern {
				t.Errorf("the document describes %s, but %s %s reaches %q", pattern, strings.ToUpper(method), concrete, got)
			}
		}
	}
	for _, r := range a.Routes() {
		if !described[r.Method+" "+r.Path] {
			t.Errorf("route %s %s is served but not in /api/openapi.json", r.Method, r.Path)
		}
	}
	if len(described) != len(a.Routes()) {
		t.Errorf("the document describes %d operations, %d routes are served", len(described), len(a.Routes()))
	}
}
