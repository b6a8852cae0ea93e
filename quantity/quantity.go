// Package quantity finds the figures of a news report: numbers in digits
// and in words (four, a dozen, dozens, 1.5 million, 2,250), ordinals (his
// second coup), percentages and money, each with its bound (more than → min,
// up to → max, about → approx) and, for casualty and force figures, a
// normalised category (killed, wounded, troops, personnel, displaced,
// arrested, abducted...) and what is counted ("peacekeepers"). Other figures
// take the counted noun as their category ("four countries" → countries).
//
// It works over the token layer, one sentence at a time, with the word lists
// of data/*.txt. Years, dates, times of day and durations belong to the timex
// stage: numbers inside d.Timexes are skipped, and obvious ones are skipped
// even when that layer is empty. The categories are a contract with the
// events stage; docs/QUANTITIES.md lists them.
package quantity

import (
	"fmt"
	"strings"
	"sync"

	"github.com/dossier-news/dossier/doc"
	"github.com/dossier-news/dossier/vocab"
)

// Stage is the pipeline stage that fills d.Quantities.
type Stage struct{}

// Name returns "quantity".
func (Stage) Name() string { return "quantity" }

// Requires lists the layers the stage reads.
func (Stage) Requires() doc.Layers {
	return doc.LayersOf(doc.LayerTokens, doc.LayerSentences, doc.LayerWords, doc.LayerFlags, doc.LayerTimexes)
}

// Provides lists the layers the stage fills.
func (Stage) Provides() doc.Layers { return doc.LayersOf(doc.LayerQuantities) }

// Process finds the quantities of d, replacing any earlier ones.
func (Stage) Process(d *doc.Document) error {
	x, err := load()
	if err != nil {
		return fmt.Errorf("the quantity data files are broken (a bug in Dossier; fix quantity/data): %w", err)
	}
	d.Quantities = Extract(x, d, d.Quantities[:0])
	return nil
}

// Analyze fills d.Quantities. Broken data files are a bug of the program
// (the tests read them), so it panics on them; the pipeline's Stage.Process
// returns the error instead.
func Analyze(d *doc.Document) {
	x, err := load()
	if err != nil {
		panic(err)
	}
	d.Quantities = Extract(x, d, d.Quantities[:0])
}

// Extract appends the quantities of d to out and returns it. It is exported
// for tests and benchmarks; the pipeline calls Stage.Process.
func Extract(x *Lexicons, d *doc.Document, out []doc.Quantity) []doc.Quantity {
	if len(d.Tokens) == 0 {
		return out
	}
	s := scanPool.Get().(*scan)
	defer s.release()
	s.x, s.d = x, d
	n := len(d.Tokens)
	s.maybeIDs = x.maybeByID()
	s.lows, s.infos = grow(s.lows, n), grow(s.infos, n)
	s.timex = nil
	if len(d.Timexes) > 0 {
		s.timexBuf = grow(s.timexBuf, n)
		s.timex = s.timexBuf
		for _, t := range d.Timexes {
			r := d.TokensIn(t.Span)
			for i := r.First; i < r.End; i++ {
				s.timex[i] = true
			}
		}
	}
	// The quantities are collected in the pooled buffer and appended to out
	// at once: appending them one by one to a new out reallocated it as it
	// grew, and the pipeline's profile showed those copies.
	found := s.found[:0]
	for _, sen := range d.Sentences {
		found = s.sentence(sen.Tokens.First, sen.Tokens.End, found)
	}
	out = append(out, found...)
	clear(found) // the pool must not keep the document's strings alive
	s.found = found[:0]
	return out
}

// scanPool keeps the per-token buffers of a scan from one document to the
// next, so that a batch allocates (and the collector sweeps) less.
var scanPool = sync.Pool{New: func() any { return new(scan) }}

// release hands the scan back to the pool, unless its buffers grew for a
// huge document.
func (s *scan) release() {
	s.x, s.d, s.timex = nil, nil, nil
	if cap(s.lows) <= 1<<16 {
		scanPool.Put(s)
	}
}

// grow returns b with length n and every element zero.
func grow[T any](b []T, n int) []T {
	if cap(b) < n {
		return make([]T, n)
	}
	b = b[:n]
	clear(b)
	return b
}

// Load returns the compiled word lists (for tests and benchmarks).
func Load() (*Lexicons, error) { return load() }

type scan struct {
	x     *Lexicons
	d     *doc.Document
	lows  []string // lower-cased token text, filled on demand
	infos []uint32 // word classes of each token, filled on demand (see info)
	timex []bool   // tokens inside a temporal expression; nil when there are none
	// timexBuf is the pooled storage of timex.
	timexBuf []bool
	lo, hi   int // the current sentence's tokens
	cands    []cand
	maybeIDs []bool         // Lexicons.maybeByID
	found    []doc.Quantity // the document's quantities while Extract finds them
}

// number is a number as written, before its context is read.
type number struct {
	start, end int // tokens
	value      float64
	vague      bool
	ordinal    bool
	year       bool    // four digits that read as a year unless a counted noun follows
	suffix     string  // the word after the hyphen of a compound ("person" in 17,500-person)
	unit, ucat string  // a unit fused to the digits ("5km")
	abbr       float64 // a scale fused to the digits ("2bn"), applied after a currency
	hi         float64 // the high end of a fused range ("10-15"), 0 when none
}

// cand is a quantity being built, with the token positions the sentence
// pass needs to link coordinated figures.
type cand struct {
	q           doc.Quantity
	first, last int // tokens of the whole quantity [first, last)
	head        int // the counted noun, or -1
	headFrom    int // the first noun of a compound ending at head ("aid workers"), or -1
	casualty    bool
	after       bool // the casualty word follows the figure and may govern a coordinated one
	between     bool // "between"/"from" before the figure: the low end of a range
	listed      bool // the category was taken from the figure before it in a list
}

func (s *scan) low(i int) string {
	t := s.d.Tokens[i]
	if t.Flags&(doc.FlagCap|doc.FlagAllCaps) == 0 && t.Kind != doc.Symbol {
		// most tokens are already lower case: no copy, no cache write
		return s.d.Text[t.Start:t.End]
	}
	if t.Kind == doc.Word {
		return s.d.LowerOf(i) // the text layer's lower case: no copy
	}
	if s.lows[i] == "" {
		s.lows[i] = strings.ToLower(s.d.TokenText(i))
	}
	return s.lows[i]
}

func (s *scan) in(i int) bool { return i >= s.lo && i < s.hi }

func (s *scan) word(i int) bool { return s.in(i) && s.d.Tokens[i].Kind == doc.Word }

// Bits of the per-token cache above the word classes of words.txt.
const (
	infoDone   uint32 = 1 << 31
	infoCat    uint32 = 1 << 30 // the word is in categories.txt
	infoNumber uint32 = 1 << 29 // the word is in numbers.txt
)

// info returns the word classes of token i with the infoCat and infoNumber
// bits, looked up once per token: the context rules ask about the same
// tokens many times.
func (s *scan) info(i int) uint32 {
	v := s.infos[i]
	if v&infoDone == 0 {
		w := s.low(i)
		if t := s.d.Tokens[i]; t.Kind == doc.Word && w == s.d.LowerOf(i) {
			// the text layer's word: its vocabulary ID says it
			v = infoDone
			if id := s.d.WordIDs[i]; int(id) < len(s.x.infoByID) {
				v |= s.x.infoByID[id]
			}
			s.infos[i] = v
			return v
		}
		v = uint32(s.x.words[w]) | infoDone
		if _, ok := s.x.cats[w]; ok {
			v |= infoCat
		}
		if _, ok := s.x.numbers[w]; ok {
			v |= infoNumber
		}
		s.infos[i] = v
	}
	return v
}

func (s *scan) is(i int, c uint16) bool { return s.in(i) && s.info(i)&uint32(c) != 0 }

// stopish reports whether token i cannot be a counted noun.
func (s *scan) stopish(i int) bool {
	return !s.word(i) || s.info(i)&uint32(wDet|wPron|wAux|wStop) != 0
}

func (s *scan) cat(i int) (catWord, bool) {
	if !s.word(i) || s.info(i)&infoCat == 0 {
		return catWord{}, false
	}
	c, ok := s.x.cats[s.low(i)]
	return c, ok
}

func (s *scan) numWord(i int) (numWord, bool) {
	if !s.word(i) {
		return numWord{}, false
	}
	n, ok := s.x.numbers[s.low(i)]
	return n, ok
}

func (s *scan) sentence(lo, hi int, out []doc.Quantity) []doc.Quantity {
	s.lo, s.hi = lo, hi
	s.cands = s.cands[:0]
	// Whether parse may find a number at token i: the words and marks for
	// which parse returns nothing are turned away cheaply. The test is
	// inline, on the layers in locals: most tokens stop here, and a call
	// that reloaded every layer through s.d cost more than the test. A word
	// the vocabulary knows has its answer ready: the filter folds the case
	// of ASCII letters, so the lower case answers for it.
	toks, ids, wbits, txt, maybe, tx := s.d.Tokens, s.d.WordIDs, s.d.WordBits, s.d.Text, s.maybeIDs, s.timex
	for i := lo; i < hi; i++ {
		if tx != nil && tx[i] {
			continue
		}
		switch t := &toks[i]; t.Kind {
		case doc.Number:
		case doc.Word:
			if c := txt[t.Start]; c < '0' || c > '9' {
				if id := ids[i]; id != 0 && wbits[i]&doc.WordNonASCII == 0 {
					if int(id) >= len(maybe) || !maybe[id] {
						continue
					}
				} else if !s.x.maybe.has(txt[t.Start:t.End]) {
					continue
				}
			}
		default:
			continue // parse would return nothing: skip building its result
		}
		n, ok := s.parse(i)
		if !ok {
			if n.end > i+1 {
				i = n.end - 1 // read, and not a quantity ("nineteen ninety-six")
			}
			continue
		}
		if s.timex != nil && s.anyTimex(n.start, n.end) {
			i = n.end - 1
			continue
		}
		if c, ok := s.complete(n); ok {
			s.cands = append(s.cands, c)
		}
		i = n.end - 1
	}
	s.link()
	for _, c := range s.cands {
		if !s.d.Flagged(c.q.Span) {
			out = append(out, c.q)
		}
	}
	return out
}

func (s *scan) anyTimex(a, b int) bool {
	for i := a; i < b; i++ {
		if s.timex[i] {
			return true
		}
	}
	return false
}

// maybeByID is maybeNumber.has of every word of the vocabulary, by ID,
// built on first use, once the vocabulary is complete.
func (x *Lexicons) maybeByID() []bool {
	x.maybeOnce.Do(func() {
		x.maybeIDs = vocab.ByWord(func(_ vocab.ID, w string) bool { return x.maybe.has(w) })
	})
	return x.maybeIDs
}
