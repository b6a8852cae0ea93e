package quality

import (
	_ "embed"
	"encoding/binary"
	"errors"
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/dossier-news/dossier/doc"
)

// The word-salad model is a table of word-class bigram counts learnt from
// clean, edited news (PolNeAR's training articles) by `dossier train
// quality`. A word class is one of the most frequent words of news (the, of,
// said, has ...), known only by its FNV-1a hash, or, for every other word,
// its shape (capitalised, number, lower-case ending in -ing, ...). The model
// holds no text: hashes and counts only.
//
// File layout (little-endian): "DQS1", uint16 number of frequent words W,
// W uint64 hashes (class shapeCount+i is word i), uint16 number of classes
// N, then N*N bytes: the count of class b after class a at a*N+b, stored as
// a rounded log2(count+1), so 0 means never seen.

//go:embed data/salad.bin
var modelData []byte

// Shape classes, for words that are not among the frequent ones, and the
// sentence boundaries.
const (
	clsStart = iota // before the first token of a sentence
	clsEnd          // after the last
	clsNumber
	clsCap     // Capitalised
	clsAllCaps // ALLCAPS
	clsIng
	clsEd
	clsLy
	clsS
	clsTion
	clsAdj // -al, -ous, -ive, -ful, -able, -ible, -ic
	clsEr  // -er, -or
	clsNoun
	clsHyphen // lower-case compound with a hyphen
	clsLower
	clsComma
	clsStop
	clsSemi
	clsColon
	clsOpenParen
	clsCloseParen
	clsDash
	clsOpenQuote
	clsCloseQuote
	clsQuestion
	clsBang
	clsPunct
	clsSymbol
	clsForeign // a word in another script
	shapeCount
)

const modelMagic = "DQS1"

// Model is a loaded word-class bigram table.
type Model struct {
	// slots and vals are an open-addressing table from a frequent word's
	// hash to its class, faster than a map in the per-token loop.
	slots []uint64
	vals  []uint16
	n     int    // number of classes
	table []byte // log2 counts, n*n
	// hashes lists the frequent words' hashes in class order, for writing.
	hashes []uint64
}

var model = mustModel(modelData)

func mustModel(b []byte) *Model {
	if len(b) == 0 {
		return nil // not trained yet: the word-salad check is off
	}
	m, err := ReadModel(b)
	if err != nil {
		panic("quality/data/salad.bin: " + err.Error() + ": rebuild it with `dossier train quality`")
	}
	return m
}

// ReadModel decodes a model written by Model.Bytes.
func ReadModel(b []byte) (*Model, error) {
	if len(b) < 8 || string(b[:4]) != modelMagic {
		return nil, errors.New("not a word-salad model (bad magic)")
	}
	w := int(binary.LittleEndian.Uint16(b[4:]))
	p := 6
	if len(b) < p+8*w+2 {
		return nil, errors.New("truncated word list")
	}
	m := &Model{hashes: make([]uint64, w)}
	for i := 0; i < w; i++ {
		m.hashes[i] = binary.LittleEndian.Uint64(b[p:])
		p += 8
	}
	m.index()
	m.n = int(binary.LittleEndian.Uint16(b[p:]))
	p += 2
	if m.n != shapeCount+w {
		return nil, fmt.Errorf("%d classes for %d words and %d shapes", m.n, w, shapeCount)
	}
	if len(b) != p+m.n*m.n {
		return nil, fmt.Errorf("table of %d bytes, want %d", len(b)-p, m.n*m.n)
	}
	m.table = b[p:]
	return m, nil
}

// Bytes encodes the model in the embedded file's layout.
func (m *Model) Bytes() []byte {
	b := make([]byte, 0, 8+8*len(m.hashes)+len(m.table))
	b = append(b, modelMagic...)
	b = binary.LittleEndian.AppendUint16(b, uint16(len(m.hashes)))
	for _, h := range m.hashes {
		b = binary.LittleEndian.AppendUint64(b, h)
	}
	b = binary.LittleEndian.AppendUint16(b, uint16(m.n))
	return append(b, m.table...)
}

// index builds the lookup table of the frequent words.
func (m *Model) index() {
	size := 64
	for size < 4*len(m.hashes) {
		size *= 2
	}
	m.slots, m.vals = make([]uint64, size), make([]uint16, size)
	for i, h := range m.hashes {
		j := int(h) & (size - 1)
		for m.slots[j] != 0 {
			j = (j + 1) & (size - 1)
		}
		m.slots[j], m.vals[j] = h, uint16(shapeCount+i)
	}
}

// lookup returns the class of the frequent word with hash h, or -1.
func (m *Model) lookup(h uint64) int {
	mask := len(m.slots) - 1
	for j := int(h) & mask; ; j = (j + 1) & mask {
		switch m.slots[j] {
		case h:
			return int(m.vals[j])
		case 0:
			return -1
		}
	}
}

// count returns the stored log2 count of class b after class a.
func (m *Model) count(a, b int) byte { return m.table[a*m.n+b] }

// class returns the word class of token k of d under model m; h is the
// token's wordHash (only read for words).
func class(d *doc.Document, k int, h uint64, m *Model) int {
	t := &d.Tokens[k]
	switch t.Kind {
	case doc.Number:
		return clsNumber
	case doc.Symbol:
		return clsSymbol
	case doc.QuoteMark:
		switch d.Marks[k] {
		case doc.MarkOpen:
			return clsOpenQuote
		case doc.MarkClose:
			return clsCloseQuote
		}
		return clsPunct
	case doc.Punct:
		switch d.Text[t.Start:t.End] {
		case ",":
			return clsComma
		case ".":
			return clsStop
		case ";":
			return clsSemi
		case ":":
			return clsColon
		case "(", "[":
			return clsOpenParen
		case ")", "]":
			return clsCloseParen
		case "-", "—", "–", "--":
			return clsDash
		case "?":
			return clsQuestion
		case "!":
			return clsBang
		}
		return clsPunct
	}
	// ALLCAPS words are names (US, WHO), not the frequent word they spell.
	if !t.Has(doc.FlagAllCaps) {
		if c := m.lookup(h); c >= 0 {
			return c
		}
	}
	// the text is sliced only here: a frequent word never needs it
	return shape(d.Text[t.Start:t.End], *t)
}

// shape classifies a word that is not a frequent one.
func shape(s string, t doc.Token) int {
	r, _ := utf8.DecodeRuneInString(s)
	if r >= utf8.RuneSelf && !unicode.In(r, unicode.Latin) && unicode.IsLetter(r) {
		return clsForeign
	}
	if t.Has(doc.FlagAllCaps) {
		return clsAllCaps
	}
	if t.Has(doc.FlagCap) || unicode.IsUpper(r) {
		return clsCap
	}
	if !unicode.IsLetter(r) {
		return clsNumber
	}
	if strings.ContainsRune(s, '-') {
		return clsHyphen
	}
	// by the last byte first: one branch instead of a chain of suffix tests
	// (the suffixes and their order are part of the model; retrain after a
	// change)
	suf := func(x string) bool { return strings.HasSuffix(s, x) }
	switch s[len(s)-1] {
	case 'g':
		if suf("ing") {
			return clsIng
		}
	case 'd':
		if suf("ed") {
			return clsEd
		}
	case 'y':
		if suf("ly") {
			return clsLy
		}
		if suf("ity") {
			return clsNoun
		}
	case 'n':
		if suf("tion") || suf("sion") {
			return clsTion
		}
	case 't':
		if suf("ment") {
			return clsNoun
		}
	case 'l':
		if suf("al") || suf("ful") {
			return clsAdj
		}
	case 'e':
		if suf("ive") || suf("able") || suf("ible") {
			return clsAdj
		}
	case 'c':
		if suf("ic") {
			return clsAdj
		}
	case 'r':
		if suf("er") || suf("or") {
			return clsEr
		}
	case 's':
		switch {
		case suf("tions"), suf("sions"):
			return clsTion
		case suf("ness"), suf("ments"):
			return clsNoun
		case suf("ous"):
			return clsAdj
		case suf("ers"), suf("ors"):
			return clsEr
		}
		return clsS
	}
	return clsLower
}
