package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
)

func init() {
	extraCommands["stats"] = func(args []string) int { return statsCmd(args, os.Stdout, os.Stderr) }
}

const statsUsage = `Usage: dossier stats [flags]

What a store holds: documents, by outlet, the publication dates they span,
the facts (entities, quotes, events, figures, dates, flags), recorded
errors, and its size on disk against the text it keeps.`

func statsCmd(args []string, stdout, stderr io.Writer) int {
	c, code := parseStoreCmd("stats", statsUsage, args, stderr, []string{"text", "json"}, nil)
	if code >= 0 {
		return code
	}
	defer c.st.Close()
	s, err := c.st.Stats(context.Background())
	if err != nil {
		fmt.Fprintf(stderr, "dossier stats: %v\n", err)
		return 1
	}
	if c.format == "json" {
		b, _ := json.MarshalIndent(s, "", "  ")
		fmt.Fprintf(stdout, "%s\n", b)
		return 0
	}
	fmt.Fprintf(stdout, "store       %s\n", c.db)
	fmt.Fprintf(stdout, "documents   %d (%d words, %.1f MB of text)\n", s.Documents, s.Words, float64(s.TextBytes)/1e6)
	switch {
	case s.First != "":
		fmt.Fprintf(stdout, "published   %s to %s (%d undated)\n", s.First, s.Last, s.Undated)
	case s.Documents > 0:
		fmt.Fprintf(stdout, "published   no dates known\n")
	}
	fmt.Fprintf(stdout, "entities    %d\nquotes      %d\nevents      %d\nfigures     %d\ndates       %d\nflags       %d\nerrors      %d\n",
		s.Entities, s.Quotes, s.Events, s.Quantities, s.Timexes, s.Flags, s.Errors)
	ratio := ""
	if s.TextBytes > 0 {
		ratio = fmt.Sprintf(", %.2f bytes per byte of text", float64(s.FileBytes)/float64(s.TextBytes))
	}
	fmt.Fprintf(stdout, "size        %.1f MB on disk%s\n", float64(s.FileBytes)/1e6, ratio)
	if len(s.ByOutlet) > 0 {
		fmt.Fprintf(stdout, "by outlet\n")
		for i, c := range s.ByOutlet {
			if i == 20 {
				fmt.Fprintf(stdout, "  ... and %d more\n", len(s.ByOutlet)-20)
				break
			}
			name := c.Name
			if name == "" {
				name = "(no URL)"
			}
			fmt.Fprintf(stdout, "  %-30s %d\n", name, c.N)
		}
	}
	return 0
}
