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
	extraCommands["actor"] = func(args []string) int { return actorCmd(args, os.Stdout, os.Stderr) }
}

const actorUsage = `Usage: dossier actor [flags] NAME

What the store knows of one actor: the names, roles and affiliations it
goes by, how often and when it is mentioned, its statements (newest
first) and its events as actor or recipient (oldest first). NAME matches
every stored name holding its words, and the other names linking gave the
same actor. Exit status 3 when no stored actor bears the name.

Corrections of linking: dossier actor merge|split|alias (see
"dossier actor merge --help").`

func actorCmd(args []string, stdout, stderr io.Writer) int {
	if len(args) > 0 && actorSubcommands[args[0]] != nil {
		return actorSubcommands[args[0]](args[1:], stdout, stderr) // merge, split, alias: actor_override.go
	}
	fs := newFlagSet("actor", actorUsage, stderr)
	qf := addQueryFlags(fs)
	return queryCommand("actor", fs, qf, args, "whose record? dossier actor NAME", stdout, stderr, func(ctx context.Context, st *store.Store, rest []string) (any, error) {
		return query.Actor(ctx, st, strings.Join(rest, " "), qf.filter())
	})
}
