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
