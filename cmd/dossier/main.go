// Command dossier turns news reports into a sourced record: who said what,
// who did what to whom, when, and how many, each tied to the bytes of text
// that support it. This file only wires the packages together.
package main

import (
	"fmt"
	"os"
	"runtime/debug"
	"sync"
)

// gcPercent is the garbage collector's target unless GOGC says otherwise.
// Analysis makes short-lived garbage per document over a small live heap
// (the lexicons); collecting at 4x the live heap instead of 2x costs about
// 25 MB and saves most collections (7-10% of the pipeline's time measured
// with dossier bench).
const gcPercent = 400

// bigDocument and bigGCPercent: once a document of bigDocument bytes or more
// bytes is read, the collector's target drops to bigGCPercent for the rest
// of the run (unless GOGC is set), since 4x the live heap of a huge
// document is gigabytes: peak memory stays within about 40 times the input
// (docs/INPUT.md) at the cost of more collections.
const (
	bigDocument  = 1 << 20
	bigGCPercent = 50
)

// gcForSize lowers the collector's target for a document of n bytes (see
// bigDocument); it is safe to call from any goroutine.
func gcForSize(n int) {
	if n >= bigDocument && os.Getenv("GOGC") == "" {
		bigGC.Do(func() { debug.SetGCPercent(bigGCPercent) })
	}
}

var bigGC sync.Once

const usage = `dossier: a sourced record from news reports

Usage:
  dossier extract [flags] FILE|DIR|- ...   analyse documents and print them as JSON
  dossier bench [flags] [FILE.jsonl]       measure documents/s, MB/s and memory, per stage
  dossier train MODEL [flags]              rebuild an embedded model from gold data (quotes, quality)
  dossier pipeline [--dot]                 the stages and the layers each reads and provides
  dossier score TASK GOLD                  score against a gold file as ../shared/tools/score.py does
  dossier ingest [--db PATH] SOURCE...     analyse documents and keep them in a store (dossier.db)
  dossier show [--db PATH] ID              print a stored document as extract did
  dossier export [--db PATH] --format F    write every stored document (jsonl, ...)
  dossier check [--db PATH]                check a store's integrity
  dossier errors [--db PATH]               list the inputs that ingest could not store
  dossier stats [--db PATH]                what a store holds
  dossier version                          the release, commit and JSON schema of this build
  dossier help COMMAND                     flags of a command

Run "dossier extract -h" for the extraction flags.
`

func main() {
	if len(os.Args) < 2 {
		fmt.Fprint(os.Stderr, usage)
		os.Exit(2)
	}
	if os.Getenv("GOGC") == "" {
		debug.SetGCPercent(gcPercent)
	}
	os.Exit(run(os.Args[1], os.Args[2:]))
}

// extraCommands holds commands that other files of this package add
// (train, ...), so each lives in its own file.
var extraCommands = map[string]func(args []string) int{}

// run dispatches one command and returns the exit code.
func run(cmd string, args []string) int {
	if cmd == "--version" || cmd == "-version" {
		cmd = "version"
	}
	if cmd == "help" || cmd == "-h" || cmd == "--help" {
		if len(args) == 0 {
			fmt.Print(usage)
			return 0
		}
		cmd, args = args[0], []string{"-h"}
	}
	switch cmd {
	case "extract":
		return extract(args, os.Stdin, os.Stdout, os.Stderr)
	case "bench":
		return bench(args, os.Stdout, os.Stderr)
	}
	if sub, ok := extraCommands[cmd]; ok {
		return sub(args)
	}
	fmt.Fprintf(os.Stderr, "dossier: unknown command %q\n\n%s", cmd, usage)
	return 2
}
