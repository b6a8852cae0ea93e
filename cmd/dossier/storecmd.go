package main

import (
	"flag"
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/dossier-news/dossier/store"
)

// Helpers shared by the commands that read a store (show, export, check,
// errors, stats, and the query commands).

// dbFlag adds the --db flag every store command takes.
func dbFlag(fs interface {
	String(name, value, usage string) *string
}) *string {
	return fs.String("db", store.DefaultPath, "the store: a SQLite file, or a PostgreSQL database (postgres://user:pass@host/db)")
}

// openRead opens an existing store for reading, printing the error as
// "dossier CMD: ..." when it cannot.
func openRead(cmd, db string, stderr io.Writer) (*store.Store, bool) {
	st, err := store.Open(db, store.Options{ReadOnly: true})
	if err != nil {
		fmt.Fprintf(stderr, "dossier %s: %v\n", cmd, err)
		return nil, false
	}
	return st, true
}

// knownFormat reports whether format is one of allowed, printing the error
// when it is not.
func knownFormat(cmd, format string, stderr io.Writer, allowed ...string) bool {
	if slices.Contains(allowed, format) {
		return true
	}
	fmt.Fprintf(stderr, "dossier %s: unknown --format %q: use %s\n", cmd, format, strings.Join(allowed, " or "))
	return false
}

// storeCmd is a parsed store command: its open store, the store's name
// for messages (never a password), --format, and its arguments.
type storeCmd struct {
	st     *store.Store
	db     string
	format string
	args   []string
}

// parseStoreCmd builds a store command's flags (--db, and --format when
// formats are given, the first the default, plus what own adds), parses
// args and opens the store for reading. It returns the exit code to stop
// with, or -1 to go on; the caller closes c.st.
func parseStoreCmd(name, usage string, args []string, stderr io.Writer, formats []string, own func(*flag.FlagSet)) (c storeCmd, code int) {
	fs := newFlagSet(name, usage, stderr)
	db := dbFlag(fs)
	var format *string
	if len(formats) > 0 {
		format = fs.String("format", formats[0], strings.Join(formats, ", or "))
	}
	if own != nil {
		own(fs)
	}
	rest, err := parseFlags(fs, args)
	if err != nil {
		return c, flagExit(err)
	}
	c.db, c.args = *db, rest
	if format != nil {
		if !knownFormat(name, *format, stderr, formats...) {
			return c, 2
		}
		c.format = *format
	}
	st, ok := openRead(name, *db, stderr)
	if !ok {
		return c, 1
	}
	// Messages name the store as the store names itself: a file's path, or
	// a PostgreSQL address with its password hidden.
	c.st, c.db = st, st.Path()
	return c, -1
}
