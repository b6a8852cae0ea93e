package ingest

import (
	"bufio"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"runtime"
	"testing"

	"github.com/dossier-news/dossier/perf/newsgen"
	"github.com/dossier-news/dossier/store"
)

// BenchmarkIngest ingests generated PolNeAR-like articles (package
// newsgen, from ../shared) into a new SQLite store, end to end: read,
// analyse on all cores, store. It reports documents/s, the store's bytes
// per byte of text and the peak heap.
//
//	go test -run XXX -bench Ingest -benchtime 1000x ./ingest/
func BenchmarkIngest(b *testing.B) {
	srcs := []string{filepath.Join("..", newsgen.DefaultSources[0]), filepath.Join("..", newsgen.DefaultSources[1])}
	g, err := newsgen.New(1, srcs...)
	if err != nil {
		b.Skip(err)
	}
	dir := b.TempDir()
	in := filepath.Join(dir, "news.jsonl")
	f, _ := os.Create(in)
	w := bufio.NewWriter(f)
	enc := json.NewEncoder(w)
	for i := 0; i < b.N; i++ {
		enc.Encode(g.Article(i))
	}
	w.Flush()
	f.Close()
	st, err := store.Open(filepath.Join(dir, "b.db"), store.Options{})
	if err != nil {
		b.Fatal(err)
	}
	defer st.Close()
	b.ResetTimer()
	c, err := Run(context.Background(), st, []string{in}, nil, Options{})
	if err != nil {
		b.Fatal(err)
	}
	b.StopTimer()
	if c.Stored != b.N {
		b.Fatalf("stored %d of %d", c.Stored, b.N)
	}
	s, _ := st.Stats(context.Background())
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "docs/s")
	b.ReportMetric(float64(s.FileBytes)/float64(s.TextBytes), "store/text")
	b.ReportMetric(float64(ms.HeapSys)/1e6, "heapsys-MB")
}
