package main

import (
	"context"
	"io"
	"os"

	"github.com/dossier-news/dossier/query"
	"github.com/dossier-news/dossier/store"
)

func init() {
	extraCommands["timeline"] = func(args []string) int { return timelineCmd(args, os.Stdout, os.Stderr) }
}

const timelineUsage = `Usage: dossier timeline [--actor NAME] [flags]

What happened, in order: the stored events (of one actor, as actor or
recipient, with --actor), oldest first by the event's own date, else its
publication date.`

func timelineCmd(args []string, stdout, stderr io.Writer) int {
	fs := newFlagSet("timeline", timelineUsage, stderr)
	qf := addQueryFlags(fs)
	actor := fs.String("actor", "", "the events of this actor (a name or words of it)")
	return queryCommand("timeline", fs, qf, args, "", stdout, stderr, func(ctx context.Context, st *store.Store, _ []string) (any, error) {
		return query.Timeline(ctx, st, *actor, qf.filter())
	})
}
