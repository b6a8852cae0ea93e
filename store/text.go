package store

import (
	"bytes"
	"compress/flate"
	"context"
	"fmt"
	"io"
	"sync"
	"unicode/utf8"
)

// inflaters keeps DEFLATE readers for reuse: a reader's 32 KB window is
// the larger part of reading a short text.
var inflaters = sync.Pool{New: func() any { return flate.NewReader(bytes.NewReader(nil)) }}

// Text returns the text of the stored document with internal id n
// (documents.doc), without decoding its layers: what package query needs to
// cut snippets and show evidence from the offsets the fact tables keep.
func (s *Store) Text(ctx context.Context, n int64) (string, error) {
	var z []byte
	if err := s.db.QueryRowContext(ctx, "SELECT text FROM documents WHERE doc = ?", n).Scan(&z); err != nil {
		return "", s.explain("reading", err)
	}
	r := inflaters.Get().(io.ReadCloser)
	defer inflaters.Put(r)
	if err := r.(flate.Resetter).Reset(bytes.NewReader(z), nil); err != nil {
		return "", err
	}
	var b bytes.Buffer
	b.Grow(3 * len(z))
	if _, err := b.ReadFrom(r); err != nil {
		return "", fmt.Errorf("store %s, document #%d: the stored text is damaged: %w (run \"dossier check --db %s\")", s.path, n, err, s.path)
	}
	if !utf8.Valid(b.Bytes()) {
		return "", fmt.Errorf("store %s, document #%d: the stored text is not UTF-8 (run \"dossier check --db %s\")", s.path, n, s.path)
	}
	return b.String(), nil
}
