package text

import (
	"unicode"
	"unicode/utf8"

	"github.com/dossier-news/dossier/doc"
)

// markShape is what a quotation mark looks like from its neighbours, before
// pairing decides its role.
type markShape uint8

const (
	shapeOpen     markShape = iota // space (or start) before, text after
	shapeClose                     // text before, space or punctuation after
	shapeFloating                  // space on both sides
	shapeInner                     // text on both sides
)

func shapeOf(s string, t doc.Token) markShape {
	before, after := true, true // "space" on that side
	if t.Start > 0 {
		r, _ := utf8.DecodeLastRuneInString(s[:t.Start])
		before = isSpace(r) || isOpenPunct(r)
	}
	if t.End < len(s) {
		r, w := utf8.DecodeRuneInString(s[t.End:])
		after = isSpace(r) || (unicode.IsPunct(r) && !isOpenPunct(r)) || isQuoteRune(r)
		// '.gov', ".5 percent": a period that starts a word is text, not
		// the punctuation that follows a closing mark.
		if (r == '.' || r == ',') && t.End+w < len(s) {
			if r2, _ := utf8.DecodeRuneInString(s[t.End+w:]); isWordRune(r2) {
				after = false
			}
		}
	}
	switch {
	case before && !after:
		return shapeOpen
	case !before && after:
		return shapeClose
	case before && after:
		return shapeFloating
	}
	return shapeInner
}

func isOpenPunct(r rune) bool {
	switch r {
	case '(', '[', '{', '—', '–', '-', '/', '“', '‘', '«', '„', '"', '\'', ':':
		return true
	}
	return false
}

type openMark struct {
	tok    int
	double bool
	r      rune
}

// PairQuotes pairs the quotation marks of d within each paragraph and fills
// d.Marks and d.Quotations. It needs the token and paragraph layers.
// Unbalanced or mismatched marks are recovered where the structure is clear
// ("“ ... ‘ said" closes the double quotation at the stray single mark) and
// recorded on the Quotation, so that later stages can flag them. A quotation
// never runs past the end of its paragraph: a paragraph that ends inside one
// is Continued when the next paragraph opens with a quotation mark (the news
// convention), and Unclosed otherwise.
//
// It is long because it is one state machine over the quotation marks of a
// paragraph, whose states share the open-mark stack.
func PairQuotes(d *doc.Document) {
	s := d.Text
	d.Marks = map[int]doc.QuoteMarkRole{}
	d.Quotations = d.Quotations[:0]
	ti := 0
	for pi, p := range d.Paragraphs {
		for ti < len(d.Tokens) && d.Tokens[ti].Start < p.Start {
			ti++
		}
		var dbl, sgl *openMark
		open := func(m *openMark) doc.Span {
			t := d.Tokens[m.tok]
			return t.Span
		}
		closeQ := func(m *openMark, closeTok int, mismatched bool) {
			o := open(m)
			c := d.Tokens[closeTok].Span
			d.Marks[m.tok] = doc.MarkOpen
			d.Marks[closeTok] = doc.MarkClose
			d.Quotations = append(d.Quotations, doc.Quotation{Open: o, Close: c, Content: doc.Span{Start: o.End, End: c.Start}, Mismatched: mismatched})
		}
		end := ti
		for end < len(d.Tokens) && d.Tokens[end].End <= p.End {
			end++
		}
		for k := ti; k < end; k++ {
			if d.Tokens[k].Kind != doc.QuoteMark {
				continue // most tokens: not copied
			}
			t := d.Tokens[k]
			r, w := utf8.DecodeRuneInString(s[t.Start:])
			shape := shapeOf(s, t)
			if t.End-t.Start > w { // a doubled mark: '' ’’ ‘‘ ``
				switch r {
				case '‘', '`':
					r = '“'
				case '’':
					r = '”'
				default:
					r = '"'
				}
			}
			switch r {
			case '“', '„', '«', '‟':
				if dbl != nil { // an earlier quotation never closed: leave it unpaired
					d.Marks[dbl.tok] = doc.MarkUnpaired
				}
				dbl = &openMark{k, true, r}
			case '”', '»', '″':
				if dbl != nil {
					if sgl != nil && sgl.tok > dbl.tok {
						d.Marks[sgl.tok] = doc.MarkUnpaired
						sgl = nil
					}
					closeQ(dbl, k, false)
					dbl = nil
				} else {
					d.Marks[k] = doc.MarkUnpaired
				}
			case '"':
				switch {
				case dbl != nil && (shape == shapeClose || shape == shapeFloating || shape == shapeInner):
					closeQ(dbl, k, false)
					dbl = nil
				case dbl == nil && (shape == shapeOpen || shape == shapeInner || shape == shapeFloating && k+1 < end):
					dbl = &openMark{k, true, r}
				case dbl != nil && shape == shapeOpen:
					d.Marks[dbl.tok] = doc.MarkUnpaired
					dbl = &openMark{k, true, r}
				default:
					d.Marks[k] = doc.MarkUnpaired
				}
			case '‘', '‚', '‹':
				if shape == shapeFloating && dbl != nil && sgl == nil {
					// “ ... ‘ said: a damaged closing mark
					closeQ(dbl, k, true)
					dbl = nil
					continue
				}
				if sgl != nil {
					d.Marks[sgl.tok] = doc.MarkUnpaired
				}
				sgl = &openMark{k, false, r}
			case '’', '\'', '›':
				switch {
				case sgl != nil && shape != shapeOpen:
					closeQ(sgl, k, false)
					sgl = nil
				case shape == shapeOpen && r != '’':
					sgl = &openMark{k, false, r}
				case shape == shapeOpen && r == '’':
					// a misused right mark as opener (’Tis aside): treat as an opener
					sgl = &openMark{k, false, r}
				case dbl != nil && shape == shapeFloating:
					closeQ(dbl, k, true)
					dbl = nil
				default:
					d.Marks[k] = doc.MarkApostrophe
				}
			default:
				d.Marks[k] = doc.MarkUnpaired
			}
		}
		if sgl != nil {
			d.Marks[sgl.tok] = doc.MarkUnpaired
		}
		if dbl != nil {
			o := open(dbl)
			q := doc.Quotation{Open: o, Content: doc.Span{Start: o.End, End: p.End}}
			if pi+1 < len(d.Paragraphs) && opensWithQuote(d, pi+1) {
				q.Continued = true
			} else {
				q.Unclosed = true
			}
			d.Marks[dbl.tok] = doc.MarkOpen
			d.Quotations = append(d.Quotations, q)
		}
		ti = end
	}
	sortQuotations(d.Quotations)
}

func opensWithQuote(d *doc.Document, pi int) bool {
	p := d.Paragraphs[pi]
	r, _ := utf8.DecodeRuneInString(d.Text[p.Start:])
	switch r {
	case '“', '"', '„', '«', '‘', '\'':
		return true
	}
	return false
}

func sortQuotations(q []doc.Quotation) {
	// insertion sort: quotations arrive nearly in order (inner ones close first)
	for i := 1; i < len(q); i++ {
		for j := i; j > 0 && q[j].Open.Start < q[j-1].Open.Start; j-- {
			q[j], q[j-1] = q[j-1], q[j]
		}
	}
}
