// Package gold reads the gold annotations that sit beside the project
// (../shared/gold, described in its README): the formats that training
// commands, the scorer (package score) and gold-data tests decode, and the
// span convention of score.py's exact_* measures (ExactTrim).
package gold

import "strings"

// Span is a gold span: UTF-8 byte offsets into the document's text.
type Span struct {
	Start int `json:"start"`
	End   int `json:"end"`
}

// Attribution is one PolNeAR attribution; each role may be several spans
// (discontinuous) or none.
type Attribution struct {
	Source  []Span `json:"source"`
	Cue     []Span `json:"cue"`
	Content []Span `json:"content"`
}

// PolNeARDoc is one line of polnear/train.jsonl or dev.jsonl.
type PolNeARDoc struct {
	ID           string        `json:"id"`
	Text         string        `json:"text"`
	Attributions []Attribution `json:"attributions"`
}

// EachPolNeAR calls fn for every document of a PolNeAR JSON Lines file, in
// file order, and stops at fn's first error. An error opening the file is
// returned as it is (callers say what to pass instead); a line that does
// not decode is an error naming the file and the line.
func EachPolNeAR(path string, fn func(PolNeARDoc) error) error {
	return Each(path, fn)
}

// ExactTrim returns [start, end) of text without the blanks, quotation
// marks and edge punctuation that score.py trims from a span before its
// exact_* measures compare spans, with start == end when nothing is left.
func ExactTrim(text string, start, end int) (int, int) {
	const cut = " \t\n\"“”‘’'.,;:"
	t := text[start:end]
	l := len(t) - len(strings.TrimLeft(t, cut))
	r := len(strings.TrimRight(t, cut))
	if r <= l {
		return start, start
	}
	return start + l, start + r
}
