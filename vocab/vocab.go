// Package vocab is the one vocabulary of Dossier's lexicons: every word that
// some stage's lexicon looks up gets a small integer ID, and the text layer
// gives every word token the ID of its lower-cased text (doc.Document.WordIDs,
// filled by text.Words with doc.Document.Lower and WordBits). A stage then
// finds a token's lexicon entry by indexing a slice with the ID instead of
// lower-casing and hashing the token's text.
//
// Why: before it, each stage lower-cased every token and looked it up in
// its own string-keyed maps, so a 1,000-word article cost several thousand
// string hashes, the largest single item of the pipeline's profile. Now a
// word is hashed once, in the text layer, by a table built for it (words of
// up to eight bytes, most words, are hashed and compared as one integer).
//
// The vocabulary is filled while the program starts (stages call Add from
// package initialisation, when their lexicons are compiled) and is frozen
// when the text layer analyses its first document: from then on it is only
// read, so concurrent look-ups need no lock. Adding a new word then panics,
// because it would have no ID in the documents already analysed.
//
// How a stage uses it:
//
//	// at package initialisation (a package-level var, not a sync.Once),
//	// from the lexicon's map of words (written as strings.ToLower writes
//	// them) to entries:
//	byID := vocab.Table(entries)
//	// per word token i of a document, after text.Analyze:
//	if id := d.WordIDs[i]; int(id) < len(byID) { e := byID[id] ... }
//
// IDs are given in the order of the Add calls; Table adds a map's keys in
// sorted order, so that the IDs are the same on every run.
package vocab

import (
	"sort"
	"sync"
	"sync/atomic"
)

// ID is a word's number in the vocabulary; 0 means no lexicon knows the word.
type ID = uint32

var (
	mu     sync.Mutex // guards Add during initialisation
	adding = map[string]ID{}
	list   = []string{""} // ID -> word while adding; ID 0 is no word
	frozen atomic.Bool
	once   sync.Once

	// The frozen vocabulary, built by Freeze from adding and list, which
	// it then drops: the words one after the other in text (ID k is
	// text[offs[k]:offs[k+1]]), and an open-addressing table of slots. A
	// look-up reads a slot or two of a table that stays in the cache; the
	// garbage collector finds no pointers to follow in any of it.
	text  string
	offs  []uint32
	slots []slot
	shift uint32
	// one-byte words, by byte
	single [256]ID
)

// slot is one word of the table: its first eight bytes, length and ID, so
// that a word of up to eight bytes, most words, is matched without reading
// its text.
type slot struct {
	head  uint64
	id, n uint32
}

// Add returns the ID of w, adding w to the vocabulary when it is new. It
// must be called before the first document is analysed (from package
// initialisation); afterwards a new word makes it panic.
func Add(w string) ID {
	if frozen.Load() {
		if id := Lookup(w); id != 0 {
			return id
		}
		panic("vocab: word " + w + " added after the vocabulary was frozen: add lexicon words at package initialisation")
	}
	mu.Lock()
	defer mu.Unlock()
	if id, ok := adding[w]; ok {
		return id
	}
	id := ID(len(list))
	adding[w] = id
	list = append(list, w)
	if len(w) == 1 {
		single[w[0]] = id
	}
	return id
}

// Table adds the keys of m to the vocabulary, in sorted order so that the
// IDs are the same on every run, and returns m's values in a slice indexed
// by those IDs, the zero value at every other ID: the shape in which a
// stage keeps a lexicon to read it by Document.WordIDs.
func Table[T any](m map[string]T) []T {
	words := make([]string, 0, len(m))
	for w := range m {
		words = append(words, w)
	}
	sort.Strings(words)
	var t []T
	for _, w := range words {
		id := int(Add(w))
		if id >= len(t) {
			t = append(t, make([]T, id+1-len(t))...)
		}
		t[id] = m[w]
	}
	return t
}

// ByWord returns f of every word of the vocabulary, by ID (index 0, no
// word, keeps the zero value): a table a stage computes once over all
// words, after the lexicons of every stage have added theirs, so ByWord
// freezes the vocabulary first. Call it on first use (sync.OnceValue), not
// at package initialisation.
func ByWord[T any](f func(id ID, w string) T) []T {
	Freeze()
	t := make([]T, Size())
	for id := 1; id < len(t); id++ {
		t[id] = f(ID(id), Word(ID(id)))
	}
	return t
}

// Freeze ends the vocabulary's growth; the text layer calls it before it
// looks words up. It is cheap to call again.
func Freeze() {
	if !frozen.Load() {
		once.Do(build)
	}
}

func build() {
	mu.Lock()
	defer mu.Unlock()
	n := uint32(1 << 4)
	shift = 32 - 4
	for n < 2*uint32(len(list)) { // at most half full: misses end fast
		n <<= 1
		shift--
	}
	slots = make([]slot, n)
	var all []byte
	offs = make([]uint32, len(list)+1)
	for id, w := range list {
		offs[id] = uint32(len(all))
		all = append(all, w...)
		if id == 0 {
			continue
		}
		h, head := hash(w)
		for k := (h * 0x9E3779B1) >> shift; ; k = (k + 1) & (n - 1) {
			if slots[k].id == 0 {
				slots[k] = slot{head: head, id: uint32(id), n: uint32(len(w))}
				break
			}
		}
	}
	offs[len(list)] = uint32(len(all))
	text = string(all)
	adding, list = nil, nil
	frozen.Store(true)
}

// hash returns the hash of w and its first eight bytes (fewer for a shorter
// word, little-endian, the rest zero). A word of up to eight bytes, most
// words, is hashed with one multiply of its head; a longer one adds each
// further eight bytes with a multiply and a shift.
func hash(w string) (h uint32, head uint64) {
	n := len(w)
	var x uint64
	for i := min(n, 8) - 1; i >= 0; i-- {
		x = x<<8 | uint64(w[i])
	}
	head = x
	hh := (uint64(n)*k1 ^ x) * k2
	for w = w[min(n, 8):]; len(w) > 0; w = w[min(len(w), 8):] {
		x = 0
		for i := min(len(w), 8) - 1; i >= 0; i-- {
			x = x<<8 | uint64(w[i])
		}
		hh ^= hh >> 29
		hh = (hh ^ x) * k2
	}
	return uint32(hh >> 32), head
}

// Key is what a look-up needs of a word besides its bytes: its hash and
// its first eight bytes.
type Key struct {
	h    uint32
	head uint64
}

// KeyOf returns the key of a word held in bytes, and whether they are all
// ASCII, which the text layer needs to know of every word.
func KeyOf(w []byte) (k Key, ascii bool) {
	n := len(w)
	var x, or uint64
	for i := min(n, 8) - 1; i >= 0; i-- {
		x = x<<8 | uint64(w[i])
	}
	k.head, or = x, x
	hh := (uint64(n)*k1 ^ x) * k2
	for w = w[min(n, 8):]; len(w) > 0; w = w[min(len(w), 8):] {
		x = 0
		for i := min(len(w), 8) - 1; i >= 0; i-- {
			x = x<<8 | uint64(w[i])
		}
		or |= x
		hh ^= hh >> 29
		hh = (hh ^ x) * k2
	}
	k.h = uint32(hh >> 32)
	return k, or&0x8080808080808080 == 0
}

const k1, k2 = 0x9E3779B97F4A7C15, 0xBF58476D1CE4E5B9

// Lookup returns the ID of w, or 0 when no lexicon knows it. It freezes the
// vocabulary.
func Lookup(w string) ID {
	if len(w) == 1 {
		return single[w[0]]
	}
	Freeze()
	h, head := hash(w)
	mask := uint32(len(slots) - 1)
	for k := (h * 0x9E3779B1) >> shift; ; k = (k + 1) & mask {
		sl := &slots[k]
		if sl.id == 0 {
			return 0
		}
		if sl.head == head && int(sl.n) == len(w) && (len(w) <= 8 || text[offs[sl.id]+8:offs[sl.id+1]] == w[8:]) {
			return sl.id
		}
	}
}

// LookupKey is Lookup of a word held in bytes whose key the caller
// computed with KeyOf; the vocabulary must be frozen (Freeze).
func LookupKey(w []byte, key Key) ID {
	if len(w) == 1 {
		return single[w[0]]
	}
	mask := uint32(len(slots) - 1)
	for k := (key.h * 0x9E3779B1) >> shift; ; k = (k + 1) & mask {
		sl := &slots[k]
		if sl.id == 0 {
			return 0
		}
		if sl.head == key.head && int(sl.n) == len(w) && (len(w) <= 8 || text[offs[sl.id]+8:offs[sl.id+1]] == string(w[8:])) {
			return sl.id
		}
	}
}

// LookupShort is Lookup of a word of n bytes, 1 to 8, given as its head:
// its bytes little-endian in one integer, the rest zero. The text layer
// reads most words so, with one load. The vocabulary must be frozen
// (Freeze).
func LookupShort(head uint64, n int) ID {
	if n == 1 {
		return single[byte(head)]
	}
	h := uint32((uint64(n)*k1 ^ head) * k2 >> 32)
	mask := uint32(len(slots) - 1)
	for k := (h * 0x9E3779B1) >> shift; ; k = (k + 1) & mask {
		sl := &slots[k]
		if sl.id == 0 {
			return 0
		}
		if sl.head == head && int(sl.n) == n {
			return sl.id
		}
	}
}

// Size returns the number of IDs plus one (ID 0): a slice of that length
// can be indexed by any ID. It freezes the vocabulary.
func Size() int {
	Freeze()
	return len(offs) - 1
}

// Word returns the word of id ("" for 0 or an unknown id). It freezes the
// vocabulary.
func Word(id ID) string {
	Freeze()
	if int(id)+1 < len(offs) {
		return text[offs[id]:offs[id+1]]
	}
	return ""
}
