// Package load drives a Dossier server with many concurrent clients and
// measures how long its answers take: the load test of "dossier
// loadtest". It is bounded in requests and in time, and it reads whole
// answers (a page is not served until its last byte is).
package load

import (
	"context"
	"fmt"
	"io"
	"math/rand"
	"net/http"
	"net/url"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/dossier-news/dossier/query"
	"github.com/dossier-news/dossier/store"
)

// Target is one kind of request: a name and the paths to ask, taken in
// turn.
type Target struct {
	Name  string
	Paths []string
}

// Options bound a run.
type Options struct {
	BaseURL  string // http://127.0.0.1:8080
	Clients  int    // concurrent clients
	Requests int    // requests per target, at most
	Duration time.Duration
}

// Result is one target's figures.
type Result struct {
	Name          string
	Requests      int
	Errors        int
	FirstError    string
	P50, P95, P99 time.Duration
	Max           time.Duration
	PerSecond     float64
}

func (r Result) String() string {
	s := fmt.Sprintf("%-10s %6d requests  p50 %7.1f ms  p95 %7.1f ms  p99 %7.1f ms  max %7.1f ms  %6.0f/s  errors %d",
		r.Name, r.Requests, ms(r.P50), ms(r.P95), ms(r.P99), ms(r.Max), r.PerSecond, r.Errors)
	if r.FirstError != "" {
		s += " (first: " + r.FirstError + ")"
	}
	return s
}

func ms(d time.Duration) float64 { return float64(d) / 1e6 }

// Run drives each target in turn with o.Clients clients until o.Requests
// answers or o.Duration has passed.
func Run(ctx context.Context, o Options, targets []Target) ([]Result, error) {
	client := &http.Client{Timeout: 30 * time.Second, Transport: &http.Transport{
		MaxIdleConns: o.Clients * 2, MaxIdleConnsPerHost: o.Clients * 2, DisableCompression: false}}
	var out []Result
	for _, t := range targets {
		if len(t.Paths) == 0 {
			return nil, fmt.Errorf("load: target %s has no paths", t.Name)
		}
		out = append(out, drive(ctx, client, o, t))
	}
	return out, nil
}

func drive(ctx context.Context, client *http.Client, o Options, t Target) Result {
	ctx, cancel := context.WithTimeout(ctx, o.Duration)
	defer cancel()
	var mu sync.Mutex
	var lat []time.Duration
	res := Result{Name: t.Name}
	next := make(chan string)
	go func() {
		defer close(next)
		for i := 0; i < o.Requests; i++ {
			select {
			case next <- t.Paths[i%len(t.Paths)]:
			case <-ctx.Done():
				return
			}
		}
	}()
	start := time.Now()
	var wg sync.WaitGroup
	for range o.Clients {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for p := range next {
				began := time.Now()
				err := get(ctx, client, o.BaseURL+p)
				d := time.Since(began)
				mu.Lock()
				if err != nil {
					if ctx.Err() == nil {
						res.Errors++
						if res.FirstError == "" {
							res.FirstError = err.Error()
						}
					}
				} else {
					lat = append(lat, d)
				}
				mu.Unlock()
			}
		}()
	}
	wg.Wait()
	elapsed := time.Since(start)
	sort.Slice(lat, func(i, j int) bool { return lat[i] < lat[j] })
	res.Requests = len(lat)
	if n := len(lat); n > 0 {
		at := func(q float64) time.Duration { return lat[min(n-1, int(q*float64(n)))] }
		res.P50, res.P95, res.P99, res.Max = at(0.50), at(0.95), at(0.99), lat[n-1]
		res.PerSecond = float64(n) / elapsed.Seconds()
	}
	return res
}

func get(ctx context.Context, client *http.Client, u string) error {
	req, err := http.NewRequestWithContext(ctx, "GET", u, nil)
	if err != nil {
		return err
	}
	req.Header.Set("Accept-Encoding", "gzip")
	resp, err := client.Do(req)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	if _, err := io.Copy(io.Discard, resp.Body); err != nil {
		return err
	}
	if resp.StatusCode != http.StatusOK {
		return fmt.Errorf("%s: status %d", u, resp.StatusCode)
	}
	return nil
}

// Sample picks n stored documents at random (through query.ListDocuments)
// and makes the two targets the issue measures: their article pages, and
// /api/search for a word of their titles.
func Sample(ctx context.Context, st *store.Store, n int, seed int64) ([]Target, error) {
	newest, _, err := query.ListDocuments(ctx, st, query.DocumentsFilter{Limit: 1})
	if err != nil {
		return nil, err
	}
	if len(newest) == 0 {
		return nil, fmt.Errorf("the store is empty: ingest documents first")
	}
	top := newest[0].Seq
	rng := rand.New(rand.NewSource(seed))
	article := Target{Name: "article"}
	search := Target{Name: "search"}
	seen := map[string]bool{}
	for tries := 0; len(article.Paths) < n && tries < n*4; tries++ {
		ds, _, err := query.ListDocuments(ctx, st, query.DocumentsFilter{Before: 1 + rng.Int63n(top), Limit: 1})
		if err != nil {
			return nil, err
		}
		if len(ds) == 0 || seen[ds[0].ID] {
			continue
		}
		d := ds[0]
		seen[d.ID] = true
		article.Paths = append(article.Paths, "/documents/"+url.PathEscape(d.ID))
		if w := titleWord(d.Title, rng); w != "" {
			search.Paths = append(search.Paths, "/api/search?q="+url.QueryEscape(w))
		}
	}
	if len(search.Paths) == 0 {
		search.Paths = []string{"/api/search?q=said"}
	}
	return []Target{article, search}, nil
}

// titleWord picks a word of five letters or more from a title.
func titleWord(title string, rng *rand.Rand) string {
	var ws []string
	for _, w := range strings.FieldsFunc(title, func(r rune) bool {
		return !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z')
	}) {
		if len(w) >= 5 {
			ws = append(ws, strings.ToLower(w))
		}
	}
	if len(ws) == 0 {
		return ""
	}
	return ws[rng.Intn(len(ws))]
}
