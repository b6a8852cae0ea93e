package source

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/dossier-news/dossier/pipeline"
)

// IsURL says whether an argument is an http or https URL rather than a path.
func IsURL(a string) bool {
	l := strings.ToLower(a)
	return strings.HasPrefix(l, "http://") || strings.HasPrefix(l, "https://")
}

// maxStreamBytes caps a feed or a WARC fetched from a URL: they hold many
// documents, so the one-document limit is too small for them.
func (o Options) maxStreamBytes() int64 { return 16 * o.maxBytes() }

// readURL fetches a URL and reads the answer by its content type: an HTML
// page, a feed, a WARC or plain text. Anything else is refused, saying what
// it was.
func readURL(u string, o Options, out chan<- pipeline.Item) {
	fail := func(err error) { out <- pipeline.Item{Source: u, ID: u, Err: err} }
	if o.Offline {
		fail(errors.New("not fetched: reading is offline (--offline)"))
		return
	}
	resp, err := o.Fetcher.Open(context.Background(), u, o.maxStreamBytes())
	if err != nil {
		fail(err)
		return
	}
	defer resp.Body.Close()
	k, known := mediaKind(resp.MediaType)
	if !known {
		fail(fmt.Errorf("%s is %s, not an HTML page, a feed, a WARC or text: Dossier cannot read it", u, resp.MediaType))
		return
	}
	k, r := peekKind(resp.Body, k)
	if k == Feed || k == WARC {
		// Spool to a file: the pages a feed links to are fetched while it is
		// read, which must not hold this answer's connection and host slot.
		f, err := spool(r, o.maxStreamBytes())
		if err != nil {
			fail(fmt.Errorf("reading %s: %w", u, err))
			return
		}
		defer os.Remove(f.Name())
		defer f.Close()
		resp.Body.Close()
		readStream(f, u, k, o, out)
		return
	}
	b, err := readAll(r, o.maxBytes())
	if err != nil {
		fail(fmt.Errorf("reading %s: %w", u, err))
		return
	}
	o.contentType = resp.ContentType
	it := readOne(b, u, u, k, o)
	if it.Doc != nil {
		it.Doc.URL = resp.URL
	}
	out <- it
}

// mediaKind maps a content type to the reader for it. known is false for
// types Dossier cannot read (images, PDF, JSON...); Auto means "look at the
// bytes" (no type, or application/octet-stream).
func mediaKind(mt string) (k Kind, known bool) {
	switch mt {
	case "text/html", "application/xhtml+xml":
		return HTML, true
	case "application/rss+xml", "application/atom+xml", "application/rdf+xml", "application/xml", "text/xml":
		return Feed, true
	case "application/warc":
		return WARC, true
	case "text/plain":
		return Text, true
	case "", "application/octet-stream", "binary/octet-stream":
		return Auto, true
	}
	return Auto, false
}

// peekKind looks at the first bytes of an input of kind Auto for a feed or
// a WARC, which are read as streams, not whole. It returns the kind and a
// reader that still yields every byte.
func peekKind(r io.Reader, k Kind) (Kind, io.Reader) {
	if k != Auto {
		return k, r
	}
	br := bufio.NewReaderSize(r, 4096)
	head, _ := br.Peek(1024)
	return sniffStream(head), br
}

// sniffStream recognises a feed (the first element is rss, feed or rdf:RDF)
// or a WARC (plain or gzip-compressed) from the first bytes; Auto otherwise.
func sniffStream(head []byte) Kind {
	if len(head) >= 2 && head[0] == 0x1f && head[1] == 0x8b {
		if zr, err := gzip.NewReader(bytes.NewReader(head)); err == nil {
			b := make([]byte, 8)
			n, _ := io.ReadFull(zr, b)
			if bytes.HasPrefix(b[:n], []byte("WARC/")) {
				return WARC
			}
		}
		return Auto
	}
	if bytes.HasPrefix(head, []byte("WARC/")) {
		return WARC
	}
	switch firstElement(head) {
	case "rss", "feed", "rdf:rdf":
		return Feed
	}
	return Auto
}

// firstElement is the lower-cased name of the first element in b, skipping
// a byte-order mark, white space, the XML declaration, processing
// instructions, comments and a doctype.
func firstElement(b []byte) string {
	b = bytes.TrimPrefix(b, []byte("\xef\xbb\xbf"))
	for {
		b = bytes.TrimLeft(b, " \t\r\n")
		if len(b) < 2 || b[0] != '<' {
			return ""
		}
		switch {
		case bytes.HasPrefix(b, []byte("<!--")):
			end := bytes.Index(b, []byte("-->"))
			if end < 0 {
				return ""
			}
			b = b[end+3:]
		case b[1] == '?' || b[1] == '!':
			end := bytes.IndexByte(b, '>')
			if end < 0 {
				return ""
			}
			b = b[end+1:]
		default:
			end := bytes.IndexAny(b[1:], " \t\r\n/>")
			if end < 0 {
				return ""
			}
			return strings.ToLower(string(b[1 : end+1]))
		}
	}
}

// readStream reads an input that holds many documents and is read as a
// stream: a feed or a WARC.
func readStream(r io.Reader, name string, k Kind, o Options, out chan<- pipeline.Item) {
	if k == WARC {
		readWARC(r, name, o, out)
		return
	}
	readFeed(r, name, o, out)
}

// spool copies at most max bytes of r to a temporary file, positioned at
// its start.
func spool(r io.Reader, max int64) (*os.File, error) {
	f, err := os.CreateTemp("", "dossier-fetch-*")
	if err != nil {
		return nil, fmt.Errorf("cannot make a temporary file: %v", err)
	}
	n, err := io.Copy(f, io.LimitReader(r, max+1))
	if err == nil && n > max {
		err = fmt.Errorf("over the %s limit for a feed or archive fetched from the web: download it and read the file", size(max))
	}
	if err == nil {
		_, err = f.Seek(0, io.SeekStart)
	}
	if err != nil {
		f.Close()
		os.Remove(f.Name())
		return nil, err
	}
	return f, nil
}
