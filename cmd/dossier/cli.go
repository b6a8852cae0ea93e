package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"runtime"
	"strings"

	"github.com/dossier-news/dossier/source"
)

// parseFlags parses args with fs, taking flags wherever they stand, before
// or after the arguments ("extract - --workers 2" works as a user expects;
// the standard flag package stops at the first argument). "--" ends the
// flags: everything after it is an argument, even "-x". A lone "-" is an
// argument (standard input). It returns the arguments in their order.
//
// The error is flag.ErrHelp when -h or --help was asked for (the caller
// exits 0: help is not a failure), or the parse error, which fs has
// already printed with its usage.
func parseFlags(fs *flag.FlagSet, args []string) ([]string, error) {
	var flags, rest []string
	for i := 0; i < len(args); i++ {
		a := args[i]
		if a == "--" {
			rest = append(rest, args[i+1:]...)
			break
		}
		if len(a) < 2 || a[0] != '-' {
			rest = append(rest, a)
			continue
		}
		flags = append(flags, a)
		name := strings.TrimLeft(a, "-")
		if strings.Contains(name, "=") {
			continue
		}
		// A flag that takes a value may have it in the next argument.
		if f := fs.Lookup(name); f != nil && !isBoolFlag(f) && i+1 < len(args) {
			i++
			flags = append(flags, args[i])
		}
	}
	if err := fs.Parse(flags); err != nil {
		return nil, err
	}
	return append(rest, fs.Args()...), nil
}

// isBoolFlag reports whether f is a switch that takes no value.
func isBoolFlag(f *flag.Flag) bool {
	b, ok := f.Value.(interface{ IsBoolFlag() bool })
	return ok && b.IsBoolFlag()
}

// flagExit is the exit status for a parseFlags error: 0 for a request for
// help, 2 for a bad command line.
func flagExit(err error) int {
	if errors.Is(err, flag.ErrHelp) {
		return 0
	}
	return 2
}

// newFlagSet makes a command's flag set that prints its usage and errors
// to stderr and leaves the exit to the caller (see parseFlags, flagExit).
// usage is printed before the flags' defaults.
func newFlagSet(name, usage string, stderr io.Writer) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() {
		io.WriteString(stderr, usage)
		if !strings.HasSuffix(usage, "\n") {
			io.WriteString(stderr, "\n")
		}
		io.WriteString(stderr, "\nFlags:\n")
		fs.PrintDefaults()
	}
	return fs
}

// maxWorkers bounds --workers: each worker holds a document and its
// layers, and more workers than cores gain nothing; a typo such as
// 100000000 must get a message, not exhaust memory or panic.
const maxWorkers = 256

// checkWorkers reports a --workers value out of range on stderr, for the
// command cmd, and returns false then (a usage error, exit status 2).
func checkWorkers(cmd string, n int, stderr io.Writer) bool {
	switch {
	case n < 0:
		fmt.Fprintf(stderr, "dossier %s: --workers %d is negative: give the number of documents analysed at once, or 0 for one per core\n", cmd, n)
		return false
	case n > maxWorkers:
		fmt.Fprintf(stderr, "dossier %s: --workers %d is too many: at most %d (this machine has %d cores; more workers than cores gain nothing)\n", cmd, n, maxWorkers, runtime.NumCPU())
		return false
	}
	return true
}

// publishedFlag checks the --published flag of fs, whose value is v: left
// out, it is "" and fine; given, it must be a day (source.ReferenceDate),
// so that "--published 2023" or an empty value is refused rather than
// accepted and ignored. ok is false after a message on stderr.
func publishedFlag(cmd string, fs *flag.FlagSet, v string, stderr io.Writer) (string, bool) {
	given := false
	fs.Visit(func(f *flag.Flag) { given = given || f.Name == "published" })
	if !given {
		return "", true
	}
	p, err := source.ReferenceDate(v)
	if err != nil {
		fmt.Fprintf(stderr, "dossier %s: --published: %v\n", cmd, err)
		return "", false
	}
	return p, true
}
