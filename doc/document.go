package doc

import (
	"slices"
	"sort"
)

// Document is one article: its immutable text, its metadata and its layers.
// Layers are nil until the stage that makes them has run.
type Document struct {
	ID        string
	Text      string
	Title     string
	URL       string
	Published string // ISO 8601 date (or date-time) used as the reference for relative dates; "" when unknown
	// PublishedFrom says where Published came from: "input", "flag", "html",
	// "feed" (the item's date), "warc" (the archive's capture date),
	// "dateline" or "".
	PublishedFrom string
	Source        string // where the document was read from: a path, "stdin", "stdin:3"
	Outlet        string // who published it, when the input says: a feed's title

	Paragraphs []Span
	Tokens     []Token
	Sentences  []Sentence
	Quotations []Quotation
	// Marks holds the role of every token of kind QuoteMark, keyed by token index.
	Marks map[int]QuoteMarkRole
	// Datelines are the datelines that open paragraphs, in text order.
	Datelines []Dateline
	// Lower, LowerOdd, WordIDs and WordBits are a derived cache of the text layer,
	// not an annotation: they are never encoded in JSON. Stages read them
	// instead of lower-casing and hashing tokens each on their own (package
	// vocab says why). LowerOf(i) is the text of word token i as
	// strings.ToLower gives it, and the text as written of any other token.
	// Lower is the text with every word lower-cased in place, so that
	// d.Lower[t.Start:t.End] is LowerOf for a token t, except for the rare
	// word whose lower case has another length in bytes (Turkish İ): those
	// are in LowerOdd, by token index (nil when there is none), and Lower
	// holds them as written. WordIDs[i] is the vocab.ID of a word token's
	// lower-cased text, or 0 when no lexicon knows it or the token is no
	// Word. WordBits[i] holds the Word* facts of a word token's bytes (0 for
	// other tokens), so that stages need not scan them again.
	Lower    string         `json:"-"`
	LowerOdd map[int]string `json:"-"`
	WordIDs  []uint32       `json:"-"`
	WordBits []uint8        `json:"-"`

	Mentions   []Mention
	Entities   []Entity
	Quotes     []Quote
	Timexes    []Timex
	Quantities []Quantity
	Events     []Event
	Flags      []Flag
	Quality    *Quality

	// Story and DuplicateOf are corpus links, set when the document is
	// stored and linked with others (see ../shared/design/OUTPUT.md): the
	// story (real-world happening) it tells, and the id of the earlier
	// stored document it republishes. Empty outside a corpus.
	Story       string
	DuplicateOf string

	// Warnings are problems with the input that were repaired, such as
	// invalid UTF-8 replaced by U+FFFD. They are reported, never hidden.
	Warnings []string

	flags *flagIndex // built by the first Flagged question (flags.go)
}

// Facts of a word token's bytes, in Document.WordBits.
const (
	WordUpper    uint8 = 1 << iota // an ASCII capital letter
	WordHyphen                     // a hyphen-minus (-)
	WordNonASCII                   // a byte outside ASCII: an accent, a curly apostrophe...
)

// PooledTokens is the largest document, in tokens, whose per-token buffers a
// stage keeps in its pool for the next document: a huge document's buffers
// go to the garbage collector instead, so that they neither add up across
// the stages while it is analysed nor hold its memory for the rest of a run.
const PooledTokens = 1 << 18

// New makes a document over text. The text must already be valid UTF-8 (the
// readers in package source check and repair it).
func New(id, text string) *Document { return &Document{ID: id, Text: text} }

// Slice returns the text a span covers.
func (d *Document) Slice(s Span) string {
	if s.Start < 0 || s.End > len(d.Text) || s.Start > s.End {
		return ""
	}
	return d.Text[s.Start:s.End]
}

// LowerOf returns the text of word token i lower-cased, as strings.ToLower
// gives it, and the text of any other token as written, from the text
// layer's Lower (see there).
func (d *Document) LowerOf(i int) string {
	t := &d.Tokens[i]
	if d.LowerOdd != nil {
		if s, ok := d.LowerOdd[i]; ok {
			return s
		}
	}
	return d.Lower[t.Start:t.End]
}

// TokenText returns the text of token i.
func (d *Document) TokenText(i int) string { return d.Text[d.Tokens[i].Start:d.Tokens[i].End] }

// TokenAt returns the index of the first token whose end lies after offset,
// or len(d.Tokens) when there is none. It is a binary search over the token
// layer, so stages can turn byte offsets into token positions cheaply.
func (d *Document) TokenAt(offset int) int {
	lo, hi := 0, len(d.Tokens)
	for lo < hi {
		m := int(uint(lo+hi) >> 1)
		if d.Tokens[m].End <= offset {
			lo = m + 1
		} else {
			hi = m
		}
	}
	return lo
}

// TokensIn returns the range of tokens lying wholly inside s.
func (d *Document) TokensIn(s Span) Range {
	i := d.TokenAt(s.Start)
	for i < len(d.Tokens) && d.Tokens[i].Start < s.Start {
		i++
	}
	j := i
	for j < len(d.Tokens) && d.Tokens[j].End <= s.End {
		j++
	}
	return Range{i, j}
}

// SentenceOf returns the index of the sentence holding token i, or -1.
func (d *Document) SentenceOf(tok int) int {
	lo, hi := 0, len(d.Sentences)
	for lo < hi {
		m := int(uint(lo+hi) >> 1)
		if d.Sentences[m].Tokens.End <= tok {
			lo = m + 1
		} else {
			hi = m
		}
	}
	if lo < len(d.Sentences) && d.Sentences[lo].Tokens.First <= tok {
		return lo
	}
	return -1
}

// SentenceAt returns the index of the sentence holding byte offset, or -1.
func (d *Document) SentenceAt(offset int) int {
	lo, hi := 0, len(d.Sentences)
	for lo < hi {
		m := int(uint(lo+hi) >> 1)
		if d.Sentences[m].End <= offset {
			lo = m + 1
		} else {
			hi = m
		}
	}
	if lo < len(d.Sentences) && d.Sentences[lo].Start <= offset {
		return lo
	}
	return -1
}

// Evidence returns how far the text of span s can be trusted: the lowest
// Quality of the sentences it overlaps (0 when none was judged), and
// whether one of those sentences carries a flag of debris or an mt_suspect
// flag. Facts report it so that a user can filter on it.
func (d *Document) Evidence(s Span) (quality float32, suspect bool) {
	// the first sentence ending after s starts
	si, hi := 0, len(d.Sentences)
	for si < hi {
		m := int(uint(si+hi) >> 1)
		if d.Sentences[m].End <= s.Start {
			si = m + 1
		} else {
			hi = m
		}
	}
	for ; si < len(d.Sentences) && d.Sentences[si].Start < max(s.End, s.Start+1); si++ {
		st := d.Sentences[si]
		if q := st.Quality; q > 0 && (quality == 0 || q < quality) {
			quality = q
		}
		suspect = suspect || d.Flagged(st.Span) || d.FlaggedAs(st.Span, FlagSuspect)
	}
	return quality, suspect
}

// FlaggedAs reports whether s overlaps a flag of one of the kinds.
func (d *Document) FlaggedAs(s Span, kinds ...FlagKind) bool {
	// through the flag index (flags.go), as Flagged: from the last flag
	// starting before s ends, back while an earlier one can still reach s
	x := d.flagIdx()
	k := sort.Search(len(x.all), func(k int) bool { return d.Flags[x.all[k]].Start >= s.End })
	for k--; k >= 0 && x.allReach[k] > s.Start; k-- {
		if f := &d.Flags[x.all[k]]; f.Overlaps(s) && slices.Contains(kinds, f.Kind) {
			return true
		}
	}
	return false
}

// Warn records a repaired input problem.
func (d *Document) Warn(msg string) { d.Warnings = append(d.Warnings, msg) }
