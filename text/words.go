package text

import (
	"encoding/binary"
	"strings"
	"sync"

	"github.com/dossier-news/dossier/doc"
	"github.com/dossier-news/dossier/vocab"
)

// Words fills d.Lower, d.LowerOdd and d.WordIDs: the lower-cased text of
// every word token and its vocabulary ID, so that the stages after the text
// layer hash each word once between them (package vocab says why).
//
// The whole text is copied and its ASCII capitals lower-cased eight bytes
// at a time; only word tokens with bytes outside ASCII take
// strings.ToLower. Other tokens keep their own text: the tokenizer puts
// every ASCII letter in a word, so lower-casing ASCII leaves them alone.
// Lower is one string of the text's length, without pointers, so the layer
// costs two allocations the garbage collector need not scan.
func Words(d *doc.Document) {
	vocab.Freeze()
	text := d.Text
	bp := bufPool.Get().(*[]byte)
	buf := append((*bp)[:0], text...)
	lowerASCII(buf)
	ids := make([]uint32, len(d.Tokens))
	var odd map[int]string
	for i := range d.Tokens {
		t := &d.Tokens[i]
		if t.Kind != doc.Word {
			continue // no ASCII letters: the copy is its own text
		}
		w := buf[t.Start:t.End]
		if n := len(w); n <= 8 && t.Start+8 <= len(buf) {
			// a short word, most words: its bytes in one load
			x := binary.LittleEndian.Uint64(buf[t.Start:]) & (^uint64(0) >> (64 - 8*n))
			if x&0x8080808080808080 == 0 {
				ids[i] = vocab.LookupShort(x, n)
				continue
			}
		}
		key, ascii := vocab.KeyOf(w)
		if ascii {
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
	d.Lower, d.LowerOdd, d.WordIDs = string(buf), odd, ids
	*bp = buf
	bufPool.Put(bp)
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
		x := uint64(b[k]) | uint64(b[k+1])<<8 | uint64(b[k+2])<<16 | uint64(b[k+3])<<24 |
			uint64(b[k+4])<<32 | uint64(b[k+5])<<40 | uint64(b[k+6])<<48 | uint64(b[k+7])<<56
		// the top bit of each byte that is from 'A' (0x41) to 'Z' (0x5A):
		// on the low seven bits, adding 0x3F reaches 0x80 from 'A' up and
		// adding 0x25 from '[' (0x5B) up; no byte carries into the next;
		// bytes with the top bit set are left out
		y := x &^ hi
		up := (y + 0x3F*lo) &^ (y + 0x25*lo) &^ x & hi
		if up == 0 {
			continue
		}
		x |= up >> 2 // 0x80 >> 2 is 0x20, the case bit
		b[k], b[k+1], b[k+2], b[k+3] = byte(x), byte(x>>8), byte(x>>16), byte(x>>24)
		b[k+4], b[k+5], b[k+6], b[k+7] = byte(x>>32), byte(x>>40), byte(x>>48), byte(x>>56)
	}
	for ; k < len(b); k++ {
		if c := b[k]; c >= 'A' && c <= 'Z' {
			b[k] = c + 'a' - 'A'
		}
	}
}
