package main

import (
	"bufio"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"

	"github.com/dossier-news/dossier/analyze"
	"github.com/dossier-news/dossier/doc"
	"github.com/dossier-news/dossier/pipeline"
	"github.com/dossier-news/dossier/quality"
	"github.com/dossier-news/dossier/report"
	"github.com/dossier-news/dossier/source"
)

// maxErrorLines is how many problems extract --jsonl prints on standard
// error; the others are only in the output's error lines.
const maxErrorLines = 10

func extract(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("extract", flag.ContinueOnError)
	fs.SetOutput(stderr)
	jsonl := fs.Bool("jsonl", false, "read JSON Lines ({\"id\",\"text\",\"published\",\"title\",\"url\"}) and write one analysed document a line, in input order")
	published := fs.String("published", "", "reference date for relative dates (ISO 8601, e.g. 2023-01-27); overrides the input's")
	format := fs.String("format", "json", "output format: json, or text (a report for a person)")
	suspect := fs.Float64("suspect-threshold", 0, "flag a sentence mt_suspect from this probability of debris (1 - sentences[].quality); 0: the trained default (docs/QUALITY.md), above 1: never")
	workers := fs.Int("workers", 0, "documents analysed at once (default: all cores, GOMAXPROCS)")
	maxBytes := fs.Int64("max-bytes", source.DefaultMaxBytes, "largest document accepted, in bytes")
	allowPrivate := fs.Bool("allow-private", false, "let URLs and feeds fetch from loopback, private and link-local addresses (refused by default)")
	offline := fs.Bool("offline", false, "fetch nothing: a feed's items are read from the feed's own text, and URL arguments fail")
	fs.Usage = func() {
		fmt.Fprintf(stderr, "Usage: dossier extract [flags] FILE|DIR|- ...\n\nAnalyse news documents: text files, directories (recursively), HTML pages,\nJSON Lines (.jsonl), RSS/Atom feeds, WARC archives (.warc, .warc.gz),\nhttp(s) URLs, or standard input (-).\n\nFlags:\n")
		fs.PrintDefaults()
	}
	inputs, err := parseFlags(fs, args)
	if err != nil {
		return flagExit(err)
	}
	if *format != "json" && *format != "text" {
		fmt.Fprintf(stderr, "dossier extract: unknown --format %q: use json or text\n", *format)
		return 2
	}
	if len(inputs) == 0 {
		if *jsonl {
			inputs = []string{"-"}
		} else {
			fs.Usage()
			return 2
		}
	}
	opts := source.Options{MaxBytes: *maxBytes, AllowPrivate: *allowPrivate, Offline: *offline,
		Notify: func(msg string) { fmt.Fprintf(stderr, "dossier: %s\n", msg) }}
	if !checkWorkers("extract", *workers, stderr) {
		return 2
	}
	ref, ok := publishedFlag("extract", fs, *published, stderr)
	if !ok {
		return 2
	}
	opts.Published = ref
	stdinKind := source.Auto
	if *jsonl {
		stdinKind = source.JSONL
	}

	read := make(chan pipeline.Item, 64)
	readErr := make(chan error, 1)
	go func() {
		readErr <- source.Read(inputs, stdin, stdinKind, opts, read)
		close(read)
	}()
	items := make(chan pipeline.Item)
	go func() {
		for it := range read {
			if it.Doc != nil {
				gcForSize(len(it.Doc.Text))
			}
			items <- it
		}
		close(items)
	}()

	w := bufio.NewWriterSize(stdout, 1<<16)
	defer w.Flush()
	// One document prints as an object; several as an array (json) or as
	// consecutive reports (text). JSON Lines prints a line per document.
	// One input that may hold many (a URL can answer with a feed, a file
	// with no telling name can be one) waits for its second document
	// before it decides: held keeps the first meanwhile.
	single := len(inputs) == 1 && !*jsonl && !isDir(inputs[0]) && !manyKind(source.KindOf(inputs[0]))
	var held *doc.Document
	n, failed := 0, 0
	// Documents are encoded straight into w (doc.WriteJSON), never whole
	// in memory: the encoding of a long text is many times its size.
	writeDoc := func(d *doc.Document) {
		if err := d.WriteJSON(w, "  "); err != nil {
			failed++
			fmt.Fprintf(stderr, "dossier: %s: cannot encode the result: %v\n", d.Source, err)
		}
	}
	p := analyze.With(quality.Options{Threshold: *suspect})
	p.Run(items, *workers, func(it pipeline.Item) {
		if it.Err != nil {
			failed++
			// With --jsonl the output carries every error in its line;
			// standard error shows the first few, so that a flood is
			// not printed twice.
			switch {
			case !*jsonl || *format != "json" || failed <= maxErrorLines:
				fmt.Fprintf(stderr, "dossier: %s: %v\n", it.Source, it.Err)
			case failed == maxErrorLines+1:
				fmt.Fprintf(stderr, "dossier: more problems: each is in the output, as an error line in place of its document\n")
			}
			if *jsonl && *format == "json" {
				b, _ := json.Marshal(doc.ErrorJSON{ID: it.ID, Source: it.Source, Error: it.Err.Error()})
				w.Write(b)
				w.WriteByte('\n')
			}
			return
		}
		switch {
		case *format == "text":
			report.Write(w, it.Doc)
		case *jsonl:
			if err := it.Doc.WriteJSON(w, ""); err != nil {
				// nothing was written: a value JSON cannot hold is found first
				b, _ := json.Marshal(doc.ErrorJSON{ID: it.Doc.ID, Source: it.Source, Error: "cannot encode the result: " + err.Error()})
				w.Write(b)
				failed++
			}
			w.WriteByte('\n')
		default:
			if single && n == 0 {
				held = it.Doc
				break
			}
			if single { // a second document: this input holds many
				single = false
				w.WriteString("[\n")
				writeDoc(held)
				held = nil
			} else if n == 0 {
				w.WriteString("[\n")
			}
			if n > 0 {
				w.WriteString(",\n")
			}
			writeDoc(it.Doc)
		}
		n++
		if *jsonl || *format == "text" {
			w.Flush() // stream: a reader sees each result as soon as it is ready
		}
	})
	if single && held != nil {
		writeDoc(held)
		w.WriteByte('\n')
	} else if !single && !*jsonl && *format == "json" {
		if n == 0 {
			w.WriteString("[")
		}
		w.WriteString("\n]\n")
	}
	if err := <-readErr; err != nil {
		fmt.Fprintf(stderr, "dossier: %v\n", err)
		return 1
	}
	if failed > 0 {
		fmt.Fprintf(stderr, "dossier: %d of %d input(s) failed; the others were analysed\n", failed, failed+n)
		return 1
	}
	return 0
}

// manyKind says whether an input of kind k holds many documents.
func manyKind(k source.Kind) bool {
	return k == source.JSONL || k == source.Feed || k == source.WARC
}

func isDir(path string) bool {
	if path == "-" {
		return false
	}
	fi, err := os.Stat(path)
	return err == nil && fi.IsDir()
}
