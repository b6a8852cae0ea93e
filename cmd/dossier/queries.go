package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"

	"github.com/dossier-news/dossier/query"
	"github.com/dossier-news/dossier/store"
)

// queryFlags are the flags every question of package query takes.
type queryFlags struct {
	db, format, since, until, source *string
	limit                            *int
}

func addQueryFlags(fs *flag.FlagSet) *queryFlags {
	return &queryFlags{
		db:     dbFlag(fs),
		format: fs.String("format", "text", "text, json or csv"),
		since:  fs.String("since", "", "facts dated on or after this day, month or year (2024-03-01, 2024-03, 2024): the fact's own date, else publication"),
		until:  fs.String("until", "", "facts dated on or before this day, month or year"),
		source: fs.String("source", "", "only documents of this outlet (example.org) or read from this source"),
		limit: fs.Int("limit", 0, fmt.Sprintf("at most this many answers (0: %d; search: %d articles and %d quotes)",
			query.DefaultLimit, query.SearchLimit, query.SearchLimit)),
	}
}

func (q *queryFlags) filter() query.Filter {
	return query.Filter{Since: *q.since, Until: *q.until, Source: *q.source, Limit: *q.limit}
}

// queryCommand parses a question's flags, checks its arguments (none
// unless need says what they are for: the message when they are missing)
// and runs it with runQuery.
func queryCommand(name string, fs *flag.FlagSet, q *queryFlags, args []string, need string, stdout, stderr io.Writer,
	ask func(ctx context.Context, st *store.Store, rest []string) (any, error)) int {
	rest, err := parseFlags(fs, args)
	if err != nil {
		return flagExit(err)
	}
	switch {
	case need != "" && len(rest) == 0:
		fmt.Fprintf(stderr, "dossier %s: %s (see --help)\n", name, need)
		return 2
	case need == "" && len(rest) > 0:
		fmt.Fprintf(stderr, "dossier %s: unexpected %q (see --help)\n", name, rest[0])
		return 2
	}
	return runQuery(name, q, stdout, stderr, func(ctx context.Context, st *store.Store) (any, error) { return ask(ctx, st, rest) })
}

// runQuery opens the store for reading, asks, and writes the answer in
// the --format asked for. It returns the exit status.
func runQuery(name string, q *queryFlags, stdout, stderr io.Writer, ask func(context.Context, *store.Store) (any, error)) int {
	if err := query.CheckFormat(*q.format); err != nil {
		fmt.Fprintf(stderr, "dossier %s: %v\n", name, err)
		return 2
	}
	st, err := store.Open(*q.db, store.Options{ReadOnly: true})
	if err != nil {
		fmt.Fprintf(stderr, "dossier %s: %v\n", name, err)
		return 1
	}
	defer st.Close()
	answer, err := ask(context.Background(), st)
	if err != nil {
		fmt.Fprintf(stderr, "dossier %s: %v\n", name, err)
		if errors.Is(err, query.ErrNoActor) {
			return 3
		}
		return 1
	}
	if err := query.Write(stdout, *q.format, answer); err != nil {
		fmt.Fprintf(stderr, "dossier %s: %v\n", name, err)
		return 1
	}
	return 0
}
