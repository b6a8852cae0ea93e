package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"

	"github.com/dossier-news/dossier/query"
	"github.com/dossier-news/dossier/store"
)

func init() {
	extraCommands["querybench"] = func(args []string) int { return querybenchCmd(args, os.Stdout, os.Stderr) }
}

const querybenchUsage = `Usage: dossier querybench [--db PATH] [--n 200] [--seed 1]

Measure how fast a store answers: --n questions of each kind ("search
WORD", "search PHRASE", "quotes --speaker SURNAME"), drawn from the store
with a fixed seed, each timed; prints p50, p95 and max per kind.`

func querybenchCmd(args []string, stdout, stderr io.Writer) int {
	fs := newFlagSet("querybench", querybenchUsage, stderr)
	db := dbFlag(fs)
	n := fs.Int("n", 200, "questions of each kind")
	seed := fs.Int64("seed", 1, "the seed that draws the questions")
	format := fs.String("format", "text", "text or json")
	if _, err := parseFlags(fs, args); err != nil {
		return flagExit(err)
	}
	st, err := store.Open(*db, store.Options{ReadOnly: true})
	if err != nil {
		fmt.Fprintf(stderr, "dossier querybench: %v\n", err)
		return 1
	}
	defer st.Close()
	ls, err := query.Measure(context.Background(), st, *n, *seed)
	if err != nil {
		fmt.Fprintf(stderr, "dossier querybench: %v\n", err)
		return 1
	}
	if *format == "json" {
		b, _ := json.MarshalIndent(ls, "", "  ")
		fmt.Fprintf(stdout, "%s\n", b)
		return 0
	}
	stats, err := st.Stats(context.Background())
	if err == nil {
		fmt.Fprintf(stdout, "store %s: %d documents, %d quotes\n", st.Path(), stats.Documents, stats.Quotes)
	}
	for _, l := range ls {
		fmt.Fprintln(stdout, l)
	}
	return 0
}
