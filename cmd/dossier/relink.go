package main

import (
	"context"
	"fmt"
	"io"
	"os"

	"github.com/dossier-news/dossier/link"
	"github.com/dossier-news/dossier/store"
)

func init() {
	extraCommands["relink"] = func(args []string) int { return relinkCmd(args, os.Stdout, os.Stderr) }
}

const relinkUsage = `Usage: dossier relink [flags]

Recompute every corpus link of a store (copies, stories, actors) from the
stored layers, in the order the documents were stored, after a lexicon or
model change or to apply overrides: nothing is extracted again. The user's
overrides (dossier actor merge, split, alias) are kept and applied.
See docs/LINK.md.`

func relinkCmd(args []string, stdout, stderr io.Writer) int {
	fs := newFlagSet("relink", relinkUsage, stderr)
	db := dbFlag(fs)
	wait := fs.Bool("wait", true, "when an ingest is writing to the store, wait for it (false: stop at once)")
	rest, err := parseFlags(fs, args)
	if err != nil {
		return flagExit(err)
	}
	if len(rest) > 0 {
		fmt.Fprintf(stderr, "dossier relink: unexpected arguments %q: relink takes only flags\n", rest)
		return 2
	}
	c, err := relinkStore(*db, *wait, stderr)
	if err != nil {
		fmt.Fprintf(stderr, "dossier relink: %v\n", err)
		return 1
	}
	fmt.Fprintf(stdout, "relinked %d document(s): %d copies, %d stories, %d actors; %d override(s) applied\n",
		c.Documents, c.Copies, c.Stories, c.Actors, c.Overrides)
	return 0
}

// relinkStore opens a store for writing, takes the writer's lock and
// relinks it.
func relinkStore(db string, wait bool, stderr io.Writer) (link.RelinkCounts, error) {
	st, err := store.Open(db, store.Options{})
	if err != nil {
		return link.RelinkCounts{}, err
	}
	defer st.Close()
	unlock, err := st.LockWriter(wait, func() {
		fmt.Fprintf(stderr, "dossier: an ingest is writing to %s; waiting for it to finish (Ctrl-C to stop)\n", db)
	})
	if err != nil {
		return link.RelinkCounts{}, err
	}
	defer unlock()
	var progress func(int)
	if isTerminal(stderr) {
		progress = func(n int) { fmt.Fprintf(stderr, "\r\033[Krelinking: %d documents read", n) }
		defer fmt.Fprint(stderr, "\r\033[K")
	}
	return link.Relink(context.Background(), st, link.DefaultConfig(), progress)
}
