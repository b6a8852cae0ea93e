package quotes

import (
	"math"
	"strings"

	"github.com/dossier-news/dossier/actors"
	"github.com/dossier-news/dossier/doc"
)

// emit turns attributions into d.Quotes: byte spans, kind, speaker, and
// content kept clear of debris.
func (c *ctx) emit(out []att) {
	d := c.d
	if cap(d.Quotes) < len(out) {
		// one allocation for the document's quotes rather than a doubling
		// series (at most one quote an attribution)
		d.Quotes = make([]doc.Quote, 0, len(out))
	}
	for _, at := range out {
		ts, te := at.ts, at.te
		if ts < 0 || te <= ts {
			continue
		}
		// strip the outer quotation marks of a wholly quoted content
		direct := false
		if c.isOpen(ts) && c.isMark(te-1) && te-1 > ts && c.quotationEnd(ts) == te {
			ts, te = ts+1, te-1
			// doubled marks ('') come off whole
			for ts < te && c.isOpen(ts) {
				ts++
			}
			for te > ts && c.isClose(te-1) {
				te--
			}
			direct = true
			// “...,” he said: the comma belongs to the attribution
			for te > ts && (c.low[te-1] == "," || c.low[te-1] == ";") {
				te--
			}
		} else if c.isOpen(ts) && te-ts > 2 && c.quotationEnd(ts) == te && !c.isClose(te-1) {
			// a quotation the text layer left unclosed, to its paragraph's end
			e := te
			ts, te = c.trim(ts+1, te)
			te = c.keepMark(te, e)
			direct = true
		} else if at.kind == "dash" && te-ts > 2 && c.isMark(ts) && c.isMark(te-1) {
			// ”...” ― Name with marks the text layer could not pair
			ts, te = ts+1, te-1
			for te > ts && (c.low[te-1] == "," || c.low[te-1] == ";") {
				te--
			}
		} else {
			e := te
			ts, te = c.trim(ts, te)
			te = c.keepMark(te, e)
			if at.merged && te-ts > 2 && c.isOpen(ts) && c.isClose(te-1) {
				// “A,” he said. “B.”: the outer marks go, as for any
				// direct quotation; the inner ones show the interruption
				ts, te = ts+1, te-1
				for ts < te && c.isOpen(ts) {
					ts++
				}
				for te > ts && c.isClose(te-1) {
					te--
				}
			}
		}
		ts, te = c.unmatchedBrackets(ts, te)
		ts = c.afterDateline(ts, te)
		if te <= ts {
			continue
		}
		content := doc.Span{Start: d.Tokens[ts].Start, End: d.Tokens[te-1].End}
		content = c.clearDebris(content)
		if content.Len() == 0 {
			continue
		}
		q := doc.Quote{Content: content, Speaker: -1, Confidence: 0.5}
		if at.cs >= 0 {
			q.Cue = doc.Span{Start: d.Tokens[at.cs].Start, End: d.Tokens[at.ce-1].End}
			if k := at.cs - 1; k >= 0 && at.kind != "dash" && at.kind != "colon" {
				// "They’ve said": the verb written into the pronoun opens
				// the cue (PolNeAR train 27 to 2)
				if e := c.contractionEnd(k); e < d.Tokens[k].End {
					q.Cue.Start = e
				}
			}
		}
		if at.ss >= 0 && at.se > at.ss {
			q.Source = doc.Span{Start: d.Tokens[at.ss].Start, End: c.contractionEnd(at.se - 1)}
			q.Speaker = c.speaker(q.Source)
			if q.Speaker < 0 && at.se-at.ss == 1 && c.relative(at.ss) {
				// "Mr. Kamin, who emphasized ...": the name before "who"
				e := at.ss
				for e > 0 && c.low[e-1] == "," {
					e--
				}
				if s := max(0, e-4); e > s {
					q.Speaker = c.antecedent(doc.Span{Start: d.Tokens[s].Start, End: d.Tokens[e-1].End})
				}
			}
		}
		switch {
		case direct || at.merged || at.kind == "dash":
			q.Kind = doc.Direct
		case c.hasQuote(ts, te):
			q.Kind = doc.Mixed
		default:
			q.Kind = doc.Indirect
		}
		if at.score > 0 {
			// the logistic of the cue model's score, in float32 as the
			// model computes
			q.Confidence = float64(1 / (1 + float32(math.Exp(-float64(at.score)))))
		}
		d.Quotes = append(d.Quotes, q)
	}
	c.unnamedHolders()
}

// unnamedHolders gives a he or she source that the actors stage left
// unresolved the speaker of the statement just before it, when that
// statement's source is an unnamed role holder ("The front’s spokesman,
// reached by telephone, denied ... “These are lies,” he said."): the
// spokesman has no entity of his own, so his statements are listed under
// the body he speaks for, the second as the first.
func (c *ctx) unnamedHolders() {
	d := c.d
	for i := 1; i < len(d.Quotes); i++ {
		q, p := &d.Quotes[i], d.Quotes[i-1]
		if q.Speaker >= 0 || q.Source.IsZero() || p.Speaker < 0 || p.Source.IsZero() || p.Source.End > q.Source.Start {
			continue
		}
		var gender byte
		switch d.Slice(q.Source) {
		case "he", "He":
			gender = 'm'
		case "she", "She":
			gender = 'f'
		default:
			continue
		}
		// no other actor named between the two statements, and the earlier
		// source names a role but no person
		between := doc.Span{Start: p.Source.End, End: q.Source.Start}
		if c.namesBetween(between) || !c.unnamedRole(p.Source, gender) {
			continue
		}
		if sp, sq := d.SentenceAt(p.Source.Start), d.SentenceAt(q.Source.Start); sp < 0 || sq < 0 || sq-sp > 1 {
			continue
		}
		q.Speaker = p.Speaker
	}
}

// namesBetween reports whether a mention of a resolved entity lies in s.
func (c *ctx) namesBetween(s doc.Span) bool {
	for _, m := range c.d.Mentions {
		if m.Start >= s.End {
			break
		}
		if m.Start >= s.Start && m.Entity >= 0 && m.Kind == doc.MentionName {
			return true
		}
	}
	return false
}

// unnamedRole reports whether source s names a role but no person: its
// last word before any comma is a role noun of the actors' titles
// ("The front’s spokesman, reached by telephone"), and no person's name
// lies in it. gender is the pronoun's ('m' for he, 'f' for she), which a
// gendered role noun must agree with.
func (c *ctx) unnamedRole(s doc.Span, gender byte) bool {
	d := c.d
	r := d.TokensIn(s)
	head := -1
	for k := r.First; k < r.End; k++ {
		if c.low[k] == "," {
			break
		}
		if c.isWord(k) {
			head = k
		}
	}
	if head < 0 {
		return false
	}
	role, g := actors.RoleNoun(c.low[head])
	if !role || g != 0 && g != gender {
		return false
	}
	for _, m := range d.Mentions {
		if m.Start >= s.End {
			break
		}
		if m.Overlaps(s) && m.Entity >= 0 && m.Entity < len(d.Entities) && d.Entities[m.Entity].Type == "PERSON" {
			return false
		}
	}
	return true
}

func (c *ctx) hasQuote(ts, te int) bool {
	for k := ts; k < te; k++ {
		if c.isMark(k) && c.role(k) != doc.MarkApostrophe {
			return true
		}
	}
	return false
}

// clearDebris cuts flagged debris off the edges of a content span; debris in
// the middle cuts the content at its start.
func (c *ctx) clearDebris(s doc.Span) doc.Span {
	orig := s
	c.debris = c.d.DebrisIn(s, c.debris[:0])
	for _, fi := range c.debris {
		f := c.d.Flags[fi]
		if !f.Overlaps(s) {
			continue
		}
		if f.Start <= s.Start {
			s.Start = f.End
		} else {
			s.End = f.Start
		}
		if s.End <= s.Start {
			return doc.Span{}
		}
	}
	if s == orig {
		return s
	}
	// trim blanks and edge punctuation the cut left behind
	r := c.d.TokensIn(s)
	a, b := c.trim(r.First, r.End)
	if b > a && c.isMark(b-1) && c.role(b-1) != doc.MarkApostrophe && c.inQ[b-1] < 0 && !c.hasOpenBefore(a, b-1) {
		b--
		a, b = c.trim(a, b)
	}
	if b <= a {
		return doc.Span{}
	}
	return doc.Span{Start: c.d.Tokens[a].Start, End: c.d.Tokens[b-1].End}
}

func (c *ctx) hasOpenBefore(a, k int) bool {
	for i := a; i < k; i++ {
		if c.isOpen(i) {
			return true
		}
	}
	return false
}

// speaker resolves a source span to an entity through the actors'
// mentions: among the mentions overlapping the source, a person first (the
// review's author in "Guterres' internal review"; the envoy in "Russian
// ambassador to the United Nations Vasily Nebenzia"), then the one sharing
// most text with the source, then the last. -1 when none is resolved.
func (c *ctx) speaker(src doc.Span) int {
	ms := c.d.Mentions
	// mentions are in text order: skip those ending before the source
	lo, hi := 0, len(ms)
	for lo < hi {
		m := int(uint(lo+hi) >> 1)
		if ms[m].End <= src.Start {
			lo = m + 1
		} else {
			hi = m
		}
	}
	best, bestRank := -1, [3]int{}
	for i := max(0, lo-4); i < len(ms) && ms[i].Start < src.End; i++ {
		m := ms[i]
		if !m.Overlaps(src) || m.Entity < 0 || m.Entity >= len(c.d.Entities) {
			continue
		}
		person := 0
		if c.d.Entities[m.Entity].Type == "PERSON" {
			person = 1
		}
		ov := min(m.End, src.End) - max(m.Start, src.Start)
		r := [3]int{person, ov, m.End}
		if best < 0 || r[0] > bestRank[0] || r[0] == bestRank[0] && (r[1] > bestRank[1] || r[1] == bestRank[1] && r[2] > bestRank[2]) {
			best, bestRank = m.Entity, r
		}
	}
	return best
}

// antecedent returns the entity of the last resolved mention overlapping
// span w, the words before a relative pronoun; -1 when there is none.
func (c *ctx) antecedent(w doc.Span) int {
	best, end := -1, -1
	for _, m := range c.d.Mentions {
		if m.Start >= w.End {
			break
		}
		if m.Overlaps(w) && m.Entity >= 0 && m.Entity < len(c.d.Entities) && m.End > end {
			best, end = m.Entity, m.End
		}
	}
	return best
}

// contractionEnd is where the word of token k ends before a shortened verb
// written into it ("you're", "They’ve"): the source is the pronoun.
func (c *ctx) contractionEnd(k int) int {
	t := c.d.Tokens[k]
	w := c.d.Text[t.Start:t.End]
	for _, sfx := range contractions {
		if len(w) > len(sfx) && strings.HasSuffix(w, sfx) {
			return t.End - len(sfx)
		}
	}
	return t.End
}

var contractions = [...]string{"'re", "’re", "'ve", "’ve", "'ll", "’ll", "'d", "’d", "'m", "’m"}
