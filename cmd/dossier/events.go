package main

import (
	"context"
	"io"
	"os"

	"github.com/dossier-news/dossier/query"
	"github.com/dossier-news/dossier/store"
)

func init() {
	extraCommands["events"] = func(args []string) int { return eventsCmd(args, os.Stdout, os.Stderr) }
}

const eventsUsage = `Usage: dossier events [--type PLOVER] [--actor NAME] [--recipient NAME] [--country NAME] [flags]

Who did what to whom: the stored PLOVER events, newest document first,
each with its evidence sentence. --since and --until apply to the event's
own date where the text gives one. Negated, future, hypothetical and
debris events are left out unless --all.`

func eventsCmd(args []string, stdout, stderr io.Writer) int {
	fs := newFlagSet("events", eventsUsage, stderr)
	qf := addQueryFlags(fs)
	typ := fs.String("type", "", "a PLOVER category: ASSAULT, PROTEST, COERCE, ...")
	actor := fs.String("actor", "", "an actor of the event (a name or words of it)")
	recipient := fs.String("recipient", "", "a recipient of the event")
	country := fs.String("country", "", "a country one of the event's places lies in")
	all := fs.Bool("all", false, "keep negated, future, hypothetical and debris events")
	return queryCommand("events", fs, qf, args, "", stdout, stderr, func(ctx context.Context, st *store.Store, _ []string) (any, error) {
		return query.Events(ctx, st, query.EventFilter{Filter: qf.filter(), Type: *typ, Actor: *actor,
			Recipient: *recipient, Country: *country, All: *all})
	})
}
