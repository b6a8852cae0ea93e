package doc

import (
	"sort"

	"github.com/dossier-news/dossier/internal/work"
)

// flagIndex answers "does this span overlap a flag?" in O(log F) instead of
// a pass over every flag, so that a stage asking it of each token or fact
// stays linear in the document however many flags the quality stage set.
// It is built on the first question and rebuilt when the flag layer is
// replaced or grows; the quality stage writes the layer before any stage
// asks, and nothing edits a flag in place afterwards.
type flagIndex struct {
	n     int   // len(Flags) when built
	first *Flag // &Flags[0] when built: a new layer has another array
	// debris holds the indexes of the debris flags (FlagKind.Debris),
	// and all of every flag, each ordered by start; reach[k] is the
	// furthest end among the first k+1 of them.
	debris, all           []int
	debrisReach, allReach []int
}

// flagIdx returns the index of d.Flags, building it when the layer changed.
func (d *Document) flagIdx() *flagIndex {
	x := d.flags
	if x != nil && x.n == len(d.Flags) && (x.n == 0 || x.first == &d.Flags[0]) {
		return x
	}
	x = &flagIndex{n: len(d.Flags)}
	if x.n > 0 {
		x.first = &d.Flags[0]
	}
	for i, f := range d.Flags {
		x.all = append(x.all, i)
		if f.Kind.Debris() {
			x.debris = append(x.debris, i)
		}
	}
	x.debrisReach = d.byStart(x.debris)
	x.allReach = d.byStart(x.all)
	d.flags = x
	return x
}

// byStart orders idx by the flags' starts (then layer order) and returns
// the running furthest end.
func (d *Document) byStart(idx []int) []int {
	sort.SliceStable(idx, func(a, b int) bool { return d.Flags[idx[a]].Start < d.Flags[idx[b]].Start })
	reach := make([]int, len(idx))
	far := 0
	for k, i := range idx {
		far = max(far, d.Flags[i].End)
		reach[k] = far
	}
	return reach
}

// overlapsAny reports whether s overlaps a flag of idx (see flagIndex):
// among the flags starting before s ends, the furthest end passes s's start.
func (d *Document) overlapsAny(idx, reach []int, s Span) bool {
	k := sort.Search(len(idx), func(k int) bool { return d.Flags[idx[k]].Start >= s.End })
	return k > 0 && reach[k-1] > s.Start
}

// Flagged reports whether s overlaps text that the quality stage flagged as
// debris (a flag whose kind is Debris: not an unbalanced quotation mark). Stages call it to
// keep debris out of the facts they report.
func (d *Document) Flagged(s Span) bool {
	x := d.flagIdx()
	return d.overlapsAny(x.debris, x.debrisReach, s)
}

// FlaggedAny reports whether s overlaps any flag, unbalanced quotation
// marks included.
func (d *Document) FlaggedAny(s Span) bool {
	x := d.flagIdx()
	return d.overlapsAny(x.all, x.allReach, s)
}

// DebrisIn appends to out the indexes of the debris flags (those Flagged
// counts) that overlap s, in layer order. It walks back from the last flag
// starting before s ends only while an earlier flag can still reach s.
func (d *Document) DebrisIn(s Span, out []int) []int {
	x := d.flagIdx()
	k := sort.Search(len(x.debris), func(k int) bool { return d.Flags[x.debris[k]].Start >= s.End })
	n := len(out)
	for k--; k >= 0 && x.debrisReach[k] > s.Start; k-- {
		work.Add(1)
		if i := x.debris[k]; d.Flags[i].Overlaps(s) {
			out = append(out, i)
		}
	}
	sort.Ints(out[n:])
	return out
}
