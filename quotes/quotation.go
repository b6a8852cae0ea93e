// Quotations that run on: content carried over following paragraphs and
// back to where its quotation opened.

package quotes

import (
	"sort"

	"github.com/dossier-news/dossier/doc"
)

// extendContinued stretches content ending at the end of a paragraph inside
// a quotation that the next paragraphs continue.
func (c *ctx) extendContinued(ts, te int) int {
	if ts < 0 || te <= ts {
		return te
	}
	qi := c.inQ[te-1]
	if qi < 0 && te < len(c.inQ) {
		qi = c.inQ[te-1]
	}
	if qi < 0 {
		return te
	}
	qs := c.d.Quotations
	for int(qi) < len(qs) && qs[qi].Continued {
		// the next quotation opening at the start of the next paragraph
		n := int(qi) + 1
		for n < len(qs) && qs[n].Open.Start < qs[qi].Content.End {
			n++
		}
		if n >= len(qs) {
			break
		}
		qi = int32(n)
		r := c.d.TokensIn(doc.Span{Start: qs[n].Open.Start, End: qs[n].Content.End})
		if qs[n].Close.End > 0 {
			r = c.d.TokensIn(doc.Span{Start: qs[n].Open.Start, End: qs[n].Close.End})
		}
		if r.End > te {
			te = r.End
		}
	}
	return te
}

// extendBack moves a content start that opens a quotation back to the start
// of the chain of paragraphs that quotation continues.
func (c *ctx) extendBack(ts int) int {
	if !c.isOpen(ts) {
		return ts
	}
	qs := c.d.Quotations
	off := c.d.Tokens[ts].Start
	n := sort.Search(len(qs), func(i int) bool { return qs[i].Open.Start >= off })
	for n > 0 && n < len(qs)+1 && qs[n-1].Continued && qs[n-1].Content.End <= off {
		n--
		ts = c.d.TokenAt(qs[n].Open.Start)
	}
	return ts
}

// nextQuotation returns the first token of the sentence starting at token b
// when it opens a quotation, or -1.
func (c *ctx) nextQuotation(b int) int {
	if b < len(c.low) && c.isOpen(b) {
		return b
	}
	return -1
}

// quotationEnd returns the token after the closing mark of the quotation
// opened at token k (or after its paragraph's end).
func (c *ctx) quotationEnd(k int) int {
	off := c.d.Tokens[k].Start
	qs := c.d.Quotations
	n := sort.Search(len(qs), func(i int) bool { return qs[i].Open.Start >= off })
	if n >= len(qs) || qs[n].Open.Start != off {
		// a mark the text layer left unpaired: to the paragraph's end
		e := k + 1
		for e < len(c.low) && !c.paraStart(e) {
			e++
		}
		return e
	}
	q := qs[n]
	end := q.Content.End
	if q.Close.End > 0 {
		end = q.Close.End
	}
	r := c.d.TokensIn(doc.Span{Start: q.Open.Start, End: end})
	e := r.End
	// the second half of a doubled '' closing mark
	if e < len(c.low) && c.isClose(e) && c.d.Tokens[e].Start == c.d.Tokens[e-1].End {
		e++
	}
	return e
}

// closeEnd ends content that opens with a quotation at its closing mark:
// "Protesters chanted “What curfew?” and marched on" reports the chant
// alone. A quotation of words that the sentence goes on from is a fragment
// of the writer's clause (he said “budget reforms” would pay) and keeps it.
func (c *ctx) closeEnd(ts, te int) int {
	if ts < 0 || !c.isOpen(ts) {
		return te
	}
	q := c.quotationEnd(ts)
	if q <= ts+1 || q >= te || !c.isClose(q-1) {
		return te
	}
	switch c.low[q-2] {
	case ".", "?", "!", ",":
		// a whole utterance
		return q
	}
	if c.isWord(q) {
		return te
	}
	return q
}

// opensAfter reports whether a quotation opens at s, after commas, before e.
func (c *ctx) opensAfter(s, e int) bool {
	for s < e && c.low[s] == "," {
		s++
	}
	return s < e && c.isOpen(s)
}

// quotationOpen returns the opening mark of the quotation that the closing
// mark at k ends, or -1.
func (c *ctx) quotationOpen(k int) int {
	if k < 1 || !c.isClose(k) {
		return -1
	}
	off := c.d.Tokens[k].Start
	qs := c.d.Quotations
	n := sort.Search(len(qs), func(i int) bool { return qs[i].Open.Start >= off })
	for i := n - 1; i >= 0 && i >= n-4; i-- {
		if qs[i].Close.Start == off && qs[i].Close.End > off {
			return c.d.TokenAt(qs[i].Open.Start)
		}
	}
	return -1
}

// lastClose returns the last closing quotation mark in [s, e), or -1.
func (c *ctx) lastClose(s, e int) int {
	for k := e - 1; k >= s; k-- {
		if c.isMark(k) && c.role(k) == doc.MarkClose {
			return k
		}
	}
	return -1
}
