package quality

import (
	"unicode"
	"unicode/utf8"
)

// FNV-1a, 64 bits: a fixed, documented hash, so that the embedded model and
// the tells keep their meaning across Go versions and machines.
const (
	fnvOffset = 14695981039346656037
	fnvPrime  = 1099511628211
)

// fold adds the bytes of s, lower-cased, to the running hash h. Curly
// apostrophes fold to straight ones so "don’t" and "don't" are one word.
func fold(h uint64, s string) uint64 {
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			h ^= uint64(c)
			h *= fnvPrime
			i++
			continue
		}
		r, w := utf8.DecodeRuneInString(s[i:])
		i += w
		if r == '’' {
			h ^= uint64('\'')
			h *= fnvPrime
			continue
		}
		r = unicode.ToLower(r)
		var buf [utf8.UTFMax]byte
		n := utf8.EncodeRune(buf[:], r)
		for _, b := range buf[:n] {
			h ^= uint64(b)
			h *= fnvPrime
		}
	}
	return h
}

// wordHash is the hash of one word, case-folded.
func wordHash(s string) uint64 { return fold(fnvOffset, s) }

// wordsHash is the key of a run of words: their word hashes combined in
// order. Fragment tells are looked up by it.
func wordsHash(words []string) uint64 {
	h := uint64(fnvOffset)
	for _, w := range words {
		h = combine(h, wordHash(w))
	}
	return h
}

// combine adds a word's hash to the key of the words before it.
func combine(key, word uint64) uint64 { return (key ^ word) * fnvPrime }

// wordHashAt is wordHash(text[start:end]) for a word of up to 8 ASCII bytes
// not at the very end of text, computed from one 8-byte load with the case
// folded for all bytes at once: most words of news are that short, and the
// per-byte branches of fold were a sixth of the stage's instructions.
func wordHashAt(text string, start, end int) uint64 {
	n := end - start
	if n < 1 || n > 8 || start+8 > len(text) {
		return wordHash(text[start:end])
	}
	s := text[start : start+8]
	x := uint64(s[0]) | uint64(s[1])<<8 | uint64(s[2])<<16 | uint64(s[3])<<24 |
		uint64(s[4])<<32 | uint64(s[5])<<40 | uint64(s[6])<<48 | uint64(s[7])<<56
	x &= ^uint64(0) >> (64 - 8*n)
	const hi = 0x8080808080808080
	if x&hi != 0 {
		return wordHash(text[start:end])
	}
	// every byte is below 0x80, so adding 0x3f (0x25) sets its top bit
	// exactly when it is at least 'A' (above 'Z'), with no carry between
	// bytes; upper-case letters then get 0x20 added by OR
	upper := (x + 0x3f3f3f3f3f3f3f3f) &^ (x + 0x2525252525252525) & hi
	x |= upper >> 2
	h := uint64(fnvOffset)
	for ; n > 0; n-- {
		h ^= x & 0xff
		h *= fnvPrime
		x >>= 8
	}
	return h
}
