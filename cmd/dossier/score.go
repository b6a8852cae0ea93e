package main

import (
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/dossier-news/dossier/analyze"
	"github.com/dossier-news/dossier/score"
)

func init() {
	extraCommands["score"] = func(args []string) int { return scoreCmd(args, os.Stdout, os.Stderr) }
}

const scoreUsage = `Usage: dossier score TASK GOLD

Analyse the documents of a gold file with the default pipeline and score
them by the rules of ../shared/tools/score.py, without Python and without a
second process: the same figures, one line each.

Tasks: ` + "seed, polnear, tempeval, plover, gum" + `. For seed, GOLD is the
.gold.json file (its text is the .txt beside it); otherwise a JSON Lines
file of ../shared/gold (see its README).

Example: dossier score polnear ../shared/gold/polnear/dev.jsonl`

func scoreCmd(args []string, stdout, stderr io.Writer) int {
	fs := newFlagSet("score", scoreUsage, stderr)
	rest, err := parseFlags(fs, args)
	if err != nil {
		return flagExit(err)
	}
	if len(rest) != 2 {
		fmt.Fprintf(stderr, "dossier score: want TASK GOLD (tasks: %s); see dossier score -h\n", strings.Join(score.Tasks, ", "))
		return 2
	}
	r, err := score.Run(rest[0], rest[1], analyze.Default())
	if err != nil {
		fmt.Fprintf(stderr, "dossier score: %v\n", err)
		return 1
	}
	io.WriteString(stdout, r.String())
	return 0
}
