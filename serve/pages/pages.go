// Package pages is Dossier's web pages: server-rendered HTML (html/template,
// so everything shown is escaped in its context) over package query and
// the store's document read, with the style sheet and the little script
// embedded in the binary: no CDN, no build step. Every page reads without
// JavaScript; the script only adds conveniences (layer switches).
//
// Addresses are stable, to share: /documents/{id}, /actors/{key},
// /stories/{id}, /search?q=..., /events?type=..., /timeline?actor=....
package pages

import (
	"bytes"
	"embed"
	"errors"
	"fmt"
	"html/template"
	"io/fs"
	"net/http"
	"net/url"
	"strconv"
	"strings"

	"github.com/dossier-news/dossier/query"
	"github.com/dossier-news/dossier/store"
)

//go:embed templates/*.html
var templateFS embed.FS

//go:embed assets
var assetFS embed.FS

// Config is what the pages need.
type Config struct{ Store *store.Store }

// Pages serves the HTML pages.
type Pages struct {
	st    *store.Store
	pages map[string]*template.Template
}

var funcs = template.FuncMap{
	"pathEscape": url.PathEscape,
	"actorHref":  func(key string) string { return "/actors/" + url.PathEscape(key) },
	"docHref":    func(id string) string { return "/documents/" + url.PathEscape(id) },
	"storyHref":  func(id string) string { return "/stories/" + url.PathEscape(id) },
	"day": func(s string) string {
		if len(s) > 10 {
			return s[:10]
		}
		return s
	},
	"pct": func(f float64) string { return strconv.Itoa(int(f*100+0.5)) + "%" },
	"num": func(f float64) string { return strconv.FormatFloat(f, 'f', -1, 64) },
	"nump": func(f *float64) string {
		if f == nil {
			return ""
		}
		return strconv.FormatFloat(*f, 'f', -1, 64)
	},
	"join":  strings.Join,
	"add":   func(a, b int) int { return a + b },
	"lower": strings.ToLower,
	"deref": func(f *float64) float64 { return *f },
}

// New parses the templates: each page is the layout with its own body.
func New(c Config) *Pages {
	p := &Pages{st: c.Store, pages: map[string]*template.Template{}}
	names, err := fs.Glob(templateFS, "templates/*.html")
	if err != nil {
		panic(err)
	}
	for _, n := range names {
		base := strings.TrimSuffix(strings.TrimPrefix(n, "templates/"), ".html")
		if base == "layout" {
			continue
		}
		p.pages[base] = template.Must(template.New("layout.html").Funcs(funcs).ParseFS(templateFS, "templates/layout.html", n))
	}
	return p
}

// Register adds the pages and the assets to mux.
func (p *Pages) Register(mux *http.ServeMux) {
	assets, _ := fs.Sub(assetFS, "assets")
	files := http.FileServerFS(assets)
	mux.Handle("GET /assets/", http.StripPrefix("/assets/", http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Cache-Control", "public, max-age=3600")
		files.ServeHTTP(w, r)
	})))
	mux.HandleFunc("GET /{$}", p.documents)
	mux.HandleFunc("GET /documents/{id}", p.document)
	mux.HandleFunc("GET /actors", p.actors)
	mux.HandleFunc("GET /actors/{id}", p.actor)
	mux.HandleFunc("GET /stories/{id}", p.story)
	mux.HandleFunc("GET /search", p.search)
	mux.HandleFunc("GET /events", p.events)
	mux.HandleFunc("GET /events.csv", p.eventsCSV)
	mux.HandleFunc("GET /timeline", p.timeline)
	mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		p.fail(w, r, http.StatusNotFound, "There is no page at this address. Start from the list of documents.")
	})
}

// view is what every page template gets: its title, the navigation's
// current section, and the page's own data.
type view struct {
	Title   string
	Section string
	Query   url.Values
	Data    any
}

// render writes a page; a template error (a bug) becomes a 500 before
// anything is sent.
func (p *Pages) render(w http.ResponseWriter, r *http.Request, status int, page string, v view) {
	t := p.pages[page]
	if t == nil {
		panic("pages: no template " + page)
	}
	v.Query = r.URL.Query()
	var buf bytes.Buffer
	if err := t.Execute(&buf, v); err != nil {
		http.Error(w, "the page could not be drawn (a bug): "+err.Error(), http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.WriteHeader(status)
	w.Write(buf.Bytes())
}

// fail shows an error page with a message a person can act on.
func (p *Pages) fail(w http.ResponseWriter, r *http.Request, status int, msg string) {
	p.render(w, r, status, "error", view{Title: http.StatusText(status), Data: msg})
}

// failErr chooses the status of an error from query or the store.
func (p *Pages) failErr(w http.ResponseWriter, r *http.Request, err error) {
	switch {
	case errors.Is(err, store.ErrNotFound):
		p.fail(w, r, http.StatusNotFound, "Nothing is stored at this address: "+err.Error()+". Start from the list of documents.")
	case errors.Is(err, query.ErrNoActor):
		p.fail(w, r, http.StatusNotFound, err.Error()+". The actors page lists the names stored.")
	case userError(err):
		p.fail(w, r, http.StatusBadRequest, strings.TrimPrefix(err.Error(), "--"))
	default:
		p.fail(w, r, http.StatusInternalServerError, err.Error())
	}
}

// userError says whether query refused what was asked (its messages name
// the command line's flags).
func userError(err error) bool {
	msg := err.Error()
	for _, p := range []string{"--", "nothing to search", "search in", "no name given", "since ", "until "} {
		if strings.HasPrefix(msg, p) {
			return true
		}
	}
	return strings.Contains(msg, "matches more than")
}

// filter reads the filters every page shares.
func filter(r *http.Request, limit int) (query.Filter, error) {
	q := r.URL.Query()
	f := query.Filter{Since: strings.TrimSpace(q.Get("since")), Until: strings.TrimSpace(q.Get("until")),
		Source: strings.TrimSpace(q.Get("source")), Limit: limit}
	for _, d := range []struct{ name, v string }{{"since", f.Since}, {"until", f.Until}} {
		if d.v != "" {
			if err := query.CheckDate(d.v); err != nil {
				return f, fmt.Errorf("--%s %q: %v", d.name, d.v, err)
			}
		}
	}
	return f, nil
}
