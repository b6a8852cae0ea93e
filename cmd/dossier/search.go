package main

import (
	"context"
	"io"
	"os"
	"strings"

	"github.com/dossier-news/dossier/query"
	"github.com/dossier-news/dossier/store"
)

func init() {
	extraCommands["search"] = func(args []string) int { return searchCmd(args, os.Stdout, os.Stderr) }
}

const searchUsage = `Usage: dossier search [flags] WORDS...

Full-text search over the stored articles (title and text) and quotes
(content): every word must match; "a phrase" in quotes matches as a
phrase, word* as a prefix. Articles and quotes are ranked by BM25, best
first, with a snippet of each, matched words between « and ».`

func searchCmd(args []string, stdout, stderr io.Writer) int {
	fs := newFlagSet("search", searchUsage, stderr)
	qf := addQueryFlags(fs)
	in := fs.String("in", "", "articles or quotes only (default: both)")
	return queryCommand("search", fs, qf, args, "what to search for? dossier search WORDS...", stdout, stderr, func(ctx context.Context, st *store.Store, rest []string) (any, error) {
		return query.Search(ctx, st, strings.Join(rest, " "), query.SearchFilter{Filter: qf.filter(), In: *in})
	})
}
