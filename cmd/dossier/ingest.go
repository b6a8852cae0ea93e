package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"time"

	"github.com/dossier-news/dossier/ingest"
	"github.com/dossier-news/dossier/link"
	"github.com/dossier-news/dossier/source"
	"github.com/dossier-news/dossier/store"
)

func init() {
	extraCommands["ingest"] = func(args []string) int { return ingestCmd(args, os.Stdin, os.Stdout, os.Stderr) }
}

const ingestUsage = `Usage: dossier ingest [flags] SOURCE...

Analyse documents and keep them in a store (a SQLite file, created when
absent). SOURCE is anything extract reads: text files, directories, HTML
pages, JSON Lines files, RSS/Atom feeds (each item's page is fetched),
WARC archives (.warc, .warc.gz), http(s) URLs, or - for JSON Lines on
standard input. Fetching refuses private addresses unless --allow-private.

Ingesting is idempotent and resumable: a document already stored (same id,
same text) is skipped before it is analysed, so running the same command
again after an interruption continues where it stopped. A document that
fails is recorded (dossier errors) and the run goes on. See docs/STORE.md.`

func ingestCmd(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	fs := newFlagSet("ingest", ingestUsage, stderr)
	db := dbFlag(fs)
	workers := fs.Int("workers", 0, "documents analysed at once (default: all cores, GOMAXPROCS)")
	published := fs.String("published", "", "reference date for relative dates (ISO 8601, e.g. 2023-01-27); overrides the input's")
	maxBytes := fs.Int64("max-bytes", source.DefaultMaxBytes, "largest document accepted, in bytes")
	wait := fs.Bool("wait", true, "when another ingest is writing to the store, wait for it (false: stop at once)")
	batch := fs.Int("batch", 500, "documents committed per transaction")
	allowPrivate := fs.Bool("allow-private", false, "let URLs and feeds fetch from loopback, private and link-local addresses (refused by default)")
	linking := fs.Bool("link", true, "link each document to those stored before it (copies, stories, actors: package link); false stores without links")
	offline := fs.Bool("offline", false, "fetch nothing: a feed's items are read from the feed's own text, and URL arguments fail")
	inputs, err := parseFlags(fs, args)
	if err != nil {
		return flagExit(err)
	}
	opts := ingest.Options{Workers: *workers, StdinKind: source.JSONL, BatchSize: *batch,
		Source: source.Options{MaxBytes: *maxBytes, AllowPrivate: *allowPrivate, Offline: *offline,
			Notify: func(msg string) { fmt.Fprintf(stderr, "dossier ingest: %s\n", msg) }},
		Linker: link.NewIngest()}
	if !*linking {
		opts.Linker = nil // ingest.NopLinker
	}
	if !checkWorkers("ingest", *workers, stderr) {
		return 2
	}
	p, ok := publishedFlag("ingest", fs, *published, stderr)
	if !ok {
		return 2
	}
	opts.Source.Published = p
	st, err := store.Open(*db, store.Options{})
	if err != nil {
		fmt.Fprintf(stderr, "dossier ingest: %v\n", err)
		return 1
	}
	defer st.Close()
	if len(inputs) == 0 {
		fmt.Fprintf(stderr, "dossier ingest: store %s is ready (schema version %d); name the sources to ingest\n", st.Path(), store.Latest)
		return 0
	}
	unlock, err := st.LockWriter(*wait, func() {
		fmt.Fprintf(stderr, "dossier ingest: another ingest is writing to %s; waiting for it to finish (Ctrl-C to stop)\n", st.Path())
	})
	if err != nil {
		fmt.Fprintf(stderr, "dossier ingest: %v\n", err)
		return 1
	}
	defer unlock()
	pr := newProgress(stderr, inputBytes(inputs))
	opts.Progress = pr.show
	c, err := ingest.Run(context.Background(), st, inputs, stdin, opts)
	pr.end()
	summary(stderr, st.Path(), c)
	if err != nil {
		fmt.Fprintf(stderr, "dossier ingest: %v\n", err)
		return 1
	}
	if c.Failed > 0 {
		return 1
	}
	return 0
}

// summary says what the run did.
func summary(w io.Writer, db string, c ingest.Counts) {
	rate := float64(c.Done()) / max(c.Elapsed.Seconds(), 1e-9)
	switch {
	case c.Done() == 0:
		fmt.Fprintf(w, "dossier ingest: no documents read\n")
	case c.Stored == 0 && c.Failed == 0:
		fmt.Fprintf(w, "dossier ingest: nothing new: all %d document(s) are already stored in %s\n", c.Skipped, db)
	default:
		fmt.Fprintf(w, "dossier ingest: stored %d new document(s) in %s, skipped %d already stored, %d failed, in %s (%.0f documents/s)\n",
			c.Stored, db, c.Skipped, c.Failed, c.Elapsed.Round(100*time.Millisecond), rate)
	}
	if c.Failed > 0 {
		fmt.Fprintf(w, "dossier ingest: the failures are recorded: dossier errors --db %s\n", db)
	}
}

// inputBytes is the total size of the inputs when all are regular files
// (for an ETA), else 0.
func inputBytes(inputs []string) int64 {
	var n int64
	for _, in := range inputs {
		fi, err := os.Stat(in)
		if in == "-" || err != nil || !fi.Mode().IsRegular() || source.KindOf(in) == source.WARC {
			return 0 // a WARC's size says little of its text: compressed, and mostly records skipped
		}
		n += fi.Size()
	}
	return n
}
