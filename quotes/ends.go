// Where indirect content ends: at a subordinate or coordinate clause, a
// relative clause the main clause resumes after, an occasion, a dash.

package quotes

import (
	"strings"

	"github.com/dossier-news/dossier/doc"
)

// pairedDash returns the second of two dashes of the same shape opening at
// k before e with lower-case words after it, or -1. (After "When Lee noted
// that X -- as was true -- Smith boasted", a capitalised word opens the
// writer's main clause, and "-- who cited" the writer's relative.)
func (c *ctx) pairedDash(k, e int) int {
	for j := k + 1; j < e-1; j++ {
		if c.inQ[j] >= 0 {
			continue
		}
		if c.low[j] == c.low[k] {
			if j > k+1 && c.isWord(j+1) && !c.d.Tokens[j+1].Has(doc.FlagCap) && !c.has(j+1, bitBreak) {
				return j
			}
			return -1
		}
		if c.low[j] == ";" {
			return -1
		}
	}
	return -1
}

// keepMark gives back a question or exclamation mark that trim took off the
// end te of a content ending before e: the mark is part of what was said
// ("asked: Would I rather help my kid go to college?"), and PolNeAR's
// spans keep it (312 contents of train end in one).
func (c *ctx) keepMark(te, e int) int {
	if te < e && te > 0 && (c.low[te] == "?" || c.low[te] == "!") && c.isWord(te-1) {
		return te + 1
	}
	return te
}

// relativeGap reports a relative pronoun before the source whose clause
// the content completes: "which the probe said were covered up", "that
// experts say renders the wall moot". The content after the cue has no
// subject of its own (it opens with a verb), so it reaches back to the
// pronoun, over the source and the cue.
func (c *ctx) relativeGap(at *att) bool {
	switch c.low[at.ss-1] {
	case "which", "that", "who":
	default:
		return false
	}
	if at.ts >= len(c.low) || at.te <= at.ts || at.ts != at.ce {
		return false
	}
	w := c.low[at.ts]
	// an auxiliary ("were covered up") or a lower-case verb-like word
	// ending in -s or -ed ("renders", "considered")
	return c.has(at.ts, bitAux) && !c.adverb(at.ts) ||
		c.isWord(at.ts) && !c.d.Tokens[at.ts].Has(doc.FlagCap) && !c.has(at.ts, bitStop) && !c.has(at.ts, bitSubject) && !c.has(at.ts, bitDeterminer) &&
			(strings.HasSuffix(w, "s") || strings.HasSuffix(w, "ed"))
}

// abbrevEnd reports a token at k that ends in the full stop of an
// abbreviation ("S.C.", "N.Y.") and, before a quotation, ends the sentence
// too, which the sentence layer could not tell: “A,” Lee said in Fort
// Mill, S.C. “B.”
func (c *ctx) abbrevEnd(k int) bool {
	w := c.low[k]
	return len(w) >= 3 && w[len(w)-1] == '.' && c.d.Tokens[k].Has(doc.FlagCap)
}

// subordinateEnd ends content reported by a cue inside a sentence-opening
// subordinate clause at the comma that closes the clause: "While his
// advisers have suggested X, Mr. Obama is also determined to ..." reports X.
func (c *ctx) subordinateEnd(at *att, a int) {
	if at.ts < at.ce || at.te <= at.ts || c.isMark(at.ts) || at.cs <= a {
		return
	}
	k := a
	for k < at.cs && (c.low[k] == "but" || c.low[k] == "and" || c.isMark(k)) {
		k++
	}
	if k >= at.cs || !contentLex.subord[c.low[k]] {
		return
	}
	for j := k + 1; j < at.cs; j++ {
		if c.low[j] == "," {
			return
		}
	}
	for j := at.ts + 1; j < at.te-1; j++ {
		if c.low[j] == "," && c.inQ[j] < 0 {
			at.te = j
			return
		}
	}
}

// relativeGoesOn reports a comma at k whose clause break (", which",
// ", while", ", but", ", Xing" ...) goes on with content from ts that is a
// "that" clause: what follows completes the reported clause more often
// than it opens the writer's comment (PolNeAR train: ", which" after
// "that" goes on 20 times to 14, where a bare ", which" ends the content
// 105 times to 72; dev exact_content +6, train +24).
func (c *ctx) relativeGoesOn(ts, k, e int) bool {
	w := c.low[k+1]
	if w == "who" && c.moreBreaks(k+2, e) {
		// with more of the sentence set off after it, the clause of
		// ", who" is inside the statement (train: goes on 26 times to 9)
		return true
	}
	return c.low[ts] == "that" && (c.has(k+1, bitBreak) || w == "but" || strings.HasSuffix(w, "ing"))
}

// moreBreaks reports a comma, semicolon or dash outside quotation marks in
// [s, e).
func (c *ctx) moreBreaks(s, e int) bool {
	for j := s; j < e; j++ {
		if c.inQ[j] < 0 && (c.low[j] == "," || c.low[j] == ";" || c.low[j] == "--" || c.low[j] == "—") {
			return true
		}
	}
	return false
}

// unmatchedBrackets takes a closing round bracket off the end of content
// [ts, te) that does not open one ("(The union, she said, had agreed.)"
// reports the words inside), and an opening one off its start.
func (c *ctx) unmatchedBrackets(ts, te int) (int, int) {
	depth := 0
	for k := ts; k < te; k++ {
		switch c.low[k] {
		case "(":
			depth++
		case ")":
			depth--
		}
	}
	if depth < 0 && te-1 > ts && c.low[te-1] == ")" {
		te--
		for te > ts && (c.punctEdge(te-1) && c.low[te-1] != "?" && c.low[te-1] != "!") {
			te--
		}
	} else if depth > 0 && c.low[ts] == "(" {
		ts++
	}
	return ts, te
}

// coordinateEnd ends the object content of a cue that is not a verb of
// saying before "and" or "but" opening the subject's next predicate: "Lee
// praised the plan and said ...", "criticized the deal but has since ...".
func (c *ctx) coordinateEnd(at *att) {
	if at.ts < at.ce || at.te-at.ts < 2 || c.isMark(at.ts) || c.has(at.head, bitSpeech) {
		return
	}
	switch c.low[at.ts] {
	case "that", "he", "she", "they", "we", "i", "it", "how", "what", "whether", "why", "if", "to":
		return
	}
	for k := at.ts + 1; k+1 < at.te; k++ {
		if c.inQ[k] >= 0 || c.low[k] != "and" && c.low[k] != "but" {
			continue
		}
		n := k + 1
		if c.low[n] == "also" || c.low[n] == "then" || c.adverb(n) {
			n++
		}
		if n >= at.te || c.d.Tokens[n].Has(doc.FlagCap) {
			continue
		}
		w := c.low[n]
		// an auxiliary, a past-tense verb or a verb of saying
		if c.has(n, bitAux) && !c.adverb(n) || strings.HasSuffix(w, "ed") || c.has(n, bitSpeech) {
			e := k
			if c.low[e-1] == "," {
				e--
			}
			at.te = e
			return
		}
	}
}

// quotedBreak reports a closing mark at k, after a comma inside the
// quotation, followed by a word that opens the writer's clause (", but",
// ", which", ", meaning": data/clause_breaks.txt and the participles).
func (c *ctx) quotedBreak(ts, k, e int) bool {
	if k+1 >= e || !c.isWord(k+1) || c.relativeGoesOn(ts, k, e) {
		return false
	}
	n := c.low[k+1]
	return c.has(k+1, bitBreak) || n == "but" || len(n) > 5 && strings.HasSuffix(n, "ing") && !c.has(k+1, bitKeep) && !c.d.Tokens[k+1].Has(doc.FlagCap)
}

// nestedInClause reports a cue that is not a verb of saying inside the
// "that" clause another cue reports ("the claim that Crutcher had refused
// to keep his hands up"): part of what is reported, not a statement of its
// own, whatever the two cues' scores.
func (c *ctx) nestedInClause(o, at att) bool {
	return !c.has(at.head, bitSpeech) && o.ts >= 0 && o.ts < at.cs && c.low[o.ts] == "that"
}

// relativeEnd ends the content of a cue inside a relative clause ("Lee,
// who backs the plan, told reporters ...") where the main clause's
// predicate resumes: at a comma before a past-tense verb or an auxiliary
// ("who has sought to carve out support, quickly went up with an ad"),
// and before a closing "and who" that opens the next relative clause.
func (c *ctx) relativeEnd(at *att) {
	if at.ss < 0 || at.se-at.ss != 1 || (c.low[at.ss] != "who" && c.low[at.ss] != "which") || at.ts < at.ce || at.te-at.ts < 2 || c.isMark(at.ts) {
		return
	}
	for k := at.ts + 1; k < at.te; k++ {
		if c.inQ[k] >= 0 {
			return
		}
		if (c.low[k] == "and" || c.low[k] == "but") && k+1 < at.te && (c.low[k+1] == "who" || c.low[k+1] == "which") {
			at.te = k
			return
		}
		if c.low[k] != "," || k+1 >= at.te {
			continue
		}
		n := k + 1
		for n < at.te && c.adverb(n) {
			n++
		}
		if n < at.te && c.isWord(n) && !c.d.Tokens[n].Has(doc.FlagCap) && (strings.HasSuffix(c.low[n], "ed") || c.has(n, bitAux) && !c.adverb(n)) {
			at.te = k
			return
		}
	}
}

// roughly reports "about" at k before a number ("about 1,500 pages",
// "about one-third of the vote"): an adverb of the content, not the
// cue's preposition.
func (c *ctx) roughly(k int) bool {
	if c.low[k] != "about" || k+1 >= len(c.low) {
		return false
	}
	if c.kinds[k+1] == doc.Number {
		return true
	}
	w := c.low[k+1]
	if i := strings.IndexByte(w, '-'); i > 0 {
		w = w[:i]
	}
	return contentLex.numbers[w]
}

// occasionEnd ends an object content before the occasion of speech that
// follows it: "endorsed Lind at a rally in May", "praised the deal in an
// interview on Sunday" (data/occasions.txt). Content that is a clause
// ("that ...", "he ...") or that reports speech of its own keeps it.
func (c *ctx) occasionEnd(at *att) {
	if at.ts < at.ce || at.te-at.ts < 4 || c.isMark(at.ts) || at.kind == "dash" || at.kind == "colon" {
		return
	}
	switch c.low[at.ts] {
	case "that", "he", "she", "they", "we", "i", "it", "you", "whether", "if", "what", "how", "why", "who", "to":
		return
	}
	for k := at.ts + 1; k+2 < at.te; k++ {
		if c.inQ[k] >= 0 || c.isMark(k) || c.has(k, bitSpeech) {
			return
		}
		switch c.low[k] {
		case "in", "at", "during":
		default:
			continue
		}
		if c.low[k+1] != "a" && c.low[k+1] != "an" {
			continue
		}
		for j := k + 2; j < at.te && j <= k+4; j++ {
			if contentLex.occasions[c.low[j]] {
				at.te = k
				return
			}
		}
	}
}
