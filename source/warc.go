package source

import (
	"bufio"
	"bytes"
	"compress/flate"
	"compress/gzip"
	"compress/zlib"
	"errors"
	"fmt"
	"io"
	"mime"
	"net/http"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/dossier-news/dossier/pipeline"
)

// A WARC file (ISO 28500, what crawlers and web archives write) is a
// sequence of records: a version line, header lines, a blank line, a block
// of Content-Length bytes, and two line breaks. Compressed WARCs gzip each
// record as its own gzip member, which Go's gzip reader reads on as one
// stream. The reader here is a small one of our own rather than
// nlnwa/gowarc: it needs only the standard library, reads a record's block
// only when it is an HTML response (others are skipped by length), and
// tells a file cut short inside a record from one that ends cleanly.

const (
	warcMaxLine    = 64 << 10 // one header line
	warcMaxHeaders = 512      // header lines of one record
)

// warcRecord is one record's header.
type warcRecord struct {
	n      int               // 1-based position in the file
	header map[string]string // names lower-cased
	length int64             // Content-Length: the block's size
}

func (r *warcRecord) get(name string) string { return r.header[name] }

// warcReader reads the records of a WARC one at a time.
type warcReader struct {
	br *bufio.Reader
	n  int
}

// openWARC opens a WARC stream, decompressing it if it is gzip. A name
// ending in .gz whose bytes are not gzip is an error.
func openWARC(r io.Reader, name string) (*warcReader, error) {
	br := bufio.NewReaderSize(r, 64<<10)
	head, _ := br.Peek(8)
	gz := len(head) >= 2 && head[0] == 0x1f && head[1] == 0x8b
	if !gz && strings.HasSuffix(strings.ToLower(name), ".gz") {
		return nil, fmt.Errorf("not gzip: the file is named .gz but starts with %q; if it is a plain WARC, name it .warc", head)
	}
	if gz {
		zr, err := gzip.NewReader(br)
		if err != nil {
			return nil, fmt.Errorf("not a readable gzip file (%v)", err)
		}
		br = bufio.NewReaderSize(zr, 64<<10)
	}
	return &warcReader{br: br}, nil
}

// next reads the next record's header, or returns io.EOF at a clean end.
func (w *warcReader) next() (*warcRecord, error) {
	var version []byte
	for { // blank lines between records
		line, _, tooLong, err := readLine(w.br, warcMaxLine)
		if err != nil && err != io.EOF {
			return nil, w.broken(err)
		}
		if tooLong || len(bytes.TrimSpace(line)) > 0 {
			version = line
			break
		}
		if err == io.EOF {
			return nil, io.EOF
		}
	}
	w.n++
	if !bytes.HasPrefix(version, []byte("WARC/")) {
		return nil, fmt.Errorf("record %d does not start with a WARC version line (it starts %q): not a WARC, or damaged here", w.n, clip(version, 40))
	}
	rec := &warcRecord{n: w.n, header: map[string]string{}, length: -1}
	last := ""
	for i := 0; ; i++ {
		line, _, tooLong, err := readLine(w.br, warcMaxLine)
		if err != nil {
			return nil, w.cut(rec, err, "inside its header")
		}
		if tooLong || i > warcMaxHeaders {
			return nil, fmt.Errorf("record %d: its header is too long (a line over %s, or over %d lines): damaged", w.n, size(warcMaxLine), warcMaxHeaders)
		}
		if len(line) == 0 {
			break
		}
		if (line[0] == ' ' || line[0] == '\t') && last != "" { // a folded line continues the last header
			rec.header[last] += " " + strings.TrimSpace(string(line))
			continue
		}
		k, v, ok := strings.Cut(string(line), ":")
		if !ok {
			return nil, fmt.Errorf("record %d: header line %q has no colon: damaged", w.n, clip(line, 40))
		}
		last = strings.ToLower(strings.TrimSpace(k))
		rec.header[last] = strings.TrimSpace(v)
	}
	n, err := strconv.ParseInt(rec.get("content-length"), 10, 64)
	if err != nil || n < 0 {
		return nil, fmt.Errorf("record %d has no valid Content-Length (%q): its end cannot be found", w.n, rec.get("content-length"))
	}
	rec.length = n
	return rec, nil
}

// block reads the record's block whole.
func (w *warcReader) block(rec *warcRecord) ([]byte, error) {
	b := make([]byte, rec.length)
	if n, err := io.ReadFull(w.br, b); err != nil {
		return nil, w.cut(rec, err, fmt.Sprintf("inside its block: %d of its %d bytes are there", n, rec.length))
	}
	return b, nil
}

// skip passes over the record's block without keeping it.
func (w *warcReader) skip(rec *warcRecord) error {
	if n, err := io.CopyN(io.Discard, w.br, rec.length); err != nil {
		return w.cut(rec, err, fmt.Sprintf("inside its block: %d of its %d bytes are there", n, rec.length))
	}
	return nil
}

// cut explains an error met inside a record; where says where.
func (w *warcReader) cut(rec *warcRecord, err error, where string) error {
	what := fmt.Sprintf("record %d", rec.n)
	if u := strings.Trim(rec.get("warc-target-uri"), "<>"); u != "" {
		what += " (" + u + ")"
	}
	if errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF) {
		return fmt.Errorf("%s is cut short: the file ends %s", what, where)
	}
	return fmt.Errorf("%s: %v", what, w.broken(err))
}

// after says that reading stopped at err, and what was read before.
func (w *warcReader) after(err error) error {
	if w.n <= 1 {
		return err
	}
	return fmt.Errorf("%v; the %d record(s) before it were read", err, w.n-1)
}

// broken explains a read error, naming gzip damage as such.
func (w *warcReader) broken(err error) error {
	var ce flate.CorruptInputError
	switch {
	case errors.Is(err, gzip.ErrChecksum) || errors.Is(err, gzip.ErrHeader) || errors.As(err, &ce):
		return fmt.Errorf("the gzip data is damaged after record %d (%v)", w.n, err)
	case errors.Is(err, io.ErrUnexpectedEOF):
		return fmt.Errorf("the file is cut short after record %d (%v)", w.n, err)
	}
	return err
}

func clip(b []byte, n int) string {
	if len(b) > n {
		return string(b[:n]) + "..."
	}
	return string(b)
}

// readWARC reads a WARC file and sends one document per HTML response,
// in order. Every other record is skipped and counted; the counts go to
// Options.Notify at the end. A record cut short, or damage that hides
// where the next record starts, is an error after the records before it.
func readWARC(r io.Reader, name string, o Options, out chan<- pipeline.Item) {
	w, err := openWARC(r, name)
	if err != nil {
		out <- pipeline.Item{Source: name, ID: name, Err: err}
		return
	}
	skipped := map[string]int{}
	read, failed := 0, 0
	for {
		rec, err := w.next()
		if err == io.EOF {
			break
		}
		if err != nil {
			out <- pipeline.Item{Source: name, ID: name, Err: w.after(err)}
			failed++
			break
		}
		why := warcSkip(rec, o)
		if why != "" {
			skipped[why]++
			if err := w.skip(rec); err != nil {
				out <- pipeline.Item{Source: name, ID: name, Err: w.after(err)}
				failed++
				break
			}
			continue
		}
		block, err := w.block(rec)
		if err != nil {
			out <- pipeline.Item{Source: name, ID: name, Err: w.after(err)}
			failed++
			break
		}
		it, why := warcDoc(rec, block, name, o)
		switch {
		case why != "":
			skipped[why]++
		case it.Err != nil:
			failed++
			out <- it
		default:
			read++
			out <- it
		}
	}
	o.notify("%s: %s", name, warcTally(w.n, read, failed, skipped))
}

// warcSkip says why a record is skipped without reading its block, or ""
// when it may be an HTML response.
func warcSkip(rec *warcRecord, o Options) string {
	typ := strings.ToLower(rec.get("warc-type"))
	if typ == "" {
		typ = "untyped"
	}
	if typ != "response" {
		return typ
	}
	if ct := strings.ToLower(rec.get("content-type")); !strings.HasPrefix(ct, "application/http") || strings.Contains(ct, "msgtype=request") {
		return "response not HTTP"
	}
	if rec.length > o.maxBytes()+1<<20 {
		return "response over the size limit"
	}
	return ""
}

// warcDoc reads the HTTP response in a record's block. It returns the
// item for an HTML page, or why the record is skipped.
func warcDoc(rec *warcRecord, block []byte, name string, o Options) (pipeline.Item, string) {
	uri := strings.Trim(rec.get("warc-target-uri"), "<>")
	id := uri
	if id == "" {
		id = rec.get("warc-record-id")
	}
	src := fmt.Sprintf("%s record %d", name, rec.n)
	resp, body, err := httpPayload(block, o.maxBytes())
	if err != nil {
		return pipeline.Item{Source: src, ID: id, Err: fmt.Errorf("the HTTP response in the record cannot be read: %v", err)}, ""
	}
	switch {
	case resp.StatusCode >= 300 && resp.StatusCode < 400:
		return pipeline.Item{}, "response redirect (3xx)"
	case resp.StatusCode < 200 || resp.StatusCode >= 300:
		return pipeline.Item{}, fmt.Sprintf("response status %dxx", resp.StatusCode/100)
	}
	mt, _, _ := mime.ParseMediaType(resp.Header.Get("Content-Type"))
	if k, _ := mediaKind(mt); k != HTML && !(k == Auto && sniff(body) == HTML) {
		return pipeline.Item{}, "response not HTML"
	}
	if body == nil {
		return pipeline.Item{}, "response with content encoding " + resp.Header.Get("Content-Encoding")
	}
	o.contentType = resp.Header.Get("Content-Type")
	d, err := ParseHTML(body, id, src, o)
	if err != nil {
		return pipeline.Item{Source: src, ID: id, Err: err}, ""
	}
	d.URL = uri
	if d.Published == "" {
		if t, err := time.Parse(time.RFC3339Nano, rec.get("warc-date")); err == nil {
			d.Published, d.PublishedFrom = formatTime(t), "warc"
		}
	}
	return pipeline.Item{Doc: d, Source: src, ID: id}, ""
}

// httpPayload parses an HTTP response as archived: status, headers, a
// body that may be chunked and compressed. body is nil for a content
// encoding that cannot be decoded. Some crawlers store the body already
// de-chunked but keep the Transfer-Encoding header: then the raw bytes
// after the headers are the body. A body shorter than its Content-Length
// is read as far as it goes.
func httpPayload(block []byte, max int64) (*http.Response, []byte, error) {
	resp, err := http.ReadResponse(bufio.NewReader(bytes.NewReader(block)), nil)
	if err != nil {
		return nil, nil, err
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(io.LimitReader(resp.Body, max+1))
	if errors.Is(err, io.ErrUnexpectedEOF) && len(resp.TransferEncoding) == 0 {
		err = nil // shorter than its Content-Length: crawlers truncate long bodies (WARC-Truncated); read what is there
	}
	if err != nil && len(resp.TransferEncoding) > 0 {
		if i := bytes.Index(block, []byte("\r\n\r\n")); i >= 0 {
			body, err = block[i+4:], nil
		}
	}
	if err != nil {
		return nil, nil, err
	}
	var zr io.Reader
	switch enc := strings.ToLower(strings.TrimSpace(resp.Header.Get("Content-Encoding"))); enc {
	case "", "identity":
		return resp, body, nil
	case "gzip", "x-gzip":
		g, err := gzip.NewReader(bytes.NewReader(body))
		if err != nil {
			return nil, nil, fmt.Errorf("gzip content encoding: %v", err)
		}
		zr = g
	case "deflate": // zlib-wrapped by the standard, raw deflate by some servers
		if z, err := zlib.NewReader(bytes.NewReader(body)); err == nil {
			zr = z
		} else {
			zr = flate.NewReader(bytes.NewReader(body))
		}
	default:
		return resp, nil, nil
	}
	dec, err := io.ReadAll(io.LimitReader(zr, max+1))
	if err != nil {
		return nil, nil, fmt.Errorf("%s content encoding: %v", resp.Header.Get("Content-Encoding"), err)
	}
	return resp, dec, nil
}

// warcTally says what a WARC held.
func warcTally(records, read, failed int, skipped map[string]int) string {
	s := fmt.Sprintf("%d WARC record(s): %d HTML page(s) read, %d failed", records, read, failed)
	total := 0
	var whys []string
	for w, n := range skipped {
		total += n
		whys = append(whys, w)
	}
	if total == 0 {
		return s
	}
	sort.Slice(whys, func(i, j int) bool {
		return skipped[whys[i]] > skipped[whys[j]] || (skipped[whys[i]] == skipped[whys[j]] && whys[i] < whys[j])
	})
	for i, w := range whys {
		whys[i] = fmt.Sprintf("%d %s", skipped[w], w)
	}
	return fmt.Sprintf("%s, %d skipped (%s)", s, total, strings.Join(whys, ", "))
}
