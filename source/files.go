package source

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/dossier-news/dossier/pipeline"
)

// Kind is an input format.
type Kind int

// Input formats. Auto decides from the file name and, failing that, the
// first bytes.
const (
	Auto Kind = iota
	Text
	JSONL
	HTML
	Feed // RSS or Atom (feed.go)
	WARC // a web archive, .warc or .warc.gz (warc.go)
)

// KindOf guesses a file's format from its name.
func KindOf(path string) Kind {
	if strings.HasSuffix(strings.ToLower(path), ".warc.gz") {
		return WARC
	}
	switch strings.ToLower(filepath.Ext(path)) {
	case ".rss", ".atom":
		return Feed
	case ".warc":
		return WARC
	case ".jsonl", ".ndjson":
		return JSONL
	case ".html", ".htm", ".xhtml":
		return HTML
	case ".txt", ".text", ".md":
		return Text
	}
	return Auto
}

// sniff decides between HTML and plain text from the first bytes.
func sniff(b []byte) Kind {
	head := bytes.ToLower(bytes.TrimSpace(b[:min(len(b), 1024)]))
	if bytes.HasPrefix(head, []byte("<!doctype html")) || bytes.HasPrefix(head, []byte("<html")) ||
		bytes.Contains(head, []byte("<html")) || bytes.Contains(head, []byte("<body")) ||
		(bytes.HasPrefix(head, []byte("<")) && bytes.Contains(head, []byte("<head"))) {
		return HTML
	}
	return Text
}

// Read reads every input named in args ("-" is standard input; a directory
// is read recursively, skipping hidden files) and sends one item per
// document, in order. With stdinKind JSONL, standard input is JSON Lines;
// otherwise it is one document. Errors that concern one input travel on its
// item; Read returns only when it cannot go on at all.
func Read(args []string, stdin io.Reader, stdinKind Kind, o Options, out chan<- pipeline.Item) error {
	o = o.withFetcher()
	for _, a := range args {
		if IsURL(a) {
			readURL(a, o, out)
			continue
		}
		if a == "-" {
			if stdinKind == JSONL {
				if err := ReadJSONL(stdin, "stdin", o, out); err != nil {
					return err
				}
				continue
			}
			k, r := peekKind(stdin, stdinKind)
			if k == Feed || k == WARC {
				readStream(r, "stdin", k, o, out)
				continue
			}
			b, err := readAll(r, o.maxBytes())
			if err != nil {
				out <- pipeline.Item{Source: "stdin", ID: "stdin", Err: err}
				continue
			}
			out <- readOne(b, "stdin", "stdin", stdinKind, o)
			continue
		}
		info, err := os.Stat(a)
		if err != nil {
			out <- pipeline.Item{Source: a, ID: a, Err: openErr(a, err)}
			continue
		}
		if info.IsDir() {
			if err := readDir(a, o, out); err != nil {
				return err
			}
			continue
		}
		readFile(a, KindOf(a), o, out)
	}
	return nil
}

func openErr(path string, err error) error {
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return fmt.Errorf("no such file or directory: check the path %q", path)
	case errors.Is(err, fs.ErrPermission):
		return fmt.Errorf("permission denied reading %q: check its permissions", path)
	}
	return fmt.Errorf("cannot read %q: %v", path, err)
}

func readDir(root string, o Options, out chan<- pipeline.Item) error {
	return filepath.WalkDir(root, func(path string, e fs.DirEntry, err error) error {
		if err != nil {
			out <- pipeline.Item{Source: path, ID: path, Err: openErr(path, err)}
			if e != nil && e.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		name := e.Name()
		if path != root && strings.HasPrefix(name, ".") {
			if e.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		if e.IsDir() || !e.Type().IsRegular() {
			return nil
		}
		readFile(path, KindOf(path), o, out)
		return nil
	})
}

func readFile(path string, k Kind, o Options, out chan<- pipeline.Item) {
	if k == JSONL {
		f, err := os.Open(path)
		if err != nil {
			out <- pipeline.Item{Source: path, ID: path, Err: openErr(path, err)}
			return
		}
		defer f.Close()
		if err := ReadJSONL(f, path, o, out); err != nil {
			out <- pipeline.Item{Source: path, ID: path, Err: err}
		}
		return
	}
	f, err := os.Open(path)
	if err != nil {
		out <- pipeline.Item{Source: path, ID: path, Err: openErr(path, err)}
		return
	}
	defer f.Close()
	k, r := peekKind(f, k)
	if k == Feed || k == WARC {
		readStream(r, path, k, o, out)
		return
	}
	b, err := readAll(r, o.maxBytes())
	if err != nil {
		out <- pipeline.Item{Source: path, ID: path, Err: err}
		return
	}
	out <- readOne(b, path, path, k, o)
}

// readAll reads at most max+1 bytes, so that an enormous input is refused
// without being held in memory whole.
func readAll(r io.Reader, max int64) ([]byte, error) {
	b, err := io.ReadAll(io.LimitReader(r, max+1))
	if err != nil {
		return nil, fmt.Errorf("read failed: %v", err)
	}
	if int64(len(b)) > max {
		return nil, fmt.Errorf("document is over the %s limit: split it, or raise the limit with --max-bytes", size(max))
	}
	return b, nil
}

func readOne(b []byte, id, src string, k Kind, o Options) pipeline.Item {
	if k == Auto {
		k = sniff(b)
	}
	if k == HTML {
		d, err := ParseHTML(b, id, src, o)
		return pipeline.Item{Doc: d, Err: err, Source: src, ID: id}
	}
	text, warns, err := CleanText(b, o.maxBytes())
	if err != nil {
		return pipeline.Item{Source: src, ID: id, Err: err}
	}
	return pipeline.Item{Doc: newDoc(id, src, text, warns, o), Source: src, ID: id}
}
