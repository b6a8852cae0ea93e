package events

import (
	"slices"
	"sort"

	"github.com/dossier-news/dossier/doc"
	"github.com/dossier-news/dossier/internal/work"
)

// edges holds, for one sentence of tokens [lo, hi), the clause edges of
// every token, made once on the sentence's first question: the coder asks
// them of each trigger, and a scan to the sentence's edge per trigger made
// a sentence cost its length times its triggers.
type edges struct {
	lo, hi int     // the sentence whose edges these are; hi < 0 for none
	end    []int32 // [i-lo]: clauseEnd(i, hi), for lo <= i <= hi
	start  []int32 // [i-lo]: clauseStart(i, lo)
	bg     []bool  // [i-lo]: background(i, lo)
}

// edgesOf returns the edges of the sentence [lo, hi), computing them when
// the cached ones are another sentence's.
func (v *view) edgesOf(lo, hi int) *edges {
	e := &v.edge
	if e.lo == lo && e.hi == hi {
		return e
	}
	e.lo, e.hi = lo, hi
	n := hi - lo + 1
	work.Add(n)
	e.end, e.start, e.bg = grow(e.end, n), grow(e.start, n), grow(e.bg, n)
	e.end[n-1] = int32(hi)
	for k := hi - 1; k >= lo; k-- {
		if v.hard(k) {
			e.end[k-lo] = int32(k)
		} else {
			e.end[k-lo] = e.end[k-lo+1]
		}
	}
	e.start[0], e.bg[0] = int32(lo), false
	for i := lo + 1; i <= hi; i++ {
		k := i - 1 // the token before i decides, else what held before it
		hard, c := v.hard(k), v.cls(k)
		switch {
		case hard || c&cSub != 0 && v.lower[k] != "as":
			e.start[i-lo] = int32(i)
		default:
			e.start[i-lo] = e.start[k-lo]
		}
		switch {
		case hard:
			e.bg[i-lo] = false
		case c&cSub != 0 && v.lower[k] != "as" || c&cRel != 0 && v.lower[k] != "that":
			e.bg[i-lo] = true
		default:
			e.bg[i-lo] = e.bg[k-lo]
		}
	}
	return e
}

// edgesFrom returns the edges of the sentence that starts at token lo and
// holds token i, or nil when lo starts no sentence holding i (the callers
// then scan).
func (v *view) edgesFrom(i, lo int) *edges {
	if e := &v.edge; e.lo == lo && lo <= i && i <= e.hi {
		return e
	}
	si := v.d.SentenceOf(i)
	if si < 0 || v.d.Sentences[si].Tokens.First != lo {
		return nil
	}
	return v.edgesOf(lo, v.d.Sentences[si].Tokens.End)
}

// spanIndex finds the first span of a layer (in layer order) that contains
// a given span in O(log n) and a short walk, not a pass over the layer.
type spanIndex struct {
	built bool
	order []int32 // the layer's indexes by start
	reach []int   // [k]: the furthest end among order[:k+1]
}

// build indexes n spans, given by span.
func (x *spanIndex) build(n int, span func(int) doc.Span) {
	x.built = true
	x.order = x.order[:0]
	for i := 0; i < n; i++ {
		x.order = append(x.order, int32(i))
	}
	slices.SortStableFunc(x.order, func(a, b int32) int { return span(int(a)).Start - span(int(b)).Start })
	x.reach = grow(x.reach, n)
	far := 0
	for k, i := range x.order {
		far = max(far, span(int(i)).End)
		x.reach[k] = far
	}
}

// first returns the lowest index whose span contains sp, or -1: of the
// spans starting at or before sp, walking back while one could still reach
// sp's end.
func (x *spanIndex) first(sp doc.Span, span func(int) doc.Span) int {
	k := sort.Search(len(x.order), func(k int) bool { return span(int(x.order[k])).Start > sp.Start })
	best := -1
	for k--; k >= 0 && x.reach[k] >= sp.End; k-- {
		work.Add(1)
		if i := int(x.order[k]); (best < 0 || i < best) && span(i).Contains(sp) {
			best = i
		}
	}
	return best
}
