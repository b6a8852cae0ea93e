package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
)

func init() {
	extraCommands["errors"] = func(args []string) int { return errorsCmd(args, os.Stdout, os.Stderr) }
}

const errorsUsage = `Usage: dossier errors [flags]

List the inputs that ingest could not read, analyse or store, oldest first:
when, which input, which id, and what went wrong.`

func errorsCmd(args []string, stdout, stderr io.Writer) int {
	c, code := parseStoreCmd("errors", errorsUsage, args, stderr, []string{"text", "jsonl"}, nil)
	if code >= 0 {
		return code
	}
	defer c.st.Close()
	es, err := c.st.Errors(context.Background())
	if err != nil {
		fmt.Fprintf(stderr, "dossier errors: %v\n", err)
		return 1
	}
	for _, e := range es {
		if c.format == "jsonl" {
			b, _ := json.Marshal(map[string]string{"time": e.Time, "source": e.Source, "id": e.ID, "error": e.Message})
			fmt.Fprintf(stdout, "%s\n", b)
			continue
		}
		id := ""
		if e.ID != "" && e.ID != e.Source {
			id = " (id " + e.ID + ")"
		}
		fmt.Fprintf(stdout, "%s  %s%s: %s\n", e.Time, e.Source, id, e.Message)
	}
	if c.format == "text" && len(es) == 0 {
		fmt.Fprintf(stderr, "%s: no errors recorded\n", c.db)
	}
	return 0
}
