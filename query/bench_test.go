package query

import (
	"context"
	"fmt"
	"path/filepath"
	"testing"

	"github.com/dossier-news/dossier/analyze"
	"github.com/dossier-news/dossier/doc"
	"github.com/dossier-news/dossier/store"
)

// benchStore stores the test articles n times over, under their own ids.
func benchStore(b *testing.B, n int) *store.Store {
	b.Helper()
	s, err := store.Open(filepath.Join(b.TempDir(), "bench.db"), store.Options{})
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { s.Close() })
	p := analyze.Default()
	var pool []*doc.Document
	for _, a := range articles {
		d := doc.New(a.id, a.text)
		d.Published, d.URL = a.published, a.url
		if err := p.Process(d); err != nil {
			b.Fatal(err)
		}
		pool = append(pool, d)
	}
	tx, err := s.Begin(context.Background())
	if err != nil {
		b.Fatal(err)
	}
	for i := 0; i < n; i++ {
		d := *pool[i%len(pool)]
		d.ID = fmt.Sprintf("%s-%d", d.ID, i)
		if _, err := tx.Put(&d, nil); err != nil {
			b.Fatal(err)
		}
	}
	if err := tx.Commit(); err != nil {
		b.Fatal(err)
	}
	return s
}

// BenchmarkQueries times each question on a store of 2,000 small
// documents; docs/QUERY.md gives the command that measures a large store.
func BenchmarkQueries(b *testing.B) {
	s := benchStore(b, 2000)
	ctx := context.Background()
	for _, q := range []struct {
		name string
		ask  func() error
	}{
		{"search-word", func() error { _, err := Search(ctx, s, "minister", SearchFilter{}); return err }},
		{"search-phrase", func() error { _, err := Search(ctx, s, `"river towns"`, SearchFilter{}); return err }},
		{"search-since", func() error {
			_, err := Search(ctx, s, "said", SearchFilter{Filter: Filter{Since: "2024-03"}})
			return err
		}},
		{"quotes-speaker", func() error { _, err := Quotes(ctx, s, QuoteFilter{Speaker: "Keita"}); return err }},
		{"quotes-about", func() error { _, err := Quotes(ctx, s, QuoteFilter{About: "river"}); return err }},
		{"events-type", func() error { _, err := Events(ctx, s, EventFilter{Type: "ASSAULT"}); return err }},
		{"figures-killed", func() error { _, err := Figures(ctx, s, FigureFilter{Category: "killed"}); return err }},
		{"actor", func() error { _, err := Actor(ctx, s, "Keita", Filter{}); return err }},
		{"actors", func() error { _, err := Actors(ctx, s, ActorsFilter{}); return err }},
		{"timeline-actor", func() error { _, err := Timeline(ctx, s, "Keita", Filter{}); return err }},
	} {
		b.Run(q.name, func(b *testing.B) {
			for i := 0; i < b.N; i++ {
				if err := q.ask(); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "queries/s")
		})
	}
}
