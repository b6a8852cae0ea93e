// Which attributions stay: those inside a dash layout's quotation, those
// repeating another, and bare quotations that follow an attributed one.

package quotes

import (
	"slices"
	"sort"

	"github.com/dossier-news/dossier/doc"
	"github.com/dossier-news/dossier/internal/work"
)

// dropInsideDash removes the attributions whose cue lies inside the
// quotation of a dash layout (“... he calls ‘hell’ ...” ― Name): the
// quotation spans sentences whose marks the text layer could not pair, so
// the cue words in it were taken for the writer's.
func (c *ctx) dropInsideDash(out []att) []att {
	// the dash quotations' token ranges, merged: a cue lies inside one
	// when it lies inside their union, found by binary search (comparing
	// every attribution with every dash quotation is quadratic on a page
	// of such layouts)
	var dash []doc.Span
	for _, at := range out {
		if at.kind == "dash" && at.ts < at.te {
			dash = append(dash, doc.Span{Start: at.ts, End: at.te})
		}
	}
	if len(dash) == 0 {
		return out
	}
	slices.SortFunc(dash, func(x, y doc.Span) int { return x.Start - y.Start })
	union := dash[:1]
	for _, s := range dash[1:] {
		if last := &union[len(union)-1]; s.Start <= last.End {
			last.End = max(last.End, s.End)
		} else {
			union = append(union, s)
		}
	}
	kept := out[:0]
	for _, at := range out {
		if at.kind != "dash" && at.head >= 0 {
			k := sort.Search(len(union), func(k int) bool { return union[k].End > at.head })
			if k < len(union) && union[k].Start <= at.head {
				continue
			}
		}
		kept = append(kept, at)
	}
	return kept
}

// flagged reports whether token k lies in text the quality stage flagged.
func (c *ctx) flagged(k int) bool { return c.d.FlaggedAny(c.d.Tokens[k].Span) }

// dropRedundant removes attributions of one sentence that repeat another:
// a cue lying inside another's source ("the review, known as X, found"),
// and a cue whose content an earlier kept cue already reports.
func (c *ctx) dropRedundant(kept, sib []att) []att {
	work.Add(len(sib) * len(sib)) // of one sentence: the text layer bounds it
	for i, at := range sib {
		if at.ts < 0 || at.te <= at.ts {
			continue
		}
		nested := false
		for j, o := range sib {
			if j != i && o.ss >= 0 && o.ss <= at.cs && at.ce <= o.se && o.ts >= 0 {
				nested = true
				break
			}
		}
		if nested {
			continue
		}
		dup := false
		if c.o.NoNested {
			for j, o := range sib {
				// "Mills said the US welcomed the review": the inner verb
				// is part of what Mills said, not a second attribution
				if j != i && o.ts >= 0 && o.ts <= at.head && at.head < o.te && (o.score > at.score || c.nestedInClause(o, at)) && !(at.cs <= o.head && o.head < at.ce) && !(o.kind == "source-after" && at.ss >= 0 && at.te <= o.cs && c.isOpen(at.ts)) {
					// ("“...,” Okafor said, according to the Gazette" keeps
					// both: the Gazette reports what Okafor said)
					dup = true
					break
				}
			}
		}
		for j, o := range kept {
			if o.ts <= at.ts && at.te <= o.te && at.ss < 0 {
				dup = true
				break
			}
			if o.te == at.te && (o.ss == at.ss || o.ts == at.ts) {
				// two cues reporting one content: the surer one stays
				// ("They want to “...,” Okafor said": "said")
				if o.cs <= at.head && at.head < o.ce {
					// ("issued a statement saying": the cue that holds
					// the other's head is the whole cue)
				} else if at.score > o.score && at.ss >= 0 || at.cs <= o.head && o.head < at.ce {
					kept[j] = at
				}
				dup = true
				break
			}
		}
		if !dup {
			kept = append(kept, at)
		}
	}
	return kept
}

// followOns adds bare quotations with no cue that follow an attribution:
// “This is unacceptable.” after “...,” the ambassador said.
func (c *ctx) followOns(out []att) []att {
	var add []att
	j := 0
	for si, s := range c.sents {
		for j < len(out) && out[j].sent < si {
			j++
		}
		if j < len(out) && out[j].sent == si {
			continue
		}
		a, b := s.Tokens.First, s.Tokens.End
		if !c.isOpen(a) || c.covered(out, a) {
			continue
		}
		end := c.quotationEnd(a)
		bare := end >= b-1
		// the last attribution in this or the previous sentence of the same
		// or the previous paragraph
		if j == 0 {
			continue
		}
		p := out[j-1]
		if si-p.sent > 1 || p.ss < 0 || c.sents[p.sent].Para < s.Para-1 {
			continue
		}
		if p.sent < si && c.sents[p.sent].Para != s.Para && !c.endsInQuote(p) {
			continue
		}
		if p.te > p.cs && j-2 >= 0 && out[j-2].sent == p.sent && out[j-2].te <= out[j-2].cs && out[j-2].kind != "dash" && p.ts >= p.ce {
			// “A,” Lee said, referring to the bill. “B.”: the aside's
			// cue does not stop the statement going on (train +48)
			p = out[j-2]
		}
		if p.te <= p.cs && c.sents[p.sent].Para == s.Para && p.kind != "dash" {
			// “A,” he said. “B.”: one statement interrupted by its attribution
			k := j - 1
			for k >= 0 && out[k].sent == p.sent && out[k].cs != p.cs {
				k--
			}
			if k >= 0 {
				// (a quotation the writer's words go on from ends the
				// statement at its closing mark: “B” for the top bracket.)
				_, te := c.trim(a, b)
				if !bare {
					te = end
				}
				out[k].te = te
				out[k].merged = true
				out[k].sent = si
				continue
			}
		}
		if !c.o.FollowOn || !bare {
			continue
		}
		at := att{cs: -1, ce: -1, head: -1, ss: p.ss, se: p.se, ts: a, te: b, sent: si, followOn: true}
		at.ts, at.te = c.trim(a, b)
		if q := out[j-1]; q.te > 0 && q.ts >= 0 && q.ts < at.ts && q.kind != "dash" && (q.te <= q.cs || c.isOpen(q.ts) && !c.participleCue(q)) {
			// “A,” Lee said. then a paragraph “B.”: PolNeAR's statement
			// runs over both quotations (its span is their hull, as for
			// the same paragraph above; train +44). Indirect speech before
			// a bare quotation stays a statement of its own.
			at.ts = q.ts
			at.cs, at.ce, at.head = q.cs, q.ce, q.head
			at.merged = true
		}
		add = append(add, at)
	}
	if len(add) == 0 {
		return out
	}
	out = append(out, add...)
	sort.SliceStable(out, func(x, y int) bool { return out[x].ts < out[y].ts })
	return out
}

// covered reports whether token k already lies in an attribution's content.
func (c *ctx) covered(out []att, k int) bool {
	for _, o := range out {
		if o.ts <= k && k < o.te {
			return true
		}
	}
	return false
}

func (c *ctx) endsInQuote(p att) bool {
	return p.te > 0 && (c.isClose(p.te-1) || c.inQ[p.te-1] >= 0)
}
