package api

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"net/http"
	"time"

	"github.com/dossier-news/dossier/doc"
	"github.com/dossier-news/dossier/export"
	"github.com/dossier-news/dossier/query"
	"github.com/dossier-news/dossier/store"
)

// documents lists the stored documents, keyset-paged by internal id.
func (a *API) documents(w http.ResponseWriter, r *http.Request) {
	limit, err := page(r)
	if err != nil {
		fail(w, err)
		return
	}
	before, err := cursor(r, 'k')
	if err != nil {
		fail(w, err)
		return
	}
	f := query.DocumentsFilter{Since: param(r, "since"), Until: param(r, "until"), Source: param(r, "source"),
		Story: param(r, "story"), Before: before, Limit: limit}
	for _, d := range []struct{ name, v string }{{"since", f.Since}, {"until", f.Until}} {
		if err := query.CheckDate(d.v); d.v != "" && err != nil {
			fail(w, bad("%s=%q: %v", d.name, d.v, err))
			return
		}
	}
	docs, next, err := query.ListDocuments(r.Context(), a.st, f)
	if err != nil {
		fail(w, err)
		return
	}
	if docs == nil {
		docs = []query.DocumentSummary{}
	}
	writeJSON(w, List{Items: docs, Next: encodeCursor('k', next)})
}

// Document returns the stored document's extract JSON and its ETag: a hash
// of exactly those bytes, so that it changes when linking changes the
// document's story or actors.
func Document(r *http.Request, st *store.Store, id string) ([]byte, string, error) {
	d, err := st.Get(r.Context(), id)
	if err != nil {
		return nil, "", err
	}
	b, err := json.Marshal(d)
	if err != nil {
		return nil, "", fmt.Errorf("encoding document %q: %w", id, err)
	}
	sum := sha256.Sum256(b)
	return b, `"` + hex.EncodeToString(sum[:12]) + `"`, nil
}

// document answers one stored document, or 304 when the client's copy is
// current.
func (a *API) document(w http.ResponseWriter, r *http.Request) {
	b, etag, err := Document(r, a.st, r.PathValue("id"))
	if err != nil {
		fail(w, err)
		return
	}
	w.Header().Set("ETag", etag)
	w.Header().Set("Cache-Control", "no-cache")
	if match := r.Header.Get("If-None-Match"); match != "" && (match == etag || match == "W/"+etag || match == "*") {
		w.WriteHeader(http.StatusNotModified)
		return
	}
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.Write(b)
	w.Write([]byte("\n"))
}

// Stats is the answer of /api/stats.
type Stats struct {
	Documents  int     `json:"documents"`
	TextBytes  int64   `json:"text_bytes"`
	Words      int64   `json:"words"`
	First      string  `json:"first_published,omitempty"`
	Last       string  `json:"last_published,omitempty"`
	Undated    int     `json:"undated"`
	Entities   int     `json:"entities"`
	Quotes     int     `json:"quotes"`
	Events     int     `json:"events"`
	Timexes    int     `json:"timexes"`
	Quantities int     `json:"quantities"`
	Flags      int     `json:"flags"`
	Errors     int     `json:"errors"`
	ByOutlet   []Count `json:"by_outlet"`
	FileBytes  int64   `json:"file_bytes"`
}

// Count is a value and how many.
type Count struct {
	Value string `json:"value"`
	N     int    `json:"n"`
}

func (a *API) stats(w http.ResponseWriter, r *http.Request) {
	s, err := a.st.Stats(r.Context())
	if err != nil {
		fail(w, err)
		return
	}
	out := Stats{Documents: s.Documents, TextBytes: s.TextBytes, Words: s.Words, First: s.First, Last: s.Last,
		Undated: s.Undated, Entities: s.Entities, Quotes: s.Quotes, Events: s.Events, Timexes: s.Timexes,
		Quantities: s.Quantities, Flags: s.Flags, Errors: s.Errors, FileBytes: s.FileBytes, ByOutlet: []Count{}}
	for _, c := range s.ByOutlet {
		out.ByOutlet = append(out.ByOutlet, Count{Value: c.Name, N: c.N})
	}
	writeJSON(w, out)
}

// exportTypes are the download formats and their media types. csv writes
// a folder of tables and is left to "dossier export".
var exportTypes = map[string]string{
	"jsonl":  "application/x-ndjson",
	"acled":  "text/csv; charset=utf-8",
	"plover": "application/x-ndjson",
}

// export streams every stored document in one format.
func (a *API) export(w http.ResponseWriter, r *http.Request) {
	name := r.PathValue("format")
	ctype, ok := exportTypes[name]
	if !ok {
		Error(w, http.StatusNotFound, fmt.Sprintf("no export format %q here: use jsonl, acled or plover (csv is a folder of tables: dossier export --format csv --out DIR)", name))
		return
	}
	// A large store takes longer than the server's write timeout.
	http.NewResponseController(w).SetWriteDeadline(time.Now().Add(30 * time.Minute))
	ext := map[string]string{"jsonl": "jsonl", "acled": "csv", "plover": "jsonl"}[name]
	w.Header().Set("Content-Type", ctype)
	w.Header().Set("Content-Disposition", fmt.Sprintf(`attachment; filename="dossier-%s.%s"`, name, ext))
	var err error
	if name == "jsonl" {
		enc := json.NewEncoder(w)
		err = a.st.Each(r.Context(), func(_ int64, d *doc.Document) error { return enc.Encode(d) })
	} else {
		var xw export.Writer
		if xw, err = export.Open(name, "", w); err == nil {
			err = a.st.Each(r.Context(), func(_ int64, d *doc.Document) error { return xw.Write(d) })
			if cerr := xw.Close(); err == nil {
				err = cerr
			}
		}
	}
	if err != nil {
		// The answer has begun: all that can be done is to cut it short,
		// so that the client sees a broken download, not a complete one.
		panic(http.ErrAbortHandler)
	}
}
