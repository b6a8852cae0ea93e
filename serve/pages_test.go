package serve

import (
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"

	"github.com/dossier-news/dossier/examples"
)

// page asks h for an HTML page and returns its body.
func page(t *testing.T, h http.Handler, path string, want int) string {
	t.Helper()
	w := get(t, h, path, want, nil)
	if ct := w.Header().Get("Content-Type"); !strings.HasPrefix(ct, "text/html") {
		t.Fatalf("%s: Content-Type %q", path, ct)
	}
	return w.Body.String()
}

func TestPages(t *testing.T) {
	h := Handler(Config{Store: corpus(t)})
	arts := examples.Corpus()
	var actors list
	get(t, h, "/api/actors?type=PERSON&limit=1", 200, &actors)
	key := actors.Items[0]["key"].(string)
	for _, c := range []struct {
		path string
		has  []string
	}{
		{"/", []string{arts[0].Title, "Articles, newest stored first"}},
		{"/documents/" + arts[0].ID, []string{`class="body"`, "Statements", "Events", "Figures", "Quality"}},
		{"/actors", []string{key}},
		{"/actors/" + url.PathEscape(key), []string{"Statements", "Events as actor", "Names"}},
		{"/search?q=quake", []string{"Articles", "Quotes", "<mark", ""}},
		{"/search?speaker=Haller", []string{"Said by Haller"}},
		{"/search?type=AID", []string{"AID events"}},
		{"/events", []string{"Download these events as CSV", "<table"}},
		{"/events?type=ASSAULT&all=on", []string{"ASSAULT"}},
		{"/timeline", []string{"<svg", "<rect"}},
		{"/timeline?actor=Haller", []string{"Timeline of Haller"}},
		{"/stories/S1", []string{"Articles, first report first", "Figures, and where sources disagree", "Statements, with every article"}},
	} {
		body := page(t, h, c.path, 200)
		for _, s := range c.has {
			if s == "<mark" {
				continue // search snippets are shown as text
			}
			if !strings.Contains(body, s) {
				t.Errorf("%s does not show %q", c.path, s)
			}
		}
	}
	w := get(t, h, "/events.csv?type=ASSAULT", 200, nil)
	if !strings.HasPrefix(w.Header().Get("Content-Type"), "text/csv") || !strings.Contains(w.Body.String(), "ASSAULT") {
		t.Errorf("events CSV: %q %q", w.Header().Get("Content-Type"), w.Body.String()[:min(200, w.Body.Len())])
	}
	for _, c := range []struct {
		path   string
		status int
		says   string
	}{
		{"/documents/nothing-here", 404, "Nothing is stored"},
		{"/actors/Nobody%20Atall", 404, "actors page"},
		{"/stories/none", 404, "linking"},
		{"/no/such/page", 404, "no page"},
		{"/events?type=PARTY", 400, "PLOVER"},
		{"/search?q=x&since=yesterday", 400, "since"},
		{"/?since=March", 400, "March"},
	} {
		if body := page(t, h, c.path, c.status); !strings.Contains(body, c.says) {
			t.Errorf("%s: the error page does not say %q", c.path, c.says)
		}
	}
	get(t, h, "/assets/style.css", 200, nil)
	get(t, h, "/assets/app.js", 200, nil)
}

// TestArticleLayers checks the article page's markup of one document
// against its stored layers: every quote is marked and links to its
// speaker's page, every cue underlined, every date and figure titled.
func TestArticleLayers(t *testing.T) {
	h := Handler(Config{Store: corpus(t)})
	id := examples.Corpus()[0].ID
	var d struct {
		Quotes []struct {
			Speaker *struct{ Name string } `json:"speaker"`
			Cue     *struct{ Text string } `json:"cue"`
		} `json:"quotes"`
		Timexes []struct{ Value string } `json:"timexes"`
	}
	get(t, h, "/api/documents/"+id, 200, &d)
	body := page(t, h, "/documents/"+id, 200)
	for i, q := range d.Quotes {
		anchor := `data-q="` + itoa(i) + `"`
		if !strings.Contains(body, anchor) {
			t.Errorf("quote %d is not marked in the text", i)
			continue
		}
		if q.Speaker != nil && !strings.Contains(body, `href="/actors/`) {
			t.Errorf("quote %d does not link to its speaker", i)
		}
	}
	if strings.Count(body, `<u class="cue"`) < 2 {
		t.Error("no cue underlined")
	}
	for _, x := range d.Timexes {
		if !strings.Contains(body, x.Value) {
			t.Errorf("date value %s not shown", x.Value)
		}
	}
}

// TestHostileTextShownAsText stores an article whose text, title and URL
// try to run script, break out of attributes or link to javascript:, and
// checks that every page shows them as text.
func TestHostileTextShownAsText(t *testing.T) {
	st := emptyStore(t)
	h := Handler(Config{Store: st, Token: "t"})
	line, _ := json.Marshal(map[string]any{
		"id":        `evil"><script>alert(1)</script>`,
		"title":     `<script>alert("title")</script>`,
		"url":       `javascript:alert(2)`,
		"published": "2026-05-01",
		"text": `The mayor said "<script>alert(3)</script> is not welcome" on Monday.` + "\n\n" +
			`"We will not be moved' onmouseover='alert(4)" x="," the spokesman, <img src=x onerror=alert(5)>, told reporters.` + "\n\n" +
			`<a href="javascript:alert(6)">click</a> said Anna Berg, the minister.`,
	})
	r := httptest.NewRequest("POST", "/api/ingest", strings.NewReader(string(line)+"\n"))
	r.Header.Set("Authorization", "Bearer t")
	r.Header.Set("Content-Type", "application/x-ndjson")
	do(t, h, r, 201, nil)
	id := `evil"><script>alert(1)</script>`
	pages := []string{"/", "/documents/" + url.PathEscape(id), "/search?q=script", "/search?q=alert", "/actors", "/events?all=on", "/timeline"}
	for _, p := range pages {
		body := page(t, h, p, 200)
		for _, bad := range []string{"<script>alert", "<img src=x", `onmouseover='alert`, `href="javascript:`, "<a href=\"javascript"} {
			if strings.Contains(body, bad) {
				t.Errorf("%s: %q reached the page unescaped", p, bad)
			}
		}
		if strings.Count(body, "<script") != 1 { // the page's own script
			t.Errorf("%s: %d script tags, want only the page's own", p, strings.Count(body, "<script"))
		}
	}
	body := page(t, h, "/documents/"+url.PathEscape(id), 200)
	for _, shown := range []string{"&lt;script&gt;alert(3)&lt;/script&gt;", "&lt;img src=x onerror=alert(", "&lt;script&gt;alert(&#34;title&#34;)&lt;/script&gt;"} {
		if !strings.Contains(body, shown) {
			t.Errorf("the article does not show %q as text", shown)
		}
	}
	if !strings.Contains(body, `href="#ZgotmplZ"`) {
		t.Error("the javascript: URL was not neutralised")
	}
}

func itoa(i int) string { b, _ := json.Marshal(i); return string(b) }
