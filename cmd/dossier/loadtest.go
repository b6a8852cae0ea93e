package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"os/signal"
	"runtime"
	"syscall"
	"time"

	"github.com/dossier-news/dossier/serve"
	"github.com/dossier-news/dossier/serve/load"
	"github.com/dossier-news/dossier/store"
)

func init() {
	extraCommands["loadtest"] = func(args []string) int { return loadtestCmd(args, os.Stdout, os.Stderr) }
}

const loadtestUsage = `Usage: dossier loadtest [flags]

Serve a store on loopback (a free port, in this process) and drive it with
many concurrent clients: the article page (/documents/{id}) of documents
picked at random, then /api/search for a word of their titles. Prints, for
each, the requests answered and the 50th, 95th and 99th percentile of the
time to the last byte. Bounded: --requests per target and --duration per
target, whichever ends first. See docs/SERVE.md.

  dossier loadtest --db big.db --clients 50 --requests 5000`

func loadtestCmd(args []string, stdout, stderr io.Writer) int {
	fs := newFlagSet("loadtest", loadtestUsage, stderr)
	db := dbFlag(fs)
	clients := fs.Int("clients", 50, "concurrent clients")
	requests := fs.Int("requests", 5000, "requests per target, at most")
	duration := fs.Duration("duration", 60*time.Second, "time per target, at most")
	sample := fs.Int("sample", 500, "documents picked at random for the paths")
	seed := fs.Int64("seed", 1, "random seed for the sample")
	if _, err := parseFlags(fs, args); err != nil {
		return flagExit(err)
	}
	st, err := store.Open(*db, store.Options{ReadOnly: true})
	if err != nil {
		fmt.Fprintf(stderr, "dossier loadtest: %v\n", err)
		return 1
	}
	defer st.Close()
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	targets, err := load.Sample(ctx, st, *sample, *seed)
	if err != nil {
		fmt.Fprintf(stderr, "dossier loadtest: %v\n", err)
		return 1
	}
	stats, err := st.Stats(ctx)
	if err != nil {
		fmt.Fprintf(stderr, "dossier loadtest: %v\n", err)
		return 1
	}
	sctx, cancel := context.WithCancel(ctx)
	addr := make(chan string, 1)
	done := make(chan error, 1)
	go func() {
		done <- serve.Run(sctx, serve.Config{Store: st, Addr: "127.0.0.1:0"}, func(a string) { addr <- a })
	}()
	var base string
	select {
	case a := <-addr:
		base = "http://" + a
	case err := <-done:
		cancel()
		fmt.Fprintf(stderr, "dossier loadtest: %v\n", err)
		return 1
	}
	fmt.Fprintf(stdout, "store %s: %d documents; %d clients, at most %d requests or %s per target; GOMAXPROCS %d\n",
		st.Path(), stats.Documents, *clients, *requests, *duration, runtime.GOMAXPROCS(0))
	res, err := load.Run(ctx, load.Options{BaseURL: base, Clients: *clients, Requests: *requests, Duration: *duration}, targets)
	cancel()
	<-done
	if err != nil {
		fmt.Fprintf(stderr, "dossier loadtest: %v\n", err)
		return 1
	}
	failed := false
	for _, r := range res {
		fmt.Fprintln(stdout, r)
		failed = failed || r.Errors > 0 || r.Requests == 0
	}
	if failed {
		return 1
	}
	return 0
}
