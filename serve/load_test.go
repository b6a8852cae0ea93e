package serve

import (
	"context"
	"net/http/httptest"
	"testing"
	"time"

	"github.com/dossier-news/dossier/serve/load"
)

// TestLoadSmoke drives the corpus's pages with a few clients: the load
// test's machinery works end to end (its figures come from dossier
// loadtest on a large store; none is asserted here).
func TestLoadSmoke(t *testing.T) {
	st := corpus(t)
	srv := httptest.NewServer(Handler(Config{Store: st}))
	defer srv.Close()
	targets, err := load.Sample(context.Background(), st, 10, 1)
	if err != nil {
		t.Fatal(err)
	}
	res, err := load.Run(context.Background(), load.Options{BaseURL: srv.URL, Clients: 5, Requests: 40, Duration: 30 * time.Second}, targets)
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range res {
		t.Log(r)
		if r.Requests != 40 || r.Errors != 0 || r.P95 <= 0 {
			t.Errorf("%s: %d answered, %d errors (%s)", r.Name, r.Requests, r.Errors, r.FirstError)
		}
	}
}
