package store

import (
	"bytes"
	"compress/flate"
	"crypto/sha256"
	_ "embed"
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

// layersDict is the preset dictionary for compressing layers: the JSON of
// the bundled articles as the store keeps it (made by TestLayersDict
// -gendict). Documents are a few KB, too short for DEFLATE to learn the
// keys and shapes of the JSON on its own: the dictionary saves a sixth of
// the layers' bytes. It is frozen: stored layers need these very bytes.
//
//go:embed layers.dict
var layersDict []byte

// layersFormat is the first byte of documents.layers: 1 is DEFLATE with
// layersDict. Another dictionary or method gets another byte.
const layersFormat = 1

var textFlaters = sync.Pool{New: func() any {
	w, _ := flate.NewWriter(nil, flate.DefaultCompression)
	return w
}}

var layerFlaters = sync.Pool{New: func() any {
	w, _ := flate.NewWriterDict(nil, flate.DefaultCompression, layersDict)
	return w
}}

// deflate compresses b with a writer from pool, after the prefix bytes.
func deflate(pool *sync.Pool, prefix []byte, b []byte) []byte {
	var out bytes.Buffer
	out.Grow(len(b)/3 + 64)
	out.Write(prefix)
	w := pool.Get().(*flate.Writer)
	w.Reset(&out)
	w.Write(b)
	w.Close()
	pool.Put(w)
	return out.Bytes()
}

func inflate(b, dict []byte) ([]byte, error) {
	r := flate.NewReaderDict(bytes.NewReader(b), dict)
	defer r.Close()
	out, err := io.ReadAll(r)
	if err != nil {
		return nil, fmt.Errorf("decompressing: %w", err)
	}
	return out, nil
}

// Encode makes the stored form of an analysed document. Left out of the
// layers are what the store keeps elsewhere, each fact once: the text
// (every span's text is derived from the offsets), the corpus links
// (story, duplicate_of, entity actors: columns that linking may rewrite),
// and the quotes, timexes, quantities and flags, whose rows hold every
// field (read.go puts them back). Encode does not change d.
func Encode(d *doc.Document) (*Encoded, error) {
	blank := *d
	blank.Text = ""
	blank.Story, blank.DuplicateOf = "", ""
	blank.Quotes, blank.Timexes, blank.Quantities, blank.Flags = nil, nil, nil, nil
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
	return &Encoded{Hash: Hash(d.Text, d.URL), Text: deflate(&textFlaters, nil, []byte(d.Text)),
		Layers: deflate(&layerFlaters, []byte{layersFormat}, js), Words: words(d)}, nil
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
	text, err := inflate(textZ, nil)
	if err != nil {
		return nil, fmt.Errorf("the stored text is damaged: %w", err)
	}
	if len(layersZ) == 0 || layersZ[0] != layersFormat {
		return nil, fmt.Errorf("the stored layers are in a format this dossier does not know (upgrade dossier) or damaged")
	}
	js, err := inflate(layersZ[1:], layersDict)
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
