package actors

import (
	"strings"
	"sync"

	"github.com/dossier-news/dossier/doc"
)

type hit struct {
	first, end int // tokens
	e          *entry
	used       bool // taken into a person's prefix
}

type chunk struct {
	first, end int // tokens
	org        bool
	weak       bool // sentence-initial or headline: may be an ordinary word
	sent       int
}

// cand is a candidate mention before resolution.
type cand struct {
	first, end int // tokens of the whole mention
	nFirst     int // where the name proper starts (after titles)
	typ, kind  string
	canon      string
	role       string
	roleKey    string
	affil      string
	gender     byte
	weak       bool
	verbAfter  bool
	newRole    bool // the role was taken up here ("became president"): it replaces the old one
	guessed    bool // typed PERSON for want of evidence: a later ORG may retype it
	pron       pronoun
	sent       int
	entity     int
	drop       bool
}

type analyzer struct {
	d      *doc.Document
	cls    []uint8
	hitOf  []int32
	hits   []hit
	chunks []chunk
	cands  []cand
	sentOf []int32 // token -> sentence
	heads  []bool  // sentence is a headline
	ents   []*ent
	all    string   // the arena as a string: normalised texts of the words that change
	alen   []int32  // token -> length of its normalised text in all
	info   []uint16 // lexicon flags of word tokens
	keyBuf []byte   // phrase keys being looked up
	arena  []byte   // lower-cased capitalised tokens
	aoff   []int32  // token -> 1 + offset in arena, or 0 when its text is the text layer's

	lowerBits [lowerSize / 64]uint64 // filter of the lower-case words (lowerElsewhere), filled by lower
	lowerSet  map[string]struct{}    // the lower-case words as written, built on lowerElsewhere's first need
	idx       resolverIndex          // the resolver's look-ups by key (index.go)
	idxBuf    []int32

	// the resolver's state
	byKey     map[entKey]int
	tokBuf    []string
	pieces    []piece
	bySurname map[string]int
	byName    map[uint64]int // people by the hash of their name's words
	exactOnly bool           // no near spellings (inside headline runs)
	byFirst   map[string]int
	seen      []seen
	order     []int
	keys      []uint64 // sortCands' buffer
	entSlab   []*ent   // entities of earlier documents, reused with their slices
	refs      []mref   // emit's buffers
	newID     []int
	counts    []int
}

// pool keeps analyzers between documents, so that their slices and maps
// are allocated once per worker rather than once per document.
var pool = sync.Pool{New: func() any {
	return &analyzer{byName: map[uint64]int{}, byKey: map[entKey]int{}, bySurname: map[string]int{}, byFirst: map[string]int{}}
}}

func grow[T any](s []T, n int) []T {
	if cap(s) < n {
		return make([]T, n)
	}
	s = s[:n]
	clear(s)
	return s
}

func newAnalyzer(d *doc.Document) *analyzer {
	a := pool.Get().(*analyzer)
	n := len(d.Tokens)
	a.d = d
	a.lowerSet = nil
	a.idx.reset()
	a.cls = grow(a.cls, n)
	a.hitOf = grow(a.hitOf, n)
	a.sentOf = grow(a.sentOf, n)
	a.alen = grow(a.alen, n)
	a.info = grow(a.info, n)
	a.aoff = grow(a.aoff, n)
	a.hits, a.chunks, a.cands, a.heads, a.seen, a.order = a.hits[:0], a.chunks[:0], a.cands[:0], a.heads[:0], a.seen[:0], a.order[:0]
	clear(a.ents)
	a.ents = a.ents[:0]
	clear(a.byKey)
	clear(a.bySurname)
	clear(a.byName)
	clear(a.byFirst)
	// in locals of the token count: no bounds checks, no reloads through a
	hitOf, sentOf := a.hitOf[:n], a.sentOf[:n]
	for i := range hitOf {
		hitOf[i] = -1
		sentOf[i] = -1
	}
	a.lower()
	for si, s := range d.Sentences {
		for i := s.Tokens.First; i < s.Tokens.End && i < n; i++ {
			sentOf[i] = int32(si)
		}
	}
	return a
}

// release returns a to the pool.
func (a *analyzer) release() {
	a.d = nil
	a.lowerSet = nil
	if cap(a.cls) > doc.PooledTokens {
		return // a huge document's buffers are not kept for the next one
	}
	pool.Put(a)
}

// sentence ranges: when the text layer made no sentences, the whole text is one.
func (a *analyzer) sentences() []doc.Sentence {
	if len(a.d.Sentences) > 0 {
		return a.d.Sentences
	}
	n := len(a.d.Tokens)
	return []doc.Sentence{{Span: doc.Span{Start: 0, End: len(a.d.Text)}, Tokens: doc.Range{First: 0, End: n}}}
}

// piece is one element of the words before a name.
type piece struct {
	first, end int
	kind       uint8 // 't' title, 'l' lexicon, 'p' possessive, 'f' function word
	hit        int
}

// candidates turns the classified tokens into candidate mentions.
func (a *analyzer) candidates() {
	sents := a.sentences()
	for ci := range a.chunks {
		ch := a.chunks[ci]
		a.nameCand(ch, sents[ch.sent].Tokens.First)
	}
	// the layers in locals: the candidates below only store into their
	// elements, and a.cls[k] reloads the slice from a on every token
	cls, info, ids := a.cls, a.info, a.d.WordIDs
	for si, s := range sents {
		for k := s.Tokens.First; k < s.Tokens.End; k++ {
			if cls[k] == cNone && info[k]&wSkip == 0 && a.is(k, wGroup) {
				a.groupCand(k, s.Tokens.First, si)
			}
		}
	}
	for hi := range a.hits {
		a.hitCand(hi)
	}
	for si, s := range sents {
		for k := s.Tokens.First; k < s.Tokens.End; k++ {
			switch cls[k] {
			case cPron:
				p := lex.pronouns[a.low(k)]
				a.cands = append(a.cands, cand{first: k, end: k + 1, nFirst: k, kind: "pronoun", typ: "PERSON", pron: p, sent: si, entity: -1, verbAfter: a.verbAfter(k + 1)})
			case cTitle:
				if tw := lex.titles[a.low(k)]; tw.class == tHead {
					if j := a.roleCand(k, s.Tokens.First, s.Tokens.End, si); j > k {
						k = j - 1
					}
				} else if tw.class == tMod {
					a.nominalCand(k, s.Tokens.First, si) // "the ministry"
				}
			case cNone:
				// low(k-1) is "the" or "this" exactly when the vocabulary ID
				// says so: no other token's normalised text spells them
				if k > s.Tokens.First && (ids[k-1] == idThe || ids[k-1] == idThis) {
					a.nominalCand(k, s.Tokens.First, si) // it needs the determiner
				}
			}
		}
	}
}

func (a *analyzer) verbAfter(k int) bool {
	// an adverb may stand between: "Diop also said"
	for n := 0; n < 2 && a.isWord(k); n++ {
		if a.is(k, wVerb) {
			return true
		}
		low := a.low(k)
		if !strings.HasSuffix(low, "ly") && low != "also" && low != "then" && low != "again" {
			return false
		}
		k++
	}
	return false
}
