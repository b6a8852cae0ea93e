package main

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"sort"
	"strings"

	"github.com/dossier-news/dossier/doc"
	"github.com/dossier-news/dossier/store"
)

// exportFormat is one format of "dossier export". Each format registers
// itself in exportFormats from its own file's init function.
type exportFormat struct {
	Help string // one line for --help
	// Dir is true when the format writes a folder of files (--out is then
	// required); otherwise --out names one file and the default is
	// standard output.
	Dir bool
	// Write exports every stored document. out is the --out path ("" for
	// standard output when !Dir); stdout is standard output.
	Write func(ctx context.Context, st *store.Store, out string, stdout io.Writer) error
}

// exportFormats are the formats of "dossier export", by --format name.
var exportFormats = map[string]exportFormat{
	"jsonl": {Help: "one line per stored document: the extract JSON with story, duplicate_of and entities[].actor", Write: exportJSONL},
}

func init() {
	extraCommands["export"] = func(args []string) int { return exportCmd(args, os.Stdout, os.Stderr) }
}

func exportCmd(args []string, stdout, stderr io.Writer) int {
	names := make([]string, 0, len(exportFormats))
	for n := range exportFormats {
		names = append(names, n)
	}
	sort.Strings(names)
	var help strings.Builder
	help.WriteString("Usage: dossier export [flags]\n\nWrite every stored document in one format, to standard output or --out.\nFormats:\n")
	for _, n := range names {
		fmt.Fprintf(&help, "  %-8s %s\n", n, exportFormats[n].Help)
	}
	fs := newFlagSet("export", help.String(), stderr)
	db := dbFlag(fs)
	format := fs.String("format", "jsonl", "the format: "+strings.Join(names, ", "))
	out := fs.String("out", "", "where to write (a file, or a folder for formats of several files); default: standard output")
	if _, err := parseFlags(fs, args); err != nil {
		return flagExit(err)
	}
	f, ok := exportFormats[*format]
	if !ok {
		fmt.Fprintf(stderr, "dossier export: unknown --format %q: use one of %s\n", *format, strings.Join(names, ", "))
		return 2
	}
	if f.Dir && *out == "" {
		fmt.Fprintf(stderr, "dossier export: --format %s writes several files: name a folder with --out\n", *format)
		return 2
	}
	st, ok := openRead("export", *db, stderr)
	if !ok {
		return 1
	}
	defer st.Close()
	if err := f.Write(context.Background(), st, *out, stdout); err != nil {
		fmt.Fprintf(stderr, "dossier export: %v\n", err)
		return 1
	}
	return 0
}

// createOut opens the --out file, or gives stdout when out is "". close
// reports a failed write (a full disk) as an error.
func createOut(out string, stdout io.Writer) (w io.Writer, close func() error, err error) {
	if out == "" {
		return stdout, func() error { return nil }, nil
	}
	f, err := os.Create(out)
	if err != nil {
		return nil, nil, err
	}
	return f, f.Close, nil
}

// exportJSONL writes one stored document a line, in the order stored.
func exportJSONL(ctx context.Context, st *store.Store, out string, stdout io.Writer) error {
	dst, closeOut, err := createOut(out, stdout)
	if err != nil {
		return err
	}
	w := bufio.NewWriterSize(dst, 1<<16)
	err = st.Each(ctx, func(_ int64, d *doc.Document) error {
		b, err := json.Marshal(d)
		if err != nil {
			return fmt.Errorf("encoding %q: %w", d.ID, err)
		}
		w.Write(b)
		return w.WriteByte('\n')
	})
	if ferr := w.Flush(); err == nil {
		err = ferr
	}
	if cerr := closeOut(); err == nil {
		err = cerr
	}
	return err
}
