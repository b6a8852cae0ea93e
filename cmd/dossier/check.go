package main

import (
	"context"
	"fmt"
	"io"
	"os"

	"github.com/dossier-news/dossier/store"
)

func init() {
	extraCommands["check"] = func(args []string) int { return checkCmd(args, os.Stdout, os.Stderr) }
}

const checkUsage = `Usage: dossier check [flags]

Check a store's integrity: its schema version, the database file's
structure, orphan rows, the full-text indexes in step with the documents
and quotes, and every stored document decoding into a valid document whose
facts match its rows. Exit status 0 when sound, 1 when broken (with what to
do), 2 on a bad command line.`

func checkCmd(args []string, stdout, stderr io.Writer) int {
	c, code := parseStoreCmd("check", checkUsage, args, stderr, nil, nil)
	if code >= 0 {
		return code
	}
	st := c.st
	defer st.Close()
	pr := isTerminal(stderr)
	probs, err := st.Check(context.Background(), func(done int) {
		if pr {
			fmt.Fprintf(stderr, "\r\033[Kchecked %d documents", done)
		}
	})
	if pr {
		fmt.Fprint(stderr, "\r\033[K")
	}
	if err != nil {
		fmt.Fprintf(stderr, "dossier check: %v\n", err)
		return 1
	}
	if len(probs) == 0 {
		s, _ := st.Stats(context.Background())
		fmt.Fprintf(stdout, "%s: sound (schema version %d, %d documents)\n", c.db, store.Latest, s.Documents)
		return 0
	}
	fmt.Fprintf(stdout, "%s: BROKEN, %d problem(s):\n", c.db, len(probs))
	for _, p := range probs {
		fmt.Fprintf(stdout, "  - %s\n    what to do: %s\n", p.What, p.Fix)
	}
	return 1
}
