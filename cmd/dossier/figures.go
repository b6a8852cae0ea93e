package main

import (
	"context"
	"io"
	"os"

	"github.com/dossier-news/dossier/query"
	"github.com/dossier-news/dossier/store"
)

func init() {
	extraCommands["figures"] = func(args []string) int { return figuresCmd(args, os.Stdout, os.Stderr) }
}

const figuresUsage = `Usage: dossier figures [--category killed|wounded|troops|...] [flags]

How many: the stored figures with their bounds (exact, min "at least",
max "up to", approx "about"), newest first, each with its sentence.`

func figuresCmd(args []string, stdout, stderr io.Writer) int {
	fs := newFlagSet("figures", figuresUsage, stderr)
	qf := addQueryFlags(fs)
	category := fs.String("category", "", "killed, wounded, troops, personnel, displaced, arrested, abducted, ... or a counted noun")
	return queryCommand("figures", fs, qf, args, "", stdout, stderr, func(ctx context.Context, st *store.Store, _ []string) (any, error) {
		return query.Figures(ctx, st, query.FigureFilter{Filter: qf.filter(), Category: *category})
	})
}
