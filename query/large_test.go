package query

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"math/rand"
	"os"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/dossier-news/dossier/analyze"
	"github.com/dossier-news/dossier/doc"
	"github.com/dossier-news/dossier/store"
)

// TestLargeStore builds a large store to measure the questions at scale,
// when asked through the environment (docs/QUERY.md):
//
//	DOSSIER_QUERY_STORE=/tmp/q200k.db DOSSIER_QUERY_DOCS=200000 go test -run TestLargeStore -timeout 2h ./query
//	dossier querybench --db /tmp/q200k.db
//
// Its articles recombine paragraphs of the PolNeAR training corpus
// (../shared/gold/polnear/train.jsonl, read, never copied): a pool of
// DOSSIER_QUERY_POOL articles (default 4,000) of 6 to 14 random paragraphs
// each is analysed once, and the store holds DOSSIER_QUERY_DOCS documents
// drawn from the pool under their own ids, dates and outlets. Repeating
// the pool keeps the share of documents each word is in, so the full-text
// lists are as long as in as many distinct articles; it makes every
// speaker's quotes more numerous than in a real corpus, which can only
// slow "quotes --speaker" down: the figures are an upper bound.
func TestLargeStore(t *testing.T) {
	path := os.Getenv("DOSSIER_QUERY_STORE")
	if path == "" {
		t.Skip("set DOSSIER_QUERY_STORE (and DOSSIER_QUERY_DOCS) to build a store for measuring")
	}
	n := envInt("DOSSIER_QUERY_DOCS", 20000)
	poolSize := envInt("DOSSIER_QUERY_POOL", 4000)
	gold := os.Getenv("DOSSIER_QUERY_CORPUS")
	if gold == "" {
		gold = "../../shared/gold/polnear/train.jsonl"
	}
	paras, err := paragraphs(gold)
	if err != nil {
		t.Skipf("no corpus to recombine: %v", err)
	}
	rng := rand.New(rand.NewSource(1))
	start := time.Now()
	pool := make([]*doc.Document, poolSize)
	for i := range pool {
		k := 6 + rng.Intn(9)
		parts := make([]string, k)
		for j := range parts {
			parts[j] = paras[rng.Intn(len(paras))]
		}
		pool[i] = doc.New(fmt.Sprintf("pool-%05d", i), strings.Join(parts, "\n\n"))
		pool[i].Published = randomDay(rng)
	}
	analyse(t, pool)
	t.Logf("analysed a pool of %d articles in %s", len(pool), time.Since(start).Round(time.Second))
	// each pooled article is encoded once: its stored layers carry the
	// pool's id, which no question reads (they read the documents' columns)
	encoded := make([]*store.Encoded, len(pool))
	for i, d := range pool {
		if encoded[i], err = store.Encode(d); err != nil {
			t.Fatal(err)
		}
	}
	start = time.Now()
	s, err := store.Open(path, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	ctx := context.Background()
	var have int
	if err := s.DB().QueryRowContext(ctx, "SELECT count(*) FROM documents").Scan(&have); err != nil {
		t.Fatal(err)
	}
	for i := have; i < n; {
		tx, err := s.Begin(ctx)
		if err != nil {
			t.Fatal(err)
		}
		for end := min(n, i+1000); i < end; i++ {
			d := *pool[i%len(pool)]
			d.ID = "gen-" + strconv.Itoa(i)
			d.Published = randomDay(rng)
			d.URL = fmt.Sprintf("https://outlet%02d.example/%d", rng.Intn(40), i)
			if _, err := tx.Put(&d, encoded[i%len(pool)]); err != nil {
				t.Fatal(err)
			}
		}
		if err := tx.Commit(); err != nil {
			t.Fatal(err)
		}
		if i%10000 == 0 {
			t.Logf("%d documents stored, %s", i, time.Since(start).Round(time.Second))
		}
	}
	t.Logf("stored %d documents in %s", n-have, time.Since(start).Round(time.Second))
}

func envInt(name string, def int) int {
	if v, err := strconv.Atoi(os.Getenv(name)); err == nil && v > 0 {
		return v
	}
	return def
}

// randomDay draws a publication day in 2015-2016.
func randomDay(rng *rand.Rand) string {
	return time.Date(2015, 1, 1, 0, 0, 0, 0, time.UTC).AddDate(0, 0, rng.Intn(730)).Format("2006-01-02")
}

// paragraphs reads the paragraphs of a JSON Lines corpus's texts.
func paragraphs(path string) ([]string, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var out []string
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<24)
	for sc.Scan() {
		var d struct{ Text string }
		if err := json.Unmarshal(sc.Bytes(), &d); err != nil {
			return nil, err
		}
		for _, p := range strings.Split(d.Text, "\n\n") {
			if p = strings.TrimSpace(p); len(p) > 40 {
				out = append(out, p)
			}
		}
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("%s: no paragraphs", path)
	}
	return out, sc.Err()
}

// analyse runs the default pipeline over docs on two workers.
func analyse(t *testing.T, docs []*doc.Document) {
	var wg sync.WaitGroup
	next := make(chan *doc.Document)
	for w := 0; w < 2; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			p := analyze.Default()
			for d := range next {
				if err := p.Process(d); err != nil {
					t.Error(err)
				}
			}
		}()
	}
	for _, d := range docs {
		next <- d
	}
	close(next)
	wg.Wait()
}
