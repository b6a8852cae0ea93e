package main

import (
	"bytes"
	"context"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"os"
	"os/signal"
	"syscall"

	"github.com/dossier-news/dossier/examples"
	"github.com/dossier-news/dossier/ingest"
	"github.com/dossier-news/dossier/link"
	"github.com/dossier-news/dossier/serve"
	"github.com/dossier-news/dossier/source"
	"github.com/dossier-news/dossier/store"
)

func init() {
	extraCommands["serve"] = func(args []string) int { return serveCmd(args, os.Stderr) }
}

const serveUsage = `Usage: dossier serve [flags]

Serve a store over HTTP: web pages to read it (an article with its layers,
actors, stories, search, events, a timeline) and a JSON API under /api/
(described at /api/openapi.json). See docs/SERVE.md.

The server listens on 127.0.0.1:8080 (this machine only) unless --addr says
otherwise; an address beyond this machine needs a token. Every write
(POST /api/ingest) needs the token, sent as "Authorization: Bearer TOKEN";
without a token the store is read-only over HTTP.

  dossier serve --demo      store the bundled corpus (once) in dossier-demo.db
                            and serve it: the quickest look at Dossier`

// demoDB is the store --demo fills when no --db is given: apart from the
// user's own dossier.db.
const demoDB = "dossier-demo.db"

func serveCmd(args []string, stderr io.Writer) int {
	fs := newFlagSet("serve", serveUsage, stderr)
	db := dbFlag(fs)
	addr := fs.String("addr", serve.DefaultAddr, "host:port to listen on; beyond loopback it needs --token")
	token := fs.String("token", "", "the token that writes need (default: $DOSSIER_TOKEN)")
	demo := fs.Bool("demo", false, "ingest the bundled corpus (when not stored already) and serve it; the store is "+demoDB+" unless --db is given")
	allowPrivate := fs.Bool("allow-private", false, "let POST /api/ingest fetch URLs on loopback and private addresses")
	quiet := fs.Bool("quiet", false, "no access log lines")
	if _, err := parseFlags(fs, args); err != nil {
		return flagExit(err)
	}
	dbSet := false
	fs.Visit(func(f *flag.Flag) {
		if f.Name == "db" {
			dbSet = true
		}
	})
	if *demo && !dbSet {
		*db = demoDB
	}
	if *token == "" {
		*token = os.Getenv("DOSSIER_TOKEN")
	}
	cfg := serve.Config{Addr: *addr, Token: *token, AllowPrivate: *allowPrivate}
	if err := cfg.Check(); err != nil {
		fmt.Fprintf(stderr, "dossier serve: %v\n", err)
		return 2
	}
	st, err := store.Open(*db, store.Options{})
	if err != nil {
		fmt.Fprintf(stderr, "dossier serve: %v\n", err)
		return 1
	}
	defer st.Close()
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	if *demo {
		if err := ingestDemo(ctx, st, st.Path(), stderr); err != nil {
			fmt.Fprintf(stderr, "dossier serve: %v\n", err)
			return 1
		}
	}
	cfg.Store = st
	if !*quiet {
		cfg.Log = slog.New(slog.NewTextHandler(stderr, nil))
	}
	err = serve.Run(ctx, cfg, func(a string) {
		fmt.Fprintf(stderr, "dossier serve: serving %s at http://%s/ (Ctrl-C to stop)\n", st.Path(), a)
		if *token == "" {
			fmt.Fprintf(stderr, "dossier serve: no token given: the store is read-only over HTTP\n")
		}
	})
	if err != nil {
		fmt.Fprintf(stderr, "dossier serve: %v\n", err)
		return 1
	}
	fmt.Fprintf(stderr, "dossier serve: stopped\n")
	return 0
}

// ingestDemo stores the bundled corpus, which costs nothing when it is
// stored already (ingest skips what it knows).
func ingestDemo(ctx context.Context, st *store.Store, db string, stderr io.Writer) error {
	unlock, err := st.LockWriter(true, func() {
		fmt.Fprintf(stderr, "dossier serve: another ingest is writing to %s; waiting for it\n", db)
	})
	if err != nil {
		return err
	}
	defer unlock()
	c, err := ingest.Run(ctx, st, []string{"-"}, bytes.NewReader(examples.CorpusJSONL()), ingest.Options{StdinKind: source.JSONL, Linker: link.NewIngest()})
	if err != nil {
		return fmt.Errorf("storing the bundled corpus: %w", err)
	}
	if c.Stored > 0 {
		fmt.Fprintf(stderr, "dossier serve: stored the bundled corpus (%d articles) in %s\n", c.Stored, db)
	}
	return nil
}
