// What the analyzer knows of each token: its word classes, its case, and
// whether the word is written in lower case elsewhere in the document.

package actors

import (
	"strings"
	"sync"

	"github.com/dossier-news/dossier/doc"
	"github.com/dossier-news/dossier/internal/work"
	"github.com/dossier-news/dossier/vocab"
)

// token classes of the classify pass
const (
	cNone  uint8 = iota
	cLex         // inside a lexicon phrase (hitOf gives which)
	cTitle       // a title word
	cName        // inside a run of capitalised words that may be a name
	cPron        // a pronoun
)

// lower computes once the normalised text of every token (lower case,
// straight apostrophes) and its lexicon flags.
//
// The text layer's lower case (d.Lower) is the normalised text of every
// word without a curly apostrophe, and its vocabulary ID gives the word's
// flags without a look-up; only words with a curly apostrophe, and the rare
// word whose lower case has another length, are normalised here, into the
// arena, and looked up in the map on first need (is).
func (a *analyzer) lower() {
	d := a.d
	arena := a.arena[:0]
	// the filter of the lower-case words (lowerElsewhere) is filled here
	clear(a.lowerBits[:])
	byID, lh := lex.infoByID, lowerHashes()
	var pendBuf [16]int32
	pending := pendBuf[:0] // lower-case words whose normalised text is in the arena
	// a.info and a.aoff are all zero (grow): aoff 0 is no arena text
	// The layers in locals, resliced to the token count: the compiler then
	// drops their bounds checks and keeps them out of memory.
	toks := d.Tokens
	n := len(toks)
	wbits, ids, info := d.WordBits[:n], d.WordIDs[:n], a.info[:n]
	low := d.Lower
	for i := range toks {
		t := &toks[i]
		if t.Kind != doc.Word {
			continue
		}
		// the text layer read the bytes: only a word outside ASCII is
		// scanned again, for its curly apostrophes
		b := wbits[i]
		var v uint16
		if b&doc.WordHyphen != 0 {
			v = wHyphen
		}
		capd := t.Has(doc.FlagCap)
		if b&doc.WordNonASCII != 0 {
			_, _, curly, other := scanWord(d.Text, t.Start, t.End)
			if _, odd := d.LowerOdd[i]; curly || other && odd {
				w := norm(d.Text[t.Start:t.End])
				a.aoff[i] = int32(len(arena)) + 1
				a.alen[i] = int32(len(w))
				arena = append(arena, w...)
				info[i] = v
				if !capd {
					pending = append(pending, int32(i))
				}
				continue
			}
		}
		// the text layer's word: its vocabulary ID gives its flags at once,
		// and wSkip says exactly that it has none of wFiltered
		var f uint16
		if id := ids[i]; int(id) < len(byID) {
			f = byID[id]
		}
		v |= f | wDone
		if f&wFiltered == 0 {
			v |= wSkip
		}
		info[i] = v
		if !capd {
			// an ASCII word's lower case is its vocabulary word, whose
			// filter place is ready by ID
			var h uint32
			if id := ids[i]; id != 0 && b&doc.WordNonASCII == 0 && int(id) < len(lh) {
				h = lh[id]
			} else {
				h = lowerHash(low[t.Start:t.End])
			}
			a.lowerBits[h/64] |= 1 << (h % 64)
		}
	}
	a.arena = arena
	a.all = ""
	if len(arena) > 0 {
		a.all = string(arena)
	}
	for _, i := range pending {
		a.markLower(int(i), a.low(int(i)))
	}
}

// scanWord looks once at the letters of the word text[start:end]: whether
// it has capitals, hyphens, curly apostrophes (’) and other bytes outside
// ASCII (accents, which take norm's route). A word of eight bytes or fewer
// in ASCII, the common case, is read as one 64-bit word.
func scanWord(text string, start, end int) (upper, hyphen, curly, other bool) {
	const lo, hi = 0x0101010101010101, 0x8080808080808080
	if n := end - start; n > 0 && n <= 8 && start+8 <= len(text) {
		b := text[start : start+8]
		x := uint64(b[0]) | uint64(b[1])<<8 | uint64(b[2])<<16 | uint64(b[3])<<24 |
			uint64(b[4])<<32 | uint64(b[5])<<40 | uint64(b[6])<<48 | uint64(b[7])<<56
		x &= ^uint64(0) >> (64 - 8*n) // the word's bytes; the rest are zero, which match nothing below
		if x&hi == 0 {
			h := x ^ ('-' * lo)
			hyphen = (h-lo)&^h&hi != 0 // some byte is '-'
			// bytes from 'A' (0x41) to 'Z' (0x5A): adding 0x3F sets the top bit
			// from 'A' up, adding 0x25 from '[' (0x5B) up; no byte carries
			upper = (x+0x3F*lo)&^(x+0x25*lo)&hi != 0
			return
		}
	}
	for k := start; k < end; k++ {
		switch c := text[k]; {
		case c >= 'A' && c <= 'Z':
			upper = true
		case c == '-':
			hyphen = true
		case c == 0xE2 && k+2 < end && text[k+1] == 0x80 && text[k+2] == 0x99:
			curly = true
			k += 2
		case c >= 0x80:
			other = true
		}
	}
	return
}

// markLower enters the lower-case word w of token i in the lower-case
// filter, and marks it wSkip when the flag filter says it is no title, group
// noun, pronoun or lower-case phrase.
func (a *analyzer) markLower(i int, w string) {
	l := lowerHash(w)
	a.lowerBits[l/64] |= 1 << (l % 64)
	if h := filterIndex(w); filteredBits[h/64]&(1<<(h%64)) == 0 {
		a.info[i] |= wSkip
	}
}

func (a *analyzer) txt(i int) string { return a.d.TokenText(i) }

func (a *analyzer) low(i int) string {
	if o := a.aoff[i] - 1; o >= 0 {
		return a.all[o : o+a.alen[i]]
	}
	t := a.d.Tokens[i]
	return a.d.Lower[t.Start:t.End] // other tokens are as written there
}

// is reports whether token i is a word with any of the lexicon flags f.
//
// The flags of a word are looked up on first need: most words are asked only
// whether they are a title, a group noun or a pronoun, and a small filter
// answers that without a look-up (wSkip).
func (a *analyzer) is(i int, f uint16) bool {
	if i < 0 || i >= len(a.info) {
		return false
	}
	v := a.info[i]
	if v&wDone == 0 {
		if v&wSkip != 0 && f&^(wFiltered|wHyphen) == 0 {
			return v&f != 0
		}
		if a.d.Tokens[i].Kind != doc.Word {
			return false
		}
		if a.aoff[i] == 0 {
			// the text layer's word: its vocabulary ID says it
			if id := a.d.WordIDs[i]; int(id) < len(lex.infoByID) {
				v |= lex.infoByID[id]
			}
		} else {
			v |= lex.info[a.low(i)]
		}
		v |= wDone
		a.info[i] = v
	}
	return v&f != 0
}

func (a *analyzer) isWord(i int) bool {
	return i >= 0 && i < len(a.d.Tokens) && a.d.Tokens[i].Kind == doc.Word
}

func (a *analyzer) isCap(i int) bool {
	return a.isWord(i) && a.d.Tokens[i].Has(doc.FlagCap)
}

func isPossessive(s string) bool {
	return s == "’s" || s == "'s" || s == "’S" || s == "'S"
}

// initial reports whether token i opens its sentence or a quotation, where
// a capital letter is no evidence of a name.
func (a *analyzer) initial(i, first int) bool {
	if a.d.Tokens[i].Has(doc.FlagLineStart) {
		return true
	}
	for k := i - 1; k >= first; k-- {
		t := a.d.Tokens[k]
		switch t.Kind {
		case doc.QuoteMark:
			if r, ok := a.d.Marks[k]; ok && r == doc.MarkOpen {
				return true
			}
			continue
		case doc.Punct:
			s := a.txt(k)
			if s == ":" || s == "(" || s == "—" || s == "–" || s == "-" || s == "•" {
				return true
			}
			continue
		case doc.Number:
			return false
		}
		return false
	}
	return true
}

func (a *analyzer) caseOK(e *entry, i, n int, anyCase bool) bool {
	if anyCase {
		return true
	}
	if e.exact {
		for k := i; k < i+n; k++ {
			t := a.d.Tokens[k]
			if !t.Has(doc.FlagAllCaps) && !strings.EqualFold(a.txt(k), "of") && len(a.txt(k)) > 1 {
				// single capitals and digits ("G7") pass below
				if !t.Has(doc.FlagCap) || hasLower(a.txt(k)) {
					return false
				}
			}
		}
		return true
	}
	c := a.txt(i)
	if c != "" && c[0] >= 'a' && c[0] <= 'z' && !e.lowerStart {
		return false // only a phrase written in lower case in the data ("al-Qaeda") may start so
	}
	for k := 0; k < n && k < 32; k++ {
		if e.capMask&(1<<k) != 0 && !a.d.Tokens[i+k].Has(doc.FlagCap) {
			return false
		}
	}
	return true
}

func hasLower(s string) bool {
	for _, r := range s {
		if r >= 'a' && r <= 'z' {
			return true
		}
	}
	return false
}

// lowerElsewhere reports whether the word of token i is written in lower
// case anywhere in the document. The filter answers most words; the others
// look in the set of the document's lower-case words, built on the first
// such question, so that the cost stays linear however many sentences
// start with a word the filter lets through.
func (a *analyzer) lowerElsewhere(i int) bool {
	w := a.low(i)
	if w == "" {
		return false
	}
	if h := lowerHash(w); a.lowerBits[h/64]&(1<<(h%64)) == 0 {
		return false
	}
	if a.lowerSet == nil {
		a.lowerSet = make(map[string]struct{})
		work.Add(len(a.d.Tokens))
		for k, t := range a.d.Tokens {
			if t.Kind == doc.Word && !t.Has(doc.FlagCap) {
				a.lowerSet[a.txt(k)] = struct{}{}
			}
		}
	}
	_, ok := a.lowerSet[w]
	return ok
}

// lowerHash places a word in the lower-case filter by its length and first,
// second and last letters (filterIndex, mixed down to the filter's size):
// no loop over the word.
// lowerHashes returns lowerHash of every vocabulary word, by ID, built on
// first use, once the vocabulary is complete.
var lowerHashes = sync.OnceValue(func() []uint32 {
	return vocab.ByWord(func(_ vocab.ID, w string) uint32 { return lowerHash(w) })
})

func lowerHash(w string) uint32 { return (filterIndex(w) * 0x9E3779B1) >> (32 - lowerLog) }

// The lower-case filter has 2^14 bits (2 KB, cleared for every document):
// a few hundred lower-case words a document leave most bits clear, and a
// false hit costs only a scan of the tokens.
const (
	lowerLog  = 14
	lowerSize = 1 << lowerLog
)

// label reports whether a run is a speaker's label in a transcript:
// "WALLACE: Let's start with ...".
func (a *analyzer) label(ch chunk) bool {
	k := ch.end
	return ch.end-ch.first == 1 && a.d.Tokens[ch.first].Has(doc.FlagAllCaps) && k < len(a.d.Tokens) && a.txt(k) == ":" && len(a.txt(ch.first)) > 2
}
