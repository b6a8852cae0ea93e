// Package doc is Dossier's document model: one immutable text and the layers
// of annotation laid over it. Every annotation is a Span of UTF-8 byte offsets
// into Document.Text (end exclusive), in the manner of go/token positions: the
// text is owned once, and layers only point into it. Stages add layers; none
// of them changes the text or re-reads it by a second route.
package doc

// Span is a half-open range [Start, End) of UTF-8 byte offsets into a
// document's text.
type Span struct {
	Start int `json:"start"`
	End   int `json:"end"`
}

// Len is the span's length in bytes.
func (s Span) Len() int { return s.End - s.Start }

// Contains reports whether o lies wholly inside s.
func (s Span) Contains(o Span) bool { return s.Start <= o.Start && o.End <= s.End }

// Overlaps reports whether s and o share at least one byte.
func (s Span) Overlaps(o Span) bool { return s.Start < o.End && o.Start < s.End }

// IsZero reports whether the span is the empty span at offset 0, which the
// model uses to mean "absent".
func (s Span) IsZero() bool { return s.Start == 0 && s.End == 0 }

// TokenKind classifies a token.
type TokenKind uint8

// Token kinds. A token's kind is decided once by the tokenizer; later stages
// read it instead of looking at bytes again.
const (
	Word      TokenKind = iota // letters, possibly with digits, hyphens, apostrophes, or an abbreviation's dots
	Number                     // digits with optional thousands separators and a decimal part; "17,500-person" is a Word
	Punct                      // punctuation other than quotation marks, including dashes and ellipses
	QuoteMark                  // a quotation mark or an apostrophe standing alone: “ ” ‘ ’ " ' « » „
	Symbol                     // currency signs, %, &, and other symbols
)

var tokenKindNames = [...]string{"word", "number", "punct", "quote", "symbol"}

func (k TokenKind) String() string {
	if int(k) < len(tokenKindNames) {
		return tokenKindNames[k]
	}
	return "unknown"
}

// Token flags: facts about a token that the tokenizer knows cheaply.
const (
	FlagAbbrev     uint8 = 1 << iota // a word ending in an abbreviation's period ("Mr.", "U.S.")
	FlagCap                          // the first letter is upper case
	FlagAllCaps                      // every letter is upper case (at least two letters)
	FlagLineStart                    // the first token on its line
	FlagSpaceAfter                   // white space follows the token
	FlagInitial                      // a single capital letter and a period ("J.")
)

// Token is one token of the text layer.
type Token struct {
	Span
	Kind  TokenKind
	Flags uint8
}

// Has reports whether the token carries every flag in f.
func (t Token) Has(f uint8) bool { return t.Flags&f == f }

// Sentence is a span of text with the range of its tokens and the paragraph
// it belongs to.
type Sentence struct {
	Span
	Para   int // index into Document.Paragraphs
	Tokens Range
	// Quality is how much the sentence reads like fluent English written by
	// a person, from 0.001 (garbled) to 1, as the quality stage judged it;
	// 0 when no one judged it.
	Quality float32
	// Headline is true for a line written in capitals or title case (a
	// headline, a heading, a caption), where capitals say nothing of names
	// and verbs are capitalised; the text layer decides it (text.News).
	Headline bool
}

// Range is a half-open range of indexes into a layer (tokens, mentions).
type Range struct {
	First int `json:"first"`
	End   int `json:"end"`
}

// Len is the number of items in the range.
func (r Range) Len() int { return r.End - r.First }

// QuoteMarkRole says what a quotation mark does in the text.
type QuoteMarkRole uint8

// Quotation mark roles, as decided by the quotation pass of the text layer.
const (
	// MarkNone is the zero value: what d.Marks gives for a token that is not
	// a quotation mark, so a lookup of any token never reads as MarkOpen.
	MarkNone       QuoteMarkRole = iota
	MarkOpen                     // opens a quotation
	MarkClose                    // closes a quotation
	MarkApostrophe               // an apostrophe (elision or possessive), not a quotation mark
	MarkUnpaired                 // a quotation mark that nothing matches
)

// Quotation is a stretch of quoted text found by pairing quotation marks.
type Quotation struct {
	Open, Close Span // the marks; Close is zero when the quotation runs on without one
	Content     Span // what the marks enclose
	// Continued is true when the quotation's paragraph ends without a closing
	// mark and the next paragraph opens with one: the news convention for a
	// quotation that runs over several paragraphs.
	Continued bool
	// Mismatched is true when the marks do not belong together (“ closed by ‘).
	Mismatched bool
	// Unclosed is true when no closing mark was found before the paragraph ended.
	Unclosed bool
}
