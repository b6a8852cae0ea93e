package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"

	"github.com/dossier-news/dossier/link"
)

func init() {
	extraCommands["story"] = func(args []string) int { return storyCmd(args, os.Stdout, os.Stderr) }
}

const storyUsage = `Usage: dossier story [flags] ID

One story of the store (documents about one real-world happening, as
linking grouped them; export shows each document's "story"): its articles
with their copies folded, its actors, and its facts once each with the
documents that report them: statements, events and figures, with the
figures the sources disagree on (165 killed in one, 170 in another).
Exit status 3 when no stored document has the story. See docs/LINK.md.`

func storyCmd(args []string, stdout, stderr io.Writer) int {
	fs := newFlagSet("story", storyUsage, stderr)
	db := dbFlag(fs)
	format := fs.String("format", "text", "output format: text, or json")
	rest, err := parseFlags(fs, args)
	if err != nil {
		return flagExit(err)
	}
	if len(rest) != 1 {
		fmt.Fprintln(stderr, "dossier story: which story? dossier story ID (export shows each document's story)")
		return 2
	}
	if !knownFormat("story", *format, stderr, "text", "json") {
		return 2
	}
	st, ok := openRead("story", *db, stderr)
	if !ok {
		return 1
	}
	defer st.Close()
	r, err := link.Story(context.Background(), st, rest[0])
	if err != nil {
		fmt.Fprintf(stderr, "dossier story: %v\n", err)
		if errors.Is(err, link.ErrNoStory) {
			return 3
		}
		return 1
	}
	if *format == "json" {
		enc := json.NewEncoder(stdout)
		enc.SetIndent("", "  ")
		err = enc.Encode(r)
	} else {
		err = r.WriteText(stdout)
	}
	if err != nil {
		fmt.Fprintf(stderr, "dossier story: %v\n", err)
		return 1
	}
	return 0
}
