package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"

	"github.com/dossier-news/dossier/report"
	"github.com/dossier-news/dossier/store"
)

func init() {
	extraCommands["show"] = func(args []string) int { return showCmd(args, os.Stdout, os.Stderr) }
}

const showUsage = `Usage: dossier show [flags] ID

Print a stored document exactly as "dossier extract" printed it (JSON, or
the text report with --format text), with its corpus links when it has
them. ID is the id it was ingested under.`

func showCmd(args []string, stdout, stderr io.Writer) int {
	c, code := parseStoreCmd("show", showUsage, args, stderr, []string{"json", "text"}, nil)
	if code >= 0 {
		return code
	}
	st, ids := c.st, c.args
	defer st.Close()
	if len(ids) != 1 {
		fmt.Fprintf(stderr, "dossier show: give one document id (dossier show -h)\n")
		return 2
	}
	d, err := st.Get(context.Background(), ids[0])
	if errors.Is(err, store.ErrNotFound) {
		fmt.Fprintf(stderr, "dossier show: %s has no document with id %q (dossier export --db %s lists what it holds)\n", c.db, ids[0], c.db)
		return 1
	}
	if err != nil {
		fmt.Fprintf(stderr, "dossier show: %v\n", err)
		return 1
	}
	if c.format == "text" {
		report.Write(stdout, d)
		return 0
	}
	b, err := json.MarshalIndent(d, "", "  ")
	if err != nil {
		fmt.Fprintf(stderr, "dossier show: %v\n", err)
		return 1
	}
	stdout.Write(append(b, '\n'))
	return 0
}
