package serve

import (
	"bytes"
	"compress/gzip"
	"context"
	"encoding/json"
	"io"
	"log/slog"
	"net"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/dossier-news/dossier/examples"
	"github.com/dossier-news/dossier/ingest"
	"github.com/dossier-news/dossier/link"
	"github.com/dossier-news/dossier/source"
	"github.com/dossier-news/dossier/store"
)

// The bundled corpus, stored once for the tests that only read.
var (
	corpusOnce  sync.Once
	corpusStore *store.Store
	corpusErr   error
)

// corpus returns a store holding the bundled corpus, shared by the tests
// that only read it.
func corpus(t testing.TB) *store.Store {
	t.Helper()
	corpusOnce.Do(func() {
		dir, err := tempDir()
		if err != nil {
			corpusErr = err
			return
		}
		corpusStore, corpusErr = fill(filepath.Join(dir, "corpus.db"), examples.CorpusJSONL())
	})
	if corpusErr != nil {
		t.Fatal(corpusErr)
	}
	return corpusStore
}

// fill makes a store at path holding the JSON Lines given.
func fill(path string, jsonl []byte) (*store.Store, error) {
	st, err := store.Open(path, store.Options{})
	if err != nil {
		return nil, err
	}
	if _, err := ingest.Run(context.Background(), st, []string{"-"}, bytes.NewReader(jsonl), ingest.Options{StdinKind: source.JSONL, Linker: link.NewIngest()}); err != nil {
		return nil, err
	}
	return st, nil
}

// emptyStore is a fresh store of the test's own, for writes.
func emptyStore(t *testing.T) *store.Store {
	st, err := store.Open(filepath.Join(t.TempDir(), "w.db"), store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	return st
}

// get asks h for path and decodes the JSON answer into v (when not nil).
func get(t *testing.T, h http.Handler, path string, want int, v any) *httptest.ResponseRecorder {
	t.Helper()
	return do(t, h, httptest.NewRequest("GET", path, nil), want, v)
}

func do(t *testing.T, h http.Handler, r *http.Request, want int, v any) *httptest.ResponseRecorder {
	t.Helper()
	w := httptest.NewRecorder()
	h.ServeHTTP(w, r)
	if w.Code != want {
		t.Fatalf("%s %s: status %d, want %d: %s", r.Method, r.URL, w.Code, want, w.Body.String())
	}
	if v != nil {
		if err := json.Unmarshal(w.Body.Bytes(), v); err != nil {
			t.Fatalf("%s %s: not JSON: %v: %s", r.Method, r.URL, err, w.Body.String())
		}
	}
	return w
}

// apiError checks that an answer is a JSON error with a message.
func apiError(t *testing.T, w *httptest.ResponseRecorder, wantIn string) {
	t.Helper()
	var e struct {
		Error  string `json:"error"`
		Status int    `json:"status"`
	}
	if err := json.Unmarshal(w.Body.Bytes(), &e); err != nil || e.Error == "" || e.Status != w.Code {
		t.Fatalf("not a JSON error: %s", w.Body.String())
	}
	if !strings.Contains(e.Error, wantIn) {
		t.Errorf("error %q does not say %q", e.Error, wantIn)
	}
}

func TestConfigCheck(t *testing.T) {
	for _, c := range []struct {
		addr, token string
		ok          bool
	}{
		{"127.0.0.1:8080", "", true},
		{"localhost:0", "", true},
		{"[::1]:8080", "", true},
		{"0.0.0.0:8080", "", false},
		{":8080", "", false},
		{"192.168.1.4:8080", "", false},
		{"0.0.0.0:8080", "secret", true},
		{"nonsense", "", false},
	} {
		err := Config{Addr: c.addr, Token: c.token}.Check()
		if (err == nil) != c.ok {
			t.Errorf("Check(%q, token %q) = %v, want ok=%v", c.addr, c.token, err, c.ok)
		}
	}
}

func TestGzipAndHeaders(t *testing.T) {
	h := Handler(Config{Store: corpus(t)})
	r := httptest.NewRequest("GET", "/api/stats", nil)
	r.Header.Set("Accept-Encoding", "gzip")
	w := do(t, h, r, 200, nil)
	if w.Header().Get("Content-Encoding") != "gzip" {
		t.Fatalf("no gzip: %v", w.Header())
	}
	zr, err := gzip.NewReader(w.Body)
	if err != nil {
		t.Fatal(err)
	}
	b, _ := io.ReadAll(zr)
	var st map[string]any
	if err := json.Unmarshal(b, &st); err != nil || st["documents"] == nil {
		t.Fatalf("gzipped answer: %v %s", err, b)
	}
	if csp := w.Header().Get("Content-Security-Policy"); !strings.Contains(csp, "script-src 'self'") {
		t.Errorf("no content security policy: %q", csp)
	}
}

func TestWritesNeedToken(t *testing.T) {
	st := emptyStore(t)
	body := "The minister said the bridge would reopen on Monday."
	for _, c := range []struct {
		name, token, auth string
		want              int
	}{
		{"no token configured", "", "Bearer x", http.StatusForbidden},
		{"no header", "s3cret", "", http.StatusUnauthorized},
		{"wrong token", "s3cret", "Bearer nope", http.StatusUnauthorized},
		{"not bearer", "s3cret", "s3cret", http.StatusUnauthorized},
		{"right token", "s3cret", "Bearer s3cret", http.StatusCreated},
	} {
		t.Run(c.name, func(t *testing.T) {
			h := Handler(Config{Store: st, Token: c.token})
			r := httptest.NewRequest("POST", "/api/ingest?id=bridge", strings.NewReader(body))
			r.Header.Set("Content-Type", "text/plain")
			if c.auth != "" {
				r.Header.Set("Authorization", c.auth)
			}
			w := do(t, h, r, c.want, nil)
			if c.want >= 400 {
				apiError(t, w, "token")
			}
		})
	}
	// Reads need no token.
	get(t, Handler(Config{Store: st, Token: "s3cret"}), "/api/documents/bridge", 200, nil)
}

func TestOversizedBodyRefused(t *testing.T) {
	old := MaxBody
	MaxBody = 1 << 10
	defer func() { MaxBody = old }()
	h := Handler(Config{Store: emptyStore(t), Token: "t"})
	big := strings.Repeat("The council met again. ", 200)
	// Announced: refused before reading.
	r := httptest.NewRequest("POST", "/api/ingest", strings.NewReader(big))
	r.Header.Set("Authorization", "Bearer t")
	apiError(t, do(t, h, r, http.StatusRequestEntityTooLarge, nil), "bytes")
	// Not announced (chunked): refused when read past the cap.
	r = httptest.NewRequest("POST", "/api/ingest", io.MultiReader(strings.NewReader(big)))
	r.ContentLength = -1
	r.Header.Set("Authorization", "Bearer t")
	apiError(t, do(t, h, r, http.StatusRequestEntityTooLarge, nil), "bytes")
}

func TestPanicIsA500(t *testing.T) {
	h := recovered(testLogger(), http.HandlerFunc(func(http.ResponseWriter, *http.Request) { panic("boom") }))
	apiError(t, do(t, h, httptest.NewRequest("GET", "/", nil), 500, nil), "bug")
}

func testLogger() *slog.Logger { return slog.New(slog.DiscardHandler) }

// TestSlowClientCannotHoldServer opens connections that send half a
// request and then nothing (slowloris): the server answers others
// meanwhile, and drops the silent ones when the header timeout passes.
func TestSlowClientCannotHoldServer(t *testing.T) {
	old := ReadHeaderTimeout
	ReadHeaderTimeout = 300 * time.Millisecond
	defer func() { ReadHeaderTimeout = old }()
	ctx, cancel := context.WithCancel(context.Background())
	addrc := make(chan string, 1)
	done := make(chan error, 1)
	go func() {
		done <- Run(ctx, Config{Store: corpus(t), Addr: "127.0.0.1:0"}, func(a string) { addrc <- a })
	}()
	addr := <-addrc
	var slow []net.Conn
	for range 20 {
		c, err := net.Dial("tcp", addr)
		if err != nil {
			t.Fatal(err)
		}
		slow = append(slow, c)
		io.WriteString(c, "GET /api/stats HTTP/1.1\r\nHost: x\r\n")
	}
	resp, err := http.Get("http://" + addr + "/api/stats")
	if err != nil || resp.StatusCode != 200 {
		t.Fatalf("a normal client was not served beside the slow ones: %v %v", err, resp)
	}
	resp.Body.Close()
	for i, c := range slow {
		c.SetReadDeadline(time.Now().Add(5 * time.Second))
		start := time.Now()
		_, err := io.ReadAll(c)
		if ne, ok := err.(net.Error); ok && ne.Timeout() {
			t.Fatalf("slow connection %d still open after %v: the server lets a silent client hold it", i, time.Since(start))
		}
		c.Close()
	}
	cancel()
	if err := <-done; err != nil {
		t.Fatalf("graceful shutdown: %v", err)
	}
}
