package api

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"mime"
	"net/http"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/dossier-news/dossier/ingest"
	"github.com/dossier-news/dossier/source"
	"github.com/dossier-news/dossier/store"
)

// IngestAnswer is what POST /api/ingest answers.
type IngestAnswer struct {
	Stored  int         `json:"stored"`
	Skipped int         `json:"skipped"`
	Failed  int         `json:"failed"`
	Errors  []IngestErr `json:"errors"`
	Message string      `json:"message"`
}

// IngestErr is one input that could not be stored, with why.
type IngestErr struct {
	Source string `json:"source"`
	ID     string `json:"id,omitempty"`
	Error  string `json:"error"`
}

// ingestRequest is the application/json body: a URL to fetch, or one
// document.
type ingestRequest struct {
	URL       string  `json:"url"`
	ID        string  `json:"id"`
	Text      *string `json:"text"`
	Title     string  `json:"title"`
	Published string  `json:"published"`
}

// ingest analyses and stores what the body holds, by the same path as
// "dossier ingest" (package ingest): the same idempotence, the same
// refusal of private addresses, failures recorded and reported.
func (a *API) ingest(w http.ResponseWriter, r *http.Request) {
	body, err := io.ReadAll(r.Body)
	if err != nil {
		var tooBig *http.MaxBytesError
		if errors.As(err, &tooBig) {
			Error(w, http.StatusRequestEntityTooLarge, fmt.Sprintf("the request body is over %d bytes: send the documents in smaller parts", tooBig.Limit))
			return
		}
		Error(w, http.StatusBadRequest, "reading the request body: "+err.Error())
		return
	}
	inputs, stdin, err := ingestInputs(r, body)
	if err != nil {
		fail(w, err)
		return
	}
	// Analysing a large batch takes longer than the write timeout.
	http.NewResponseController(w).SetWriteDeadline(time.Now().Add(15 * time.Minute))
	a.ingestMu.Lock()
	defer a.ingestMu.Unlock()
	unlock, err := a.st.LockWriter(false, nil)
	if err != nil {
		Error(w, http.StatusConflict, err.Error())
		return
	}
	defer unlock()
	before, err := a.st.Errors(r.Context())
	if err != nil {
		fail(w, err)
		return
	}
	o := ingest.Options{StdinKind: source.JSONL, Source: source.Options{AllowPrivate: a.allowPrivate}}
	if a.linker != nil {
		l, err := a.linker(a.st)
		if err != nil {
			fail(w, err)
			return
		}
		o.Linker = l
	}
	c, runErr := ingest.Run(r.Context(), a.st, inputs, bytes.NewReader(stdin), o)
	ans := IngestAnswer{Stored: c.Stored, Skipped: c.Skipped, Failed: c.Failed, Errors: []IngestErr{}}
	if after, err := a.st.Errors(r.Context()); err == nil && len(after) > len(before) {
		for _, e := range after[len(before):] {
			ans.Errors = append(ans.Errors, IngestErr{Source: e.Source, ID: e.ID, Error: e.Message})
		}
	}
	status := http.StatusOK
	switch {
	case runErr != nil:
		Error(w, http.StatusInternalServerError, fmt.Sprintf("ingest stopped after storing %d document(s): %v", c.Stored, runErr))
		return
	case c.Stored > 0:
		status = http.StatusCreated
		ans.Message = fmt.Sprintf("stored %d new document(s), skipped %d already stored, %d failed", c.Stored, c.Skipped, c.Failed)
	case c.Failed > 0:
		status = http.StatusUnprocessableEntity
		ans.Message = fmt.Sprintf("nothing stored: %d input(s) failed; see errors", c.Failed)
	case c.Skipped > 0:
		ans.Message = fmt.Sprintf("nothing new: all %d document(s) are already stored", c.Skipped)
	default:
		status = http.StatusBadRequest
		ans.Message = "the body held no document: send text, JSON Lines, or {\"url\": ...}"
	}
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.WriteHeader(status)
	json.NewEncoder(w).Encode(ans)
}

// ingestInputs turns a request into ingest's inputs: a URL argument, or
// JSON Lines on "standard input".
func ingestInputs(r *http.Request, body []byte) ([]string, []byte, error) {
	ct := r.Header.Get("Content-Type")
	mt, _, _ := mime.ParseMediaType(ct)
	if len(bytes.TrimSpace(body)) == 0 {
		return nil, nil, bad("the request body is empty: send one article's text (text/plain), JSON Lines (application/x-ndjson) or {\"url\": \"https://...\"} (application/json)")
	}
	switch mt {
	case "text/plain", "":
		if !utf8.Valid(body) {
			return nil, nil, bad("the text is not UTF-8: convert it first")
		}
		id := param(r, "id")
		if id == "" {
			sum := sha256.Sum256(body)
			id = "text-" + hex.EncodeToString(sum[:8])
		}
		text := string(body)
		line, err := jsonLine(ingestRequest{ID: id, Text: &text, Title: param(r, "title"), Published: param(r, "published")})
		return []string{"-"}, line, err
	case "application/x-ndjson", "application/jsonl", "application/x-jsonlines", "application/jsonlines":
		return []string{"-"}, body, nil
	case "application/json":
		var req ingestRequest
		dec := json.NewDecoder(bytes.NewReader(body))
		dec.DisallowUnknownFields()
		if err := dec.Decode(&req); err != nil {
			return nil, nil, bad("the JSON body is not {\"url\": ...} or {\"id\": ..., \"text\": ...}: %v (for several documents send JSON Lines as application/x-ndjson)", err)
		}
		if req.URL != "" {
			if req.Text != nil {
				return nil, nil, bad("give either \"url\" or \"text\", not both")
			}
			if !source.IsURL(req.URL) {
				return nil, nil, bad("url %q is not an http or https address", req.URL)
			}
			return []string{req.URL}, nil, nil
		}
		if req.Text == nil {
			return nil, nil, bad("the JSON body has neither \"url\" nor \"text\"")
		}
		if req.ID == "" {
			sum := sha256.Sum256([]byte(*req.Text))
			req.ID = "text-" + hex.EncodeToString(sum[:8])
		}
		line, err := jsonLine(req)
		return []string{"-"}, line, err
	}
	return nil, nil, bad("Content-Type %q is not one ingest reads: use text/plain, application/x-ndjson or application/json", ct)
}

// jsonLine writes one document as a JSON Lines line for the JSONL reader.
func jsonLine(req ingestRequest) ([]byte, error) {
	m := map[string]any{"id": req.ID, "text": *req.Text}
	if t := strings.TrimSpace(req.Title); t != "" {
		m["title"] = t
	}
	if req.Published != "" {
		m["published"] = req.Published
	}
	b, err := json.Marshal(m)
	return append(b, '\n'), err
}

// NewLinker makes the linker of one ingest run (package link, once wired);
// nil stores documents unlinked, as ingest does by default.
type NewLinker func(*store.Store) (ingest.Linker, error)
