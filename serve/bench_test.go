package serve

import (
	"net/http/httptest"
	"net/url"
	"os"
	"testing"

	"github.com/dossier-news/dossier/examples"
	"github.com/dossier-news/dossier/store"
)

// BenchmarkArticlePage renders an article page (the corpus's, or a
// store's given by DOSSIER_BENCH_STORE and DOSSIER_BENCH_DOC).
func BenchmarkArticlePage(b *testing.B) {
	st, id := benchStore(b)
	h := Handler(Config{Store: st})
	path := "/documents/" + url.PathEscape(id)
	b.ReportAllocs()
	for b.Loop() {
		w := httptest.NewRecorder()
		h.ServeHTTP(w, httptest.NewRequest("GET", path, nil))
		if w.Code != 200 {
			b.Fatal(w.Code)
		}
	}
}

func benchStore(b *testing.B) (*store.Store, string) {
	if p := os.Getenv("DOSSIER_BENCH_STORE"); p != "" {
		st, err := store.Open(p, store.Options{ReadOnly: true})
		if err != nil {
			b.Fatal(err)
		}
		b.Cleanup(func() { st.Close() })
		return st, os.Getenv("DOSSIER_BENCH_DOC")
	}
	return corpus(b), examples.Corpus()[0].ID
}
