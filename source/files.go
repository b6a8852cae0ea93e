package source

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
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
	o.ids = map[string]string{} // duplicate ids are reported across the batch
	for _, a := range args {
		if IsURL(a) {
			readURL(a, o, out)
			continue
		}
		if a == "-" {
			if stdinKind == JSONL {
				if err := ReadJSONL(stdin, "stdin", o, out); err != nil {
					return fmt.Errorf("stdin: %w", err)
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
		info, err := os.Stat(a) // a symbolic link is followed
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
		if err := special(info); err != nil {
			out <- pipeline.Item{Source: a, ID: a, Err: err}
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

// special returns the error for a file that is not a regular file (a
// named pipe, a device, a socket), which is never opened: opening a pipe
// waits for a writer, and a device may never end.
func special(info fs.FileInfo) error {
	m := info.Mode()
	switch {
	case m.IsRegular():
		return nil
	case m&fs.ModeNamedPipe != 0:
		return errors.New("a named pipe (FIFO), not a file: it is not read, since opening it waits for a writer; pipe it to standard input instead (dossier extract - < PIPE)")
	case m&fs.ModeDevice != 0 || m&fs.ModeCharDevice != 0:
		return errors.New("a device, not a file: it is not read; copy what you want analysed to a file")
	case m&fs.ModeSocket != 0:
		return errors.New("a socket, not a file: it is not read")
	}
	return fmt.Errorf("not a regular file (%v): it is not read", m.Type())
}

// documentExt says whether a file in a directory is read: a name that
// KindOf knows, or no extension at all (its first bytes decide). Others
// (examples.go, photo.jpg, report.pdf) are skipped and counted: a
// directory of articles often holds other files, and reading a program or
// an image as an article is worse than leaving it. Named as an argument,
// any file is read.
func documentExt(path string) bool {
	return KindOf(path) != Auto || filepath.Ext(path) == ""
}

// readDir reads every document under root, recursively, in lexical order.
// Hidden files and folders are skipped; so are files that are not
// documents by their name (documentExt), with a count on Notify. A
// symbolic link is followed, to a file or a folder; a link that leads back
// into a folder being read (a loop) is reported and not followed again.
// Pipes, devices and sockets are reported and never opened.
func readDir(root string, o Options, out chan<- pipeline.Item) error {
	w := dirWalk{o: o, out: out, open: map[string]bool{}, skipped: map[string]int{}}
	w.dir(root)
	if n := w.total; n > 0 {
		var exts []string
		for e, c := range w.skipped {
			exts = append(exts, fmt.Sprintf("%d %s", c, e))
		}
		sort.Strings(exts)
		o.notify("%s: skipped %d file(s) that are not documents by their name (%s); name a file as an argument to read it anyway", root, n, strings.Join(exts, ", "))
	}
	return nil
}

type dirWalk struct {
	o       Options
	out     chan<- pipeline.Item
	open    map[string]bool // the real paths of the folders being read, to catch loops
	skipped map[string]int  // files skipped by extension
	total   int
}

func (w *dirWalk) fail(path string, err error) {
	w.out <- pipeline.Item{Source: path, ID: path, Err: err}
}

func (w *dirWalk) dir(path string) {
	real, err := filepath.EvalSymlinks(path)
	if err != nil {
		w.fail(path, openErr(path, err))
		return
	}
	if real, err = filepath.Abs(real); err == nil && w.open[real] {
		w.fail(path, fmt.Errorf("a symbolic link loop: %q leads back to %q, which is being read; it is not read again", path, real))
		return
	}
	w.open[real] = true
	defer delete(w.open, real)
	entries, err := os.ReadDir(path) // sorted by name
	if err != nil {
		w.fail(path, openErr(path, err))
		return
	}
	for _, e := range entries {
		name := e.Name()
		if strings.HasPrefix(name, ".") {
			continue
		}
		p := filepath.Join(path, name)
		info, err := e.Info()
		if err == nil && info.Mode()&fs.ModeSymlink != 0 {
			info, err = os.Stat(p) // what the link leads to
		}
		switch {
		case err != nil:
			w.fail(p, openErr(p, err))
		case info.IsDir():
			w.dir(p)
		case special(info) != nil:
			w.fail(p, special(info))
		case !documentExt(p):
			ext := strings.ToLower(filepath.Ext(p))
			w.skipped[ext]++
			w.total++
		default:
			readFile(p, KindOf(p), w.o, w.out)
		}
	}
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
