// Package api is Dossier's JSON API under /api/: the same questions the
// command line asks (package query), over HTTP. Every route is declared
// once in the routes table, which both registers the handlers and writes
// the OpenAPI document served at /api/openapi.json, so the two cannot
// drift apart.
//
// Conventions: lists answer {"items": [...], "next": CURSOR}, where next
// is an opaque cursor to pass back as ?cursor= for the page after (absent
// on the last page); limit= sets the page size (1-100). A stored document
// carries an ETag, so a client that asks again with If-None-Match gets 304.
// Errors answer {"error": MESSAGE, "status": CODE}, with a message that
// says what to change.
package api

import (
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"strconv"
	"strings"
	"sync"

	"github.com/dossier-news/dossier/store"
)

// Config is what the API needs.
type Config struct {
	Store *store.Store
	// AllowPrivate lets POST /api/ingest fetch URLs on loopback and private
	// addresses; off, they are refused as dossier ingest refuses them.
	AllowPrivate bool
	// Linker, when set, links each ingest's documents (package link).
	Linker NewLinker
}

// API serves the JSON routes.
type API struct {
	st           *store.Store
	allowPrivate bool
	linker       NewLinker
	ingestMu     sync.Mutex // one ingest at a time in this process
	routes       []Route
}

// Route is one endpoint: how it is called, what it does, its parameters,
// and its handler.
type Route struct {
	Method, Path string
	Summary      string
	Params       []Param
	// Answer names the shape of a 200 answer in the OpenAPI document:
	// "list", "object", "download" or "text".
	Answer  string
	Body    string // the request body's media types, for writes
	handler http.HandlerFunc
}

// Param is a query or path parameter.
type Param struct {
	Name, In, Doc string
	Required      bool
}

// New makes the API over a store.
func New(c Config) *API {
	a := &API{st: c.Store, allowPrivate: c.AllowPrivate, linker: c.Linker}
	a.routes = a.table()
	return a
}

// Routes lists the registered routes (the OpenAPI test reads it).
func (a *API) Routes() []Route { return a.routes }

// Register adds every route to mux, and a JSON 404 for any other /api/
// address.
func (a *API) Register(mux *http.ServeMux) {
	for _, r := range a.routes {
		mux.HandleFunc(r.Method+" "+r.Path, r.handler)
	}
	mux.HandleFunc("/api/", func(w http.ResponseWriter, r *http.Request) {
		Error(w, http.StatusNotFound, fmt.Sprintf("no API route %s %s: the routes are listed in /api/openapi.json", r.Method, r.URL.Path))
	})
}

// Parameters shared by many routes.
var (
	pLimit  = Param{Name: "limit", In: "query", Doc: "answers per page, 1-100 (default 20)"}
	pCursor = Param{Name: "cursor", In: "query", Doc: "the next value of the previous page"}
	pSince  = Param{Name: "since", In: "query", Doc: "from this date, inclusive: 2024, 2024-03 or 2024-03-12"}
	pUntil  = Param{Name: "until", In: "query", Doc: "up to this date, inclusive: 2024, 2024-03 or 2024-03-12"}
	pSource = Param{Name: "source", In: "query", Doc: "documents of one outlet (the URL's host) or source"}
	pID     = Param{Name: "id", In: "path", Doc: "the document's id", Required: true}
)

// table declares every route. Handlers of questions live beside their
// topic (documents.go, ingest.go, questions.go).
func (a *API) table() []Route {
	rs := []Route{
		{Method: "GET", Path: "/api/openapi.json", Summary: "This API, described in OpenAPI 3.1", Answer: "object", handler: a.openAPI},
		{Method: "GET", Path: "/api/documents", Summary: "The stored documents, newest stored first",
			Params: []Param{pSince, pUntil, pSource, {Name: "story", In: "query", Doc: "documents of one story"}, pLimit, pCursor}, Answer: "list", handler: a.documents},
		{Method: "GET", Path: "/api/documents/{id}", Summary: "One stored document with all its layers: the extract JSON (docs/SCHEMA.md)",
			Params: []Param{pID}, Answer: "object", handler: a.document},
		{Method: "GET", Path: "/api/stats", Summary: "What the store holds: counts of documents and of each layer", Answer: "object", handler: a.stats},
		{Method: "GET", Path: "/api/exports/{format}", Summary: "Every stored document in one export format, as a download",
			Params: []Param{{Name: "format", In: "path", Doc: "jsonl, acled or plover", Required: true}}, Answer: "download", handler: a.export},
		{Method: "POST", Path: "/api/ingest", Summary: "Analyse and store documents: one text (text/plain), JSON Lines (application/x-ndjson), or {\"url\": ...} / {\"id\", \"text\", ...} (application/json). Needs the token.",
			Params: []Param{{Name: "id", In: "query", Doc: "for text/plain: the document's id (default: from its hash)"},
				{Name: "title", In: "query", Doc: "for text/plain: its title"},
				{Name: "published", In: "query", Doc: "for text/plain: its publication date, ISO 8601"}},
			Body: "text/plain application/x-ndjson application/json", Answer: "object", handler: a.ingest},
	}
	return append(rs, a.questions()...)
}

// writeJSON answers 200 with v.
func writeJSON(w http.ResponseWriter, v any) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(true)
	enc.Encode(v)
}

// Error answers with status and a message a person can act on.
func Error(w http.ResponseWriter, status int, msg string) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(status)
	json.NewEncoder(w).Encode(map[string]any{"error": msg, "status": status})
}

// badRequest is an error in what the client asked: 400 with its message.
type badRequest struct{ msg string }

func (b badRequest) Error() string { return b.msg }

func bad(format string, args ...any) error { return badRequest{fmt.Sprintf(format, args...)} }

// fail answers an error: 400 for the client's mistakes, 404 for what is
// not stored, 500 otherwise (with the store's own advice).
func fail(w http.ResponseWriter, err error) {
	var b badRequest
	var nf notFound
	switch {
	case errors.As(err, &b):
		Error(w, http.StatusBadRequest, b.msg)
	case errors.As(err, &nf):
		Error(w, http.StatusNotFound, nf.msg)
	case errors.Is(err, store.ErrNotFound):
		Error(w, http.StatusNotFound, err.Error()+": list the stored documents at /api/documents")
	default:
		Error(w, http.StatusInternalServerError, err.Error())
	}
}

// List is the answer of every list route.
type List struct {
	Items any    `json:"items"`
	Next  string `json:"next,omitempty"`
}

// MaxLimit is the largest page a list answers.
const MaxLimit = 100

// page reads limit= (1-MaxLimit, default 20).
func page(r *http.Request) (int, error) {
	s := r.URL.Query().Get("limit")
	if s == "" {
		return 20, nil
	}
	n, err := strconv.Atoi(s)
	if err != nil || n < 1 || n > MaxLimit {
		return 0, bad("limit=%q: give a whole number from 1 to %d", s, MaxLimit)
	}
	return n, nil
}

// A cursor is opaque to clients: a letter for its kind and a number,
// base64-encoded. "k" is a keyset cursor (an internal id to continue
// below), "o" an offset into an ordered answer.
func encodeCursor(kind byte, n int64) string {
	if n <= 0 {
		return ""
	}
	return base64.RawURLEncoding.EncodeToString([]byte(string(kind) + strconv.FormatInt(n, 10)))
}

// cursor reads cursor= of the kind expected; 0 when absent.
func cursor(r *http.Request, kind byte) (int64, error) {
	s := r.URL.Query().Get("cursor")
	if s == "" {
		return 0, nil
	}
	b, err := base64.RawURLEncoding.DecodeString(s)
	if err == nil && len(b) > 1 && b[0] == kind {
		if n, err := strconv.ParseInt(string(b[1:]), 10, 64); err == nil && n > 0 {
			return n, nil
		}
	}
	return 0, bad("cursor=%q is not a cursor of this list: pass back the \"next\" value of the previous page unchanged, or leave it out to start again", s)
}

// param reads a query parameter, trimmed.
func param(r *http.Request, name string) string { return strings.TrimSpace(r.URL.Query().Get(name)) }
