package main

import (
	"context"
	"io"
	"os"

	"github.com/dossier-news/dossier/query"
	"github.com/dossier-news/dossier/store"
)

func init() {
	extraCommands["quotes"] = func(args []string) int { return quotesCmd(args, os.Stdout, os.Stderr) }
}

const quotesUsage = `Usage: dossier quotes [--speaker NAME] [--about WORDS] [flags]

What was said, by whom, where and when: the stored quotes, newest first.
--speaker matches the resolved speaker, not the words as written: a quote
whose source is "he" is found under the name "he" stands for, and under
every name linking gave the same actor.`

func quotesCmd(args []string, stdout, stderr io.Writer) int {
	fs := newFlagSet("quotes", quotesUsage, stderr)
	qf := addQueryFlags(fs)
	speaker := fs.String("speaker", "", "quotes of this speaker (a name or words of it)")
	about := fs.String("about", "", "quotes whose content holds these words")
	return queryCommand("quotes", fs, qf, args, "", stdout, stderr, func(ctx context.Context, st *store.Store, _ []string) (any, error) {
		return query.Quotes(ctx, st, query.QuoteFilter{Filter: qf.filter(), Speaker: *speaker, About: *about})
	})
}
