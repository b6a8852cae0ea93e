// Package source reads inputs into Documents: plain text files, directories
// (recursively), standard input, JSON Lines, HTML pages, RSS and Atom feeds,
// WARC web archives and URLs (fetched with package fetch). It is where bad
// input is caught: every problem becomes a clear error naming the input and
// what to do, or a repair recorded as a warning on the document.
//
// The policy (docs/INPUT.md):
//   - invalid UTF-8 is repaired: each bad byte becomes U+FFFD, the document
//     carries a warning, and all offsets refer to the repaired text, which
//     the output carries;
//   - NUL bytes mean a binary file: the input is rejected;
//   - an empty (or all white space) document is rejected;
//   - a document over the size limit (Options.MaxBytes) is rejected, naming
//     the limit and the flag that raises it;
//   - a JSON line that does not parse, or lacks "id" or "text", yields an
//     error for that line alone, and the batch goes on.
package source

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"strings"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/dossier-news/dossier/doc"
	"github.com/dossier-news/dossier/source/fetch"
)

// DefaultMaxBytes is the largest document read unless Options.MaxBytes says
// otherwise: far above any news article, low enough that a stray dump or
// disk image is caught early.
const DefaultMaxBytes = 16 << 20

// Options control how inputs are read.
type Options struct {
	MaxBytes int64 // 0 means DefaultMaxBytes
	// Published, when set, is the reference date for every document read,
	// overriding what the input says.
	Published string
	// AllowPrivate lets fetching reach loopback, private, link-local and
	// other non-public addresses (the --allow-private flag); off, they are
	// refused (package fetch).
	AllowPrivate bool
	// Offline: nothing is fetched; a feed's items are read from the feed's
	// own text, and URL arguments fail.
	Offline bool
	// Fetcher is the HTTP client for URLs and feeds' pages. nil: Read makes
	// one from AllowPrivate for its run. Share one across calls so that its
	// per-host limit holds.
	Fetcher *fetch.Client
	// Notify receives notes about an input as a whole that are not errors
	// (what a WARC file held and skipped, how a feed's pages were read);
	// nil drops them. Called from Read's goroutine.
	Notify func(string)

	ids map[string]string // the JSON Lines ids read so far in this batch, and where (Read sets it)
	// contentType is the Content-Type a web page came with (fetched, or
	// archived in a WARC), whose charset ParseHTML heeds (see htmlType).
	contentType string
}

// htmlType is the content type ParseHTML detects the page's encoding
// with: the HTTP header's, whose charset outranks the page's own <meta>
// as in browsers, unless the bytes are valid UTF-8, which a page in a
// legacy encoding almost never is (servers that label UTF-8 pages
// ISO-8859-1 by default are common).
func (o Options) htmlType(b []byte) string {
	if o.contentType != "" && !utf8.Valid(b) {
		return o.contentType
	}
	return "text/html"
}

// withFetcher returns o with a Fetcher, made when there is none.
func (o Options) withFetcher() Options {
	if o.Fetcher == nil {
		o.Fetcher = fetch.New(fetch.Options{AllowPrivate: o.AllowPrivate})
	}
	return o
}

func (o Options) notify(format string, args ...any) {
	if o.Notify != nil {
		o.Notify(fmt.Sprintf(format, args...))
	}
}

func (o Options) maxBytes() int64 {
	if o.MaxBytes > 0 {
		return o.MaxBytes
	}
	return DefaultMaxBytes
}

// ErrBinary is returned for inputs that hold NUL bytes.
var ErrBinary = errors.New("binary data (NUL bytes): this is not a text document; pass text, HTML or JSON Lines")

// ErrEmpty is returned for inputs with no text.
var ErrEmpty = errors.New("empty document: there is no text to analyse")

// CleanText checks raw bytes and turns them into a document text: it rejects
// binary and empty input and repairs invalid UTF-8. The returned warnings
// say what was repaired.
func CleanText(b []byte, max int64) (string, []string, error) {
	if int64(len(b)) > max {
		return "", nil, fmt.Errorf("document is %s, over the %s limit: split it, or raise the limit with --max-bytes", size(int64(len(b))), size(max))
	}
	var warns []string
	if u, ok, err := fromUTF16(b); err != nil {
		return "", nil, err
	} else if ok {
		b = u
		warns = append(warns, "decoded from UTF-16 (it opens with a byte-order mark); offsets refer to the UTF-8 text")
	}
	if bytes.IndexByte(b, 0) >= 0 {
		return "", nil, ErrBinary
	}
	// A byte-order mark is not text: drop it so offsets start at the first character.
	b = bytes.TrimPrefix(b, []byte("\xef\xbb\xbf"))
	if !utf8.Valid(b) {
		bad := 0
		var sb strings.Builder
		sb.Grow(len(b))
		for i := 0; i < len(b); {
			r, w := utf8.DecodeRune(b[i:])
			if r == utf8.RuneError && w == 1 {
				bad++
				sb.WriteRune(utf8.RuneError)
			} else {
				sb.Write(b[i : i+w])
			}
			i += w
		}
		if bad*10 > len(b) && len(b) > 64 {
			return "", nil, fmt.Errorf("%d of %d bytes are not UTF-8: this looks like a binary file or another encoding; convert it to UTF-8 (iconv -f LATIN1 -t UTF-8)", bad, len(b))
		}
		warns = append(warns, fmt.Sprintf("repaired %d invalid UTF-8 byte(s): each was replaced by U+FFFD; offsets refer to the repaired text", bad))
		b = []byte(sb.String())
	}
	if len(bytes.TrimSpace(b)) == 0 {
		return "", nil, ErrEmpty
	}
	return string(b), warns, nil
}

// fromUTF16 decodes a text that opens with a UTF-16 byte-order mark (FF FE
// little-endian, FE FF big-endian) to UTF-8, the mark dropped; ok is false
// for any other input. Unpaired surrogates become U+FFFD.
func fromUTF16(b []byte) (u []byte, ok bool, err error) {
	var order binary.ByteOrder
	switch {
	case bytes.HasPrefix(b, []byte{0xff, 0xfe}):
		order = binary.LittleEndian
	case bytes.HasPrefix(b, []byte{0xfe, 0xff}):
		order = binary.BigEndian
	default:
		return nil, false, nil
	}
	b = b[2:]
	if len(b)%2 != 0 {
		return nil, false, errors.New("UTF-16 text (it opens with a byte-order mark) with an odd number of bytes: the file is cut short or not UTF-16; convert it with iconv -f UTF-16 -t UTF-8")
	}
	units := make([]uint16, len(b)/2)
	for i := range units {
		units[i] = order.Uint16(b[2*i:])
	}
	out := make([]byte, 0, len(b)+len(b)/2)
	for _, r := range utf16.Decode(units) {
		out = utf8.AppendRune(out, r)
	}
	return out, true, nil
}

func size(n int64) string { return fetch.Size(n) }

// newDoc makes a document from cleaned text and applies the options.
func newDoc(id, src, text string, warns []string, o Options) *doc.Document {
	d := doc.New(id, text)
	d.Source = src
	d.Warnings = warns
	if o.Published != "" {
		d.Published, d.PublishedFrom = o.Published, "flag"
	}
	return d
}
