package main

import (
	"context"
	"io"
	"os"

	"github.com/dossier-news/dossier/query"
	"github.com/dossier-news/dossier/store"
)

func init() {
	extraCommands["actors"] = func(args []string) int { return actorsCmd(args, os.Stdout, os.Stderr) }
}

const actorsUsage = `Usage: dossier actors [--type PERSON|ORG|GPE|LOC|NORP] [flags]

The actors mentioned most, with their mentions and documents, grouped by
the corpus-wide actor where linking set one, else by name.`

func actorsCmd(args []string, stdout, stderr io.Writer) int {
	fs := newFlagSet("actors", actorsUsage, stderr)
	qf := addQueryFlags(fs)
	typ := fs.String("type", "", "PERSON, ORG, GPE, LOC or NORP")
	return queryCommand("actors", fs, qf, args, "", stdout, stderr, func(ctx context.Context, st *store.Store, _ []string) (any, error) {
		return query.Actors(ctx, st, query.ActorsFilter{Filter: qf.filter(), Type: *typ})
	})
}
