// The layouts of headlines, captions and collected reactions, which name
// the speaker by a colon or a dash instead of a verb of saying.

package quotes

import (
	"strings"

	"github.com/dossier-news/dossier/doc"
)

// colonAt finds a name and a colon before a quotation, the layout of
// headlines and captions: Warren to Wells Fargo chief: “You should be
// investigated.” The colon is the cue and the words before it the source.
func (c *ctx) colonAt(k, a, b, si int) (att, bool) {
	if c.low[k] != ":" || k+1 >= b || !c.isOpen(k+1) || k-a < 1 || k-a > 8 || c.inQ[k] >= 0 {
		return att{}, false
	}
	caps := 0
	for j := a; j < k; j++ {
		if c.isMark(j) || c.heads(j)&headCue != 0 && (j == a || !c.d.Tokens[j].Has(doc.FlagCap)) {
			// a cue of its own ("he said:") is laid out as a cue
			return att{}, false
		}
		if c.d.Tokens[j].Has(doc.FlagCap) {
			caps++
		} else if c.isWord(j) && strings.HasSuffix(c.low[j], "ed") {
			// "X scolded him:" is a clause with its verb, not a
			// headline's name; the cue after the quotation says who spoke
			return att{}, false
		}
	}
	if caps == 0 || c.label(a, k) {
		return att{}, false
	}
	ss, se := c.trim(a, k)
	if se <= ss {
		return att{}, false
	}
	te := c.extendContinued(k+1, c.quotationEnd(k+1))
	return att{cs: k, ce: k + 1, head: k, ss: ss, se: se, ts: k + 1, te: te, sent: si, kind: "dash", score: 1}, true
}

// nameColonAt finds a name and a colon opening a paragraph, the layout
// of headlines and transcripts: "Mayor: Budget Cuts Are Coming." and
// "“SMITH: We will not wait. ...". The colon is the cue, the name the
// source, and the rest of the sentence (of the quotation, in a
// transcript) the content.
func (c *ctx) nameColonAt(k, a, b, si int) (att, bool) {
	if c.low[k] != ":" || k+1 >= b || c.isOpen(k+1) {
		return att{}, false
	}
	if si > 0 && c.sents[si-1].Para == c.sents[si].Para {
		return att{}, false
	}
	ns := a
	quoted := c.isOpen(a)
	if quoted {
		ns++
	}
	if k-ns < 1 || k-ns > 6 || c.label(ns, k) {
		return att{}, false
	}
	allCaps := true
	for j := ns; j < k; j++ {
		t := c.d.Tokens[j]
		if t.Kind != doc.Word || !t.Has(doc.FlagCap) && !t.Has(doc.FlagAllCaps) {
			return att{}, false
		}
		if !t.Has(doc.FlagAllCaps) {
			allCaps = false
		}
	}
	te := b
	if quoted {
		// a transcript: only a speaker's name in capitals, and the
		// content runs to the end of the quotation
		if !allCaps || k-ns > 3 {
			return att{}, false
		}
		te = c.quotationEnd(a)
		if te <= k+1 {
			te = b
		}
	}
	ts := k + 1
	for te > ts && (c.low[te-1] == "," || c.low[te-1] == ";" || c.low[te-1] == ":") {
		te--
	}
	if te-ts < 2 || !c.anyWord(ts, te) {
		// ("Ann Lee: 1,769" is a tally, not a statement)
		return att{}, false
	}
	kind := "colon"
	if quoted {
		kind = "dash" // laid out already, and direct speech
	}
	return att{cs: k, ce: k + 1, head: k, ss: ns, se: k, ts: ts, te: te, sent: si, kind: kind, score: 1}, true
}

// placeOnly reports whether [s, e) is a short run of capitalised words,
// commas and abbreviation dots, as a place name is ("Washington, D.C.").
func (c *ctx) placeOnly(s, e int) bool {
	if e-s > 5 {
		return false
	}
	for j := s; j < e; j++ {
		if c.kinds[j] == doc.Word && !c.d.Tokens[j].Has(doc.FlagCap) || c.kinds[j] == doc.Number || c.kinds[j] == doc.QuoteMark {
			return false
		}
	}
	return true
}

// anyWord reports whether [s, e) holds a word (not only numbers and
// punctuation).
func (c *ctx) anyWord(s, e int) bool {
	for j := s; j < e; j++ {
		if c.kinds[j] == doc.Word {
			return true
		}
	}
	return false
}

// label reports whether tokens [s, e) before a colon are a label that
// names no speaker (data/labels.txt): "Correction:", "The Latest:".
func (c *ctx) label(s, e int) bool {
	if e-s > 4 {
		return false
	}
	return lex.labels[strings.ToLower(c.d.Text[c.d.Tokens[s].Start:c.d.Tokens[e-1].End])]
}

// dashAt finds the layout of collected reactions, “...” ― Pamela Padilla:
// a quotation, a dash, and a name closing the paragraph.
func (c *ctx) dashAt(k, a, b, si int) (att, bool) {
	if c.kind(k) != doc.Punct || k-1 < a || !c.isClose(k-1) || k+1 >= b {
		return att{}, false
	}
	switch c.low[k] {
	case "―", "—", "–", "--":
	default:
		return att{}, false
	}
	se := b
	for se > k+1 && c.punctEdge(se-1) {
		se--
	}
	if se-(k+1) > 6 || !c.d.Tokens[k+1].Has(doc.FlagCap) {
		return att{}, false
	}
	for j := k + 1; j < se; j++ {
		if c.isMark(j) {
			return att{}, false
		}
	}
	open := -1
	for j := k - 2; j >= a; j-- {
		if c.isOpen(j) {
			open = j
			break
		}
	}
	if open < 0 {
		// a paragraph of several sentences that opens with a mark, of
		// whichever shape (”Fear. I am afraid.” ― Name)
		j := a
		for j > 0 && j > a-200 && !c.paraStart(j) {
			j--
		}
		if c.paraStart(j) && c.isMark(j) && c.role(j) != doc.MarkApostrophe {
			open = j
		}
	}
	if open < 0 {
		return att{}, false
	}
	return att{cs: k, ce: k + 1, head: k, ss: k + 1, se: se, ts: c.extendBack(open), te: k, sent: si, kind: "dash", score: 1}, true
}

// dashApposition returns the dash that opens an apposition closed by a dash
// at p, inside [lo, p), after a word: "Jo Lind — a teacher from Lakeport
// — says ...", or -1. The source is the name with its apposition and
// both dashes, as PolNeAR writes it.
func (c *ctx) dashApposition(lo, p int) int {
	if p <= lo || !c.dash(p) || c.inQ[p] >= 0 {
		return -1
	}
	for k := p - 2; k > lo && k >= p-30; k-- {
		if c.inQ[k] >= 0 || c.isMark(k) {
			// ("Trump - who said he would “bomb” them - said")
			continue
		}
		if c.dash(k) {
			if c.isWord(k - 1) {
				return k
			}
			return -1
		}
	}
	return -1
}

// dash reports a dash at k: a dash character, or a hyphen written with
// spaces around it ("Mr. Bush - in a line - declared").
func (c *ctx) dash(k int) bool {
	switch c.low[k] {
	case "—", "–", "--", "―":
		return true
	case "-":
		t := c.d.Tokens[k]
		return t.Start > 0 && t.End < len(c.d.Text) && c.d.Text[t.Start-1] == ' ' && c.d.Text[t.End] == ' '
	}
	return false
}

// titleThenName reports a few lower-case words before a capitalised one
// from s, before e: the title before a name written after its cue
// (“...,” said pollster Ann Lee; said retired Army Gen. Tom Ray).
func (c *ctx) titleThenName(s, e int) bool {
	for k := s; k < e && k < s+4; k++ {
		if c.d.Tokens[k].Has(doc.FlagCap) {
			return k > s
		}
		if !c.isWord(k) || c.has(k, bitStop) || c.has(k, bitAux) || c.inQ[k] >= 0 {
			return false
		}
	}
	return false
}

// nameThenComma reports a run of capitalised words (a name, with its
// initials) from s followed by a comma before e.
func (c *ctx) nameThenComma(s, e int) bool {
	k := s
	for k < e && k-s < 6 && (c.isWord(k) && c.d.Tokens[k].Has(doc.FlagCap) || k > s && c.low[k] == ".") {
		k++
	}
	return k > s && k < e && c.low[k] == ","
}

// nameThenClause reports a run of capitalised words from s followed by a
// lower-case word before e: "said Berg had misled", a name opening the
// content, not a source after its cue.
func (c *ctx) nameThenClause(s, e int) bool {
	k := s
	for k < e && k-s < 6 && (c.isWord(k) && c.d.Tokens[k].Has(doc.FlagCap) || k > s && c.low[k] == ".") {
		k++
	}
	return k > s && k < e && c.isWord(k) && !c.d.Tokens[k].Has(doc.FlagCap) && !c.has(k, bitStop)
}
