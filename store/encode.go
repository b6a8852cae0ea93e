package store

import (
	"bytes"
	"compress/flate"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/dossier-news/dossier/doc"
)

// Encoded is a document in the form the store keeps: its identity hash and
// its text and layers, compressed. Encoding is the costly part of storing,
// so ingest does it on the extraction workers and leaves the one writer
// only the inserts.
type Encoded struct {
	Hash   string
	Text   []byte // the text, DEFLATE-compressed
	Layers []byte // the extract JSON with text and corpus links left out, DEFLATE-compressed
	Words  int
}

// Hash is a document's identity: the first 16 bytes, in hex, of the
// SHA-256 of its URL (when it has one) and its normalised text, where
// normalising collapses every run of white space to one space and trims
// the ends. The same article read twice, from a file re-saved with other
// line endings or indentation, has one hash.
func Hash(text, url string) string {
	h := sha256.New()
	if url != "" {
		io.WriteString(h, url)
		h.Write([]byte{0})
	}
	io.WriteString(h, strings.Join(strings.Fields(text), " "))
	sum := h.Sum(nil)
	return hex.EncodeToString(sum[:16])
}

var flaters = sync.Pool{New: func() any {
	w, _ := flate.NewWriter(nil, flate.DefaultCompression)
	return w
}}

func deflate(b []byte) []byte {
	var out bytes.Buffer
	out.Grow(len(b)/3 + 64)
	w := flaters.Get().(*flate.Writer)
	w.Reset(&out)
	w.Write(b)
	w.Close()
	flaters.Put(w)
	return out.Bytes()
}

func inflate(b []byte) ([]byte, error) {
	r := flate.NewReader(bytes.NewReader(b))
	defer r.Close()
	out, err := io.ReadAll(r)
	if err != nil {
		return nil, fmt.Errorf("decompressing: %w", err)
	}
	return out, nil
}

// Encode makes the stored form of an analysed document. The corpus links
// (story, duplicate_of, entity actors) are left out of the layers: they
// live in columns, which linking may rewrite without touching the layers.
// Encode does not change d.
func Encode(d *doc.Document) (*Encoded, error) {
	blank := *d
	blank.Text = "" // every span's text is derived from the offsets: Decode needs only them
	blank.Story, blank.DuplicateOf = "", ""
	if hasActors(d) {
		blank.Entities = make([]doc.Entity, len(d.Entities))
		copy(blank.Entities, d.Entities)
		for i := range blank.Entities {
			blank.Entities[i].Actor = ""
		}
	}
	js, err := json.Marshal(&blank)
	if err != nil {
		return nil, fmt.Errorf("encoding document %q: %w", d.ID, err)
	}
	return &Encoded{Hash: Hash(d.Text, d.URL), Text: deflate([]byte(d.Text)), Layers: deflate(js), Words: words(d)}, nil
}

func hasActors(d *doc.Document) bool {
	for _, e := range d.Entities {
		if e.Actor != "" {
			return true
		}
	}
	return false
}

// words counts the word tokens, or white-space separated words when the
// token layer is absent.
func words(d *doc.Document) int {
	if len(d.Tokens) > 0 {
		n := 0
		for _, t := range d.Tokens {
			if t.Kind == doc.Word {
				n++
			}
		}
		return n
	}
	return len(strings.Fields(d.Text))
}

// decodeStored rebuilds a document from its stored columns.
func decodeStored(textZ, layersZ []byte) (*doc.Document, error) {
	text, err := inflate(textZ)
	if err != nil {
		return nil, fmt.Errorf("the stored text is damaged: %w", err)
	}
	js, err := inflate(layersZ)
	if err != nil {
		return nil, fmt.Errorf("the stored layers are damaged: %w", err)
	}
	d, err := doc.Decode(js)
	if err != nil {
		return nil, err
	}
	if !utf8.Valid(text) {
		return nil, fmt.Errorf("the stored text of %q is not UTF-8", d.ID)
	}
	d.Text = string(text)
	return d, nil
}
