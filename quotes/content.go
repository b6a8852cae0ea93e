package quotes

import (
	"strings"

	"github.com/dossier-news/dossier/doc"
)

// Content boundaries that PolNeAR's conventions settle beyond the layouts
// of quotes.go: which words at the edges of a content belong to it.

var contentLex = loadContentLexicons()

type contentLexicons struct {
	toCues     map[string]bool
	toVerbs    map[string]bool // cue_infinitives.txt
	numbers    map[string]bool // number_words.txt
	occasions  map[string]bool // occasions.txt
	statements map[string]bool // statement_nouns.txt
	openers    map[string]bool
	preps      map[string]bool
	subord     map[string]bool
	goesOn     map[[2]string]bool
}

func loadContentLexicons() *contentLexicons {
	l := &contentLexicons{
		preps:      wordSet("content_preps.txt"),
		openers:    wordSet("content_openers.txt"),
		toCues:     wordSet("to_cues.txt"),
		toVerbs:    wordSet("cue_infinitives.txt"),
		numbers:    wordSet("number_words.txt"),
		occasions:  wordSet("occasions.txt"),
		statements: wordSet("statement_nouns.txt"),
		subord:     wordSet("subordinators.txt"),
		goesOn:     map[[2]string]bool{},
	}
	for w := range wordSet("clause_goes_on.txt") {
		f := strings.Fields(w)
		if len(f) != 2 {
			panic("quotes: clause_goes_on.txt: want two words a line, got " + w)
		}
		l.goesOn[[2]string{f[0], f[1]}] = true
	}
	return l
}

// goesOn reports whether the comma at k opens two words that continue the
// content (data/clause_goes_on.txt).
func (c *ctx) goesOn(k, e int) bool {
	return k+2 < e && contentLex.goesOn[[2]string{c.low[k+1], c.low[k+2]}]
}

// cuePreposition moves a preposition that opens content written right
// after the cue into the cue: "expressed concern about the policy" reports
// "the policy", with "expressed concern about" as its cue.
func (c *ctx) cuePreposition(at *att) {
	if at.ts != at.ce || at.ts < 0 || at.te <= at.ts || at.kind == "dash" || at.kind == "colon" || at.kind == "source-after" || c.inQ[at.ts] >= 0 {
		return
	}
	if at.te-at.ts < 2 {
		return
	}
	w := c.low[at.ts]
	switch w {
	case "morning", "afternoon", "evening", "night":
		if particleOf(c.low[at.ce-1]) == "day" {
			// "said Friday afternoon, as ...": the part of the day
			// joins the day in the cue
			at.ce++
			at.ts++
			for at.ts < at.te && c.low[at.ts] == "," {
				at.ts++
			}
			return
		}
	}
	if w == "to" && at.ce == at.head+1 && contentLex.toVerbs[c.low[at.head]] && at.te-at.ts > 2 && c.isWord(at.ts+1) && c.inQ[at.ts+1] < 0 && !c.d.Tokens[at.ts+1].Has(doc.FlagCap) {
		// "continued to question whether ...": the infinitive is the
		// statement's verb, and the cue's
		at.ce += 2
		if at.te-at.ce > 1 && (particleOf(c.low[at.ce]) == "particle" || particleOf(c.low[at.ce]) == "phrasal") {
			at.ce++
		}
		at.ts = at.ce
		return
	}
	if w == "to" && contentLex.toCues[c.low[at.ce-1]] && c.isWord(at.ts+1) {
		// "responded to the ruling": a preposition, not an infinitive
		at.ce++
		at.ts++
		return
	}
	if !contentLex.preps[w] || !c.isWord(at.ts+1) || w == "up" && c.low[at.ts+1] == "to" || c.roughly(at.ts) {
		// ("said up to 50 people were hurt": a number follows)
		return
	}
	for k := at.ts + 2; k+1 < at.te && k < at.ts+8; k++ {
		if c.low[k] == "," && c.isOpen(k+1) {
			// "joked of the museum, “...”": the phrase is the cue's, the
			// quotation the content
			at.ce, at.ts = k, k+1
			return
		}
		if c.inQ[k] >= 0 || c.isMark(k) {
			break
		}
	}
	if c.has(at.head, bitSpeech) && (w == "in" || w == "from" || w == "at" || w == "on") {
		// "said in a June report, and ...": a circumstance, which
		// PolNeAR leaves out of the cue
		return
	}
	at.ce++
	at.ts++
}

// addresseeThen reports a subject pronoun at k opening a clause after an
// addressee [rs, k) of a verb like "told": "told reporters he would stay",
// "told Politico she was leaning toward Cruz".
func (c *ctx) addresseeThen(rs, k int) bool {
	switch c.low[k] {
	case "he", "she", "they", "we", "i":
	default:
		return false
	}
	for j := rs; j < k; j++ {
		if !c.isWord(j) || c.has(j, bitAux) || c.inQ[j] >= 0 || c.has(j, bitAskOpener) {
			// ("asked whether he would run": the question's opener is
			// no addressee, the content starts with it)
			return false
		}
	}
	return true
}

// quotationAfter returns the opening mark of a quotation that closes the
// stretch [rs, re) after a cue, set off by a colon, a comma or a dash a few
// words on ("wrote to Mills: “Why now?”", "joked, in a Southern accent,
// “Amen!”"): the quotation is the content, the words before it the cue's
// circumstance. -1 when there is none.
func (c *ctx) quotationAfter(rs, re int) int {
	if rs >= re || c.low[rs] == "that" {
		return -1
	}
	for k := rs + 1; k < re && k <= rs+4; k++ {
		if c.low[k] == "that" || c.inQ[k] >= 0 || c.has(k, bitSubject) || c.has(k, bitAux) || strings.HasSuffix(c.low[k], "ing") || c.low[k] == "such" || c.low[k] == "including" {
			// the words before the quotation are a clause or a list's
			// opening of their own ("she recalled thinking, “...”")
			return -1
		}
		if !c.isOpen(k) {
			continue
		}
		switch c.low[k-1] {
		case ":", ",":
		default:
			return -1
		}
		if q := c.quotationEnd(k); q >= re-1 && q <= re+1 {
			return k
		}
		return -1
	}
	return -1
}

// participleCue reports a cue that is a participle after a comma, the
// writer's aside to a statement ("Lee said, referring to the bill, “...”").
func (c *ctx) participleCue(q att) bool {
	return q.head >= 0 && q.cs > 0 && c.low[q.cs-1] == "," && strings.HasSuffix(c.low[q.head], "ing")
}

// linkingStart moves content that opens its sentence at a past a linking
// adverb and its comma ("However, exports fell, the agency said"), and
// content laid out around "according to" past an opening "But" or "And"
// (in other layouts PolNeAR keeps the conjunction as often as not).
func (c *ctx) linkingStart(at *att, a int) {
	if at.ts != a || at.te-at.ts < 4 || c.isMark(at.ts) {
		return
	}
	if contentLex.openers[c.low[at.ts]] && c.low[at.ts+1] == "," {
		at.ts += 2
		return
	}
	if at.kind == "source-after" && (c.low[at.ts] == "but" || c.low[at.ts] == "and") {
		at.ts++
	}
}

// apposition reports a comma at k after a name that opens a closing
// noun phrase describing it, the writer's gloss, in content that is a
// clause (from ts): "said he backed Cruz, the senator from Texas." PolNeAR
// ends such content at the comma; the object of other cues keeps its gloss
// ("criticized Shelby, a police officer"), and so does a list ("Berry, the
// singer Mays and the judge Marshall"). The phrase runs to e with no other
// comma, dash, quotation mark or "and".
func (c *ctx) apposition(ts, k, e int) bool {
	switch c.low[k+1] {
	case "the", "a", "an":
	default:
		return false
	}
	if !c.d.Tokens[k-1].Has(doc.FlagCap) || !c.isWord(k-1) {
		return false
	}
	switch c.low[ts] {
	case "that", "he", "she", "they", "we", "i", "it":
	default:
		if ts < 1 || !c.has(ts-1, bitSpeech) {
			return false
		}
	}
	for j := k + 2; j < e; j++ {
		if c.isMark(j) || c.punctEdge(j) && c.low[j] != "." || c.low[j] == "and" {
			return false
		}
	}
	return true
}

// sourceGloss reports that the words after the comma at e, which closes
// the source of "according to", describe that source or are the writer's
// own ("..., according to Jason Delisle, who advised the campaign";
// "according to Crowdpac, the most of any candidate"), not the rest of the
// reported statement ("X, according to Y, is ..."). The caller asks only
// after a clause: after "Now, according to the poll, some are swinging"
// the statement goes on whatever the next word.
func (c *ctx) sourceGloss(e, hi int) bool {
	k := e
	for k < hi && c.low[k] == "," {
		k++
	}
	if k >= hi {
		return false
	}
	w := c.low[k]
	return c.has(k, bitDeterminer) || c.has(k, bitBreak) || w == "who" || w == "which" ||
		c.d.Tokens[k].Has(doc.FlagCap) || c.kind(k) == doc.Number || strings.HasSuffix(w, "ing") && c.isWord(k)
}

// raisingContent settles the content of a cue of seeming or expecting, or
// of a passive with no agent: "It seems the plan has stalled" reports the
// clause after the cue, and the clause of "The plan appears to have
// stalled, the last weeks show" ends at its first comma, colon or hyphen
// (PolNeAR train exact_content +49).
func (c *ctx) raisingContent(at *att) {
	if at.ts == at.cs-1 && c.low[at.ts] == "it" && at.ce < at.te {
		at.ts = at.ce
		if at.ts < at.te && c.low[at.ts] == "," {
			at.ts++
		}
		return
	}
	for k := at.ce + 1; k < at.te; k++ {
		if c.inQ[k] < 0 && (c.low[k] == "," || c.low[k] == ":" || c.low[k] == "-") {
			at.te = k
			return
		}
	}
}

// addresseePhrase reports that all of [rs, re) after a cue is the person
// spoken to ("“...,” Lee said to reporters.", "wrote to investors", "...,
// sources told Politico.") or the part of the day after a day ("...,
// a spokesman announced Monday morning."): not content, like a
// circumstance.
func (c *ctx) addresseePhrase(at *att, rs, re int) bool {
	if c.has(at.head, bitAddressee) && re-rs <= 3 && c.objectOnly(rs, re) {
		// "..., sources told Politico.": the person told, no content
		return true
	}
	if re-rs == 1 && at.ce > 0 && particleOf(c.low[at.ce-1]) == "day" {
		switch c.low[rs] {
		case "morning", "afternoon", "evening", "night":
			// "..., a spokesman announced Monday morning."
			return true
		}
	}
	if re-rs > 5 || re-rs < 2 || c.low[rs] != "to" || !c.has(at.head, bitSpeech) {
		return false
	}
	for k := rs + 1; k < re; k++ {
		if !c.isWord(k) || c.has(k, bitAux) || c.low[k] == "that" {
			return false
		}
	}
	return true
}

// objectOnly reports that [s, e) is an object pronoun or a name (a run of
// capitalised words), the addressee of "told" with nothing after it.
func (c *ctx) objectOnly(s, e int) bool {
	if e-s == 1 {
		switch c.low[s] {
		case "me", "him", "her", "them", "us", "reporters":
			return true
		}
	}
	for k := s; k < e; k++ {
		if !c.isWord(k) || !c.d.Tokens[k].Has(doc.FlagCap) && !c.d.Tokens[k].Has(doc.FlagAllCaps) && !(k > s && c.has(k, bitDeterminer)) {
			return false
		}
	}
	return e > s
}

// colonParagraph returns the paragraph that starts at token b, after a
// sentence ending in a colon, when it holds no quotation mark: the words
// a "... added:" introduces in a transcript's layout. -1, -1 otherwise.
func (c *ctx) colonParagraph(b int) (int, int) {
	if b >= len(c.low) || !c.paraStart(b) || c.isMark(b) {
		return -1, -1
	}
	e := b + 1
	for e < len(c.low) && !c.paraStart(e) {
		if c.isMark(e) && c.role(e) != doc.MarkApostrophe {
			return -1, -1
		}
		e++
	}
	if e-b < 4 {
		return -1, -1
	}
	return c.trim(b, e)
}

// afterDateline returns where content starting at ts begins once a
// dateline that opens its paragraph ("GENEVA —", "LAGOS, Nigeria --",
// "LONDON (Reuters) -"; the text layer finds them) is left out: the place
// is the writer's, not part of what a source reports ("..., according to
// the United Nations" takes its content from the sentence's start).
// PolNeAR train and dev start content after the dateline 8 times to 1.
func (c *ctx) afterDateline(ts, te int) int {
	if !c.paraStart(ts) {
		return ts
	}
	start := c.d.Tokens[ts].Start
	for _, dl := range c.d.Datelines {
		if dl.Start == start && dl.Body < te {
			return dl.Body
		}
		if dl.Start > start {
			break
		}
	}
	return ts
}

// statementCue stretches the cue of "issued a statement ... saying" over
// the statement and the participle that introduces what it says, as
// PolNeAR writes it: "released a statement Wednesday saying" is the cue,
// and the content starts after it ("calling on" keeps its particle).
func (c *ctx) statementCue(at *att, sib []att) {
	if w := c.low[at.head]; at.cs == at.head && len(w) > 4 && strings.HasSuffix(w, "ing") {
		// the participle was the cue ("The union released a video
		// calling on ..."): the cue reaches back over the statement to
		// its verb
		for k := at.cs - 1; k >= 2 && k >= at.cs-8; k-- {
			if c.inQ[k] >= 0 || c.isMark(k) || c.low[k] == "," && k != at.cs-1 {
				return
			}
			if contentLex.statements[c.low[k]] && (c.low[k-1] == "a" || c.low[k-1] == "an") {
				v := c.low[k-2]
				if (strings.HasSuffix(v, "ed") || strings.HasSuffix(v, "es")) && c.isWord(k-2) && (at.se <= k-2 || at.ss < 0) {
					at.cs = k - 2
				}
				return
			}
		}
		return
	}
	if at.ts != at.ce || at.te-at.ts < 2 || c.inQ[at.ts] >= 0 || at.head+1 != at.ce {
		return
	}
	if c.low[at.ts] != "a" && c.low[at.ts] != "an" || !contentLex.statements[c.low[at.ts+1]] {
		return
	}
	for k := at.ts + 2; k < len(c.low) && k <= at.ts+10; k++ {
		if k >= at.te {
			// the participle is a cue of its own, which ended this
			// content: its content is the statement's
			for _, o := range sib {
				if o.head == k && o.ts > k && o.te > o.ts {
					at.ce, at.ts, at.te = o.ce, o.ts, o.te
					return
				}
			}
			return
		}
		if c.inQ[k] >= 0 || c.isMark(k) || c.low[k] == "that" {
			return
		}
		w := c.low[k]
		if len(w) > 4 && strings.HasSuffix(w, "ing") && c.isWord(k) && !c.d.Tokens[k].Has(doc.FlagCap) {
			ce := k + 1
			if ce+1 < at.te && particleOf(c.low[ce]) == "particle" {
				ce++
			}
			ts := ce
			for ts < at.te && (c.low[ts] == "," || c.low[ts] == ":") {
				ts++
			}
			if ts >= at.te {
				return
			}
			at.ce, at.ts = ce, ts
			return
		}
	}
}
