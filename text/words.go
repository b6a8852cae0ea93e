package text

import (
	"encoding/binary"
	"strings"
	"sync"

	"github.com/dossier-news/dossier/doc"
	"github.com/dossier-news/dossier/vocab"
)

// Words fills d.Lower, d.LowerOdd, d.WordIDs and d.WordBits: the
// lower-cased text of every word token, its vocabulary ID and what its bytes
// hold, so that the stages after the text layer neither hash nor scan each
// word again (package vocab says why).
//
// The whole text is copied, and the words with capitals are lower-cased in
// the copy; only word tokens with bytes outside ASCII take
// strings.ToLower. Other tokens keep their own text (the tokenizer puts
// every ASCII letter in a word).
// Lower is one string of the text's length, without pointers, so the layer
// costs two allocations the garbage collector need not scan.
func Words(d *doc.Document) {
	const lo, hi = 0x0101010101010101, 0x8080808080808080
	vocab.Freeze()
	text := d.Text
	bp := bufPool.Get().(*[]byte)
	buf := append((*bp)[:0], text...) // words with capitals are lower-cased in it below
	// the tokens in a local, and the new layers as long as they: the
	// compiler then drops the bounds checks, and d is not reloaded from
	// memory after each store
	toks := d.Tokens
	ids := make([]uint32, len(toks))
	bits := make([]uint8, len(toks))
	var odd map[int]string
	for i := range toks {
		t := &toks[i]
		if t.Kind != doc.Word {
			continue // no ASCII letters: the copy is its own text
		}
		if n := t.End - t.Start; n <= 8 && t.Start+8 <= len(text) {
			// a short word, most words: its bytes in one load
			all := load8(text, t.Start)
			x := all & (^uint64(0) >> (64 - 8*n))
			if x&hi == 0 {
				// bytes from 'A' (0x41) to 'Z' (0x5A): adding 0x3F sets the
				// top bit from 'A' up, adding 0x25 from '[' (0x5B) up
				up := (x + 0x3F*lo) &^ (x + 0x25*lo) & hi
				var b uint8
				if up != 0 {
					b = doc.WordUpper
					// the word lower-cased (0x80 >> 2 is the case bit), and
					// the bytes after it as they are: the words after it
					// come later in this loop
					binary.LittleEndian.PutUint64(buf[t.Start:], all|up>>2)
				}
				if h := x ^ ('-' * lo); (h-lo)&^h&hi != 0 { // some byte is '-'
					b |= doc.WordHyphen
				}
				bits[i] = b
				ids[i] = vocab.LookupShort(x|up>>2, n)
				continue
			}
		}
		b := wordBits(text[t.Start:t.End])
		bits[i] = b
		w := buf[t.Start:t.End]
		if b&doc.WordNonASCII == 0 {
			if b&doc.WordUpper != 0 {
				lowerASCII(w)
			}
			key, _ := vocab.KeyOf(w)
			ids[i] = vocab.LookupKey(w, key)
			continue
		}
		low := strings.ToLower(text[t.Start:t.End])
		if len(low) == len(w) {
			copy(w, low)
		} else {
			odd = setOdd(odd, i, low)
		}
		ids[i] = vocab.Lookup(low)
	}
	d.Lower, d.LowerOdd, d.WordIDs, d.WordBits = string(buf), odd, ids, bits
	*bp = buf
	if len(d.Tokens) <= doc.PooledTokens {
		bufPool.Put(bp)
	}
}

// load8 reads the eight bytes of s from i as one little-endian integer.
func load8(s string, i int) uint64 {
	s = s[i : i+8]
	return uint64(s[0]) | uint64(s[1])<<8 | uint64(s[2])<<16 | uint64(s[3])<<24 |
		uint64(s[4])<<32 | uint64(s[5])<<40 | uint64(s[6])<<48 | uint64(s[7])<<56
}

// wordBits returns the doc.Word* facts of a word, byte by byte.
func wordBits(w string) uint8 {
	var b uint8
	for k := 0; k < len(w); k++ {
		switch c := w[k]; {
		case c >= 'A' && c <= 'Z':
			b |= doc.WordUpper
		case c == '-':
			b |= doc.WordHyphen
		case c >= 0x80:
			b |= doc.WordNonASCII
		}
	}
	return b
}

var bufPool = sync.Pool{New: func() any { return new([]byte) }}

func setOdd(m map[int]string, i int, s string) map[int]string {
	if m == nil {
		m = map[int]string{}
	}
	m[i] = s
	return m
}

// lowerASCII lower-cases the ASCII capitals of b in place, eight bytes at a
// time, and leaves every other byte alone.
func lowerASCII(b []byte) {
	const lo, hi = 0x0101010101010101, 0x8080808080808080
	k := 0
	for ; k+8 <= len(b); k += 8 {
		x := binary.LittleEndian.Uint64(b[k:])
		// the top bit of each byte that is from 'A' (0x41) to 'Z' (0x5A):
		// on the low seven bits, adding 0x3F reaches 0x80 from 'A' up and
		// adding 0x25 from '[' (0x5B) up; no byte carries into the next;
		// bytes with the top bit set are left out
		y := x &^ hi
		up := (y + 0x3F*lo) &^ (y + 0x25*lo) &^ x & hi
		if up != 0 {
			binary.LittleEndian.PutUint64(b[k:], x|up>>2) // 0x80 >> 2 is 0x20, the case bit
		}
	}
	for ; k < len(b); k++ {
		if c := b[k]; c >= 'A' && c <= 'Z' {
			b[k] = c + 'a' - 'A'
		}
	}
}
