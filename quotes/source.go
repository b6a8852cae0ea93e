// Sources: where a source phrase starts and ends, and the ranking of the
// candidate sources of a cue.

package quotes

import (
	"strings"

	"github.com/dossier-news/dossier/doc"
	"github.com/dossier-news/dossier/learn"
)

// sourceOpener reports whether token k can open a source written after its
// cue: a capitalised word or a determiner ("said the ambassador").
func (c *ctx) sourceOpener(k int) bool {
	return c.d.Tokens[k].Has(doc.FlagCap) || c.has(k, bitOpener) || c.kind(k) == doc.Number
}

// rightSourceEnd is where a source written after its cue ends: before a
// quotation, a "that", or a comma opening a relative or participle clause
// ("said Mills, who ...", "said Tusk, summing up ...").
func (c *ctx) rightSourceEnd(s, hi int) int {
	e := s
	for e < hi && !c.isOpen(e) && c.low[e] != "that" {
		if c.low[e] == "," && e+1 < hi {
			n := c.low[e+1]
			// ", who heads the union" and ", of Grace Church" stay with
			// the name (data/source_keeps.txt)
			if c.has(e+1, bitStop) && !c.has(e+1, bitSrcKeep) || strings.HasSuffix(n, "ing") || c.isOpen(e+1) {
				break
			}
		}
		e++
	}
	if e-2 > s && c.relative(e-1) && c.low[e-2] == "," {
		// "said Ann Lee, who noted ...": the relative pronoun is the
		// source of the next cue, not part of this one
		e -= 2
	}
	return e
}

// trimSource narrows a source phrase to the actor: without a leading
// conjunction ("though she"), a trailing time phrase ("Sanders on
// Tuesday"), a relative clause (", who has ...") or a comma-set
// circumstance ("Clinton, at a later press gaggle,").
func (c *ctx) trimSource(ss, se int) (int, int) {
	for ss < se-1 && (c.has(ss, bitEdgeLead) || c.has(ss, bitEdgeClause)) {
		ss++
	}
	for k := ss + 1; k < se; k++ {
		w := c.low[k]
		if w == "," && k+1 < se && (c.circumstanceWord(k+1) && c.low[k+1] != "," || c.low[k+1] == "speaking" || c.has(k+1, bitAside)) {
			se = k
			break
		}
	}
	for se > ss+1 && c.has(se-1, bitEdgeTail) {
		se--
	}
	// "... on Tuesday", "... this month", "... in 2001"
	j := se
	for j > ss+1 && (c.has(j-1, bitEdgeTime) || c.kind(j-1) == doc.Number && len(c.low[j-1]) == 4 && j-2 > ss && c.has(j-2, bitEdgeOpener)) {
		// ("Six in 10 say": a share, not a year)
		j--
	}
	if j < se && j > ss+1 && c.has(j-1, bitEdgeOpener) && !(j-2 > ss && strings.HasSuffix(c.low[j-2], "ed")) && !(j-2 >= ss && c.has(j-2, bitDated)) {
		// ("a poll released last week" and "a poll last week" keep their
		// time: it says which poll; data/dated_sources.txt)
		se = j - 1
	}
	return c.trim(ss, se)
}

// contentWord reports whether [s, e) holds a word that can name a source:
// not only determiners, prepositions and conjunctions.
func (c *ctx) contentWord(s, e int) bool {
	for k := s; k < e; k++ {
		if c.isWord(k) && !c.has(k, bitOpener) && !c.has(k, bitStop) {
			return true
		}
	}
	return false
}

func (c *ctx) hasWords(s, e int) bool {
	for k := s; k < e; k++ {
		if c.isWord(k) {
			return true
		}
	}
	return false
}

// sourceStart picks where the source phrase ending at token e starts.
func (c *ctx) sourceStart(m *models, e, lo int) int {
	for _, x := range c.memo {
		if x[0] == e && x[1] == lo {
			return x[2]
		}
	}
	ss := -1
	if e-1 >= lo {
		switch c.low[e-1] {
		case "he", "she", "they", "we", "i", "you", "it":
			// "he said": a pronoun is the whole source, no need to rank
			ss = e - 1
		}
	}
	if ss < 0 {
		ss = c.rankSources(m, e, lo)
	}
	c.memo = append(c.memo, [3]int{e, lo, ss})
	return ss
}

func (c *ctx) rankSources(m *models, e, lo int) int {
	best, bs := -1, float32(0)
	c.walkSources(e, lo, func(i int, n srcCounts) {
		if m.source == nil {
			best = i // the rule without a model: the longest phrase
			return
		}
		if c.participlePhrase(i, e) {
			// "the review ..., released this week, found": a participle
			// and its circumstance describe the source, they are not it
			return
		}
		c.fbuf = c.sourceFeatures(c.fbuf[:0], i, e, lo, n)
		if s := m.source.Score(c.fbuf); best < 0 || s > bs {
			best, bs = i, s
		}
	})
	if best < 0 {
		return e - 1
	}
	return best
}

// subordinate reports a cue whose subject is left out after token p: a
// gerund after a preposition ("began by saying"). (Infinitives, "went on
// to discuss", are as often not statements: "needs to tell the truth".)
func (c *ctx) subordinate(p, head int) bool {
	switch c.low[p] {
	case "by", "before", "after", "while", "when", "for", "from", "without":
		return strings.HasSuffix(c.low[head], "ing")
	}
	return false
}

// share reports a source that is a share of people, "Two in three" or
// "one of five": words of numbers around "in" or "of".
func (c *ctx) share(s, e int) bool {
	if e-s != 3 || c.low[s+1] != "in" && c.low[s+1] != "of" {
		return false
	}
	for _, k := range [2]int{s, s + 2} {
		if c.kind(k) != doc.Number && !c.has(k, bitOpener) {
			return false
		}
	}
	return true
}

// askedAfter reports a past participle of saying after a subordinator at
// p ("when asked whether", "after being pressed"... the participle
// alone): an attribution with no source whose content is the question.
func (c *ctx) askedAfter(p, head int) bool {
	switch c.low[p] {
	case "when", "after", "before", "if", "once", "until", "as":
		return c.has(head, bitSpeech) && strings.HasSuffix(c.low[head], "ed")
	}
	return false
}

// sentenceSubject returns the subject opening the sentence at a, before
// e: a pronoun or a run of capitalised words followed by a lower-case
// word; -1, -1 when the sentence opens otherwise.
func (c *ctx) sentenceSubject(a, e int) (int, int) {
	k := a
	for k < e && (c.low[k] == "but" || c.low[k] == "and" || c.low[k] == "then" || c.low[k] == "so") {
		k++
	}
	if k >= e {
		return -1, -1
	}
	if c.has(k, bitSubject) && !c.relative(k) {
		return k, k + 1
	}
	s := k
	for k < e && (c.isWord(k) && c.d.Tokens[k].Has(doc.FlagCap) || k > s && (c.low[k] == "." || c.low[k] == "’s" || c.low[k] == "'s")) {
		k++
	}
	if k == s || k >= e || c.d.Tokens[k].Has(doc.FlagCap) || !c.isWord(k) && c.low[k] != "," {
		// (a name then a comma opens an apposition: "Dean, a doctor, ...")
		return -1, -1
	}
	return s, k
}

// titleBefore reports whether the quotation closing at k (or at k-1,
// before a comma) opens after a preposition or determiner inside the
// stretch from lo: a quoted title, not the speaker's words.
func (c *ctx) titleBefore(k, lo int) bool {
	if c.low[k] == "," {
		k--
	}
	q := c.quotationOpen(k)
	if q <= lo {
		return false
	}
	switch c.low[q-1] {
	case "of", "on", "in", "at", "to", "the", "from", "with", "called", "titled", "entitled":
		return true
	}
	return false
}

// statementStart is where content that ends before a cue written after it
// starts: at the sentence start a rather than after an earlier cue at lo
// when no quotation lies between ("X called for Y, sources said" and
// "Clinton plans to visit Z, according to an aide": the statement holds
// the earlier cue and its content).
func (c *ctx) statementStart(lo, a, end int) int {
	if lo > a && !c.hasQuote(a, end) {
		return a
	}
	return lo
}

// relative reports a relative pronoun that can be a source: who, which.
func (c *ctx) relative(k int) bool {
	return c.low[k] == "who" || c.low[k] == "which" || c.low[k] == "that"
}

// participlePhrase reports a lower-case -ed word at i followed by a time
// or place phrase or by "by", before e: "released this week".
func (c *ctx) participlePhrase(i, e int) bool {
	if i+1 >= e || !strings.HasSuffix(c.low[i], "ed") || c.d.Tokens[i].Has(doc.FlagCap) {
		return false
	}
	return c.has(i+1, bitEdgeTime) || c.has(i+1, bitEdgeOpener) || c.low[i+1] == "by"
}

// maxSource is the longest source phrase considered, in tokens.
const maxSource = 24

// walkSources calls visit for every candidate start of a source ending at
// e, nearest first, with the running counts over [i, e).
func (c *ctx) walkSources(e, lo int, visit func(i int, n srcCounts)) {
	var n srcCounts
	for i := e - 1; i >= lo && i >= e-maxSource; i-- {
		if c.isMark(i) && c.role(i) != doc.MarkApostrophe || c.inQ[i] >= 0 {
			break
		}
		if c.punctEdge(i) && c.low[i] != "," && c.low[i] != "." {
			break
		}
		c.addCounts(&n, i)
		if !c.isWord(i) && c.kind(i) != doc.Symbol {
			continue
		}
		visit(i, n)
		if c.has(i, bitEdgeClause) {
			// a source never reaches over the subordinator that opens its
			// clause ("... would not intervene unless both parties asked")
			break
		}
	}
}

// sourceCands lists candidate starts for a source ending at e, nearest
// first, with their features (for training).
func (c *ctx) sourceCands(e, lo int) ([]learn.Features, []int) {
	var cands []learn.Features
	var starts []int
	c.walkSources(e, lo, func(i int, n srcCounts) {
		cands = append(cands, c.sourceFeatures(nil, i, e, lo, n))
		starts = append(starts, i)
	})
	return cands, starts
}
