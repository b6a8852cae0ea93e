// Cue words: whether a verb, noun or phrase of saying starts a cue at a token,
// and the shapes around it (the subject before it, an agent after it).

package quotes

import (
	"strings"

	"github.com/dossier-news/dossier/doc"
)

// colonLead reports a sentence [.., b) that ends in a colon a few words
// after the cue group ending at ce, before a paragraph that opens with a
// quotation: "Caddell continued:", "Sanders made the following comment:".
func (c *ctx) colonLead(ce, b int) bool {
	return c.low[b-1] == ":" && b-1-ce <= 4 && ce <= b && c.nextQuotation(b) >= 0
}

// quoteLayout reports a verb of saying in a direct quotation's layout,
// where the marks settle that it is a cue: “...,” he said / “...,” said
// Mills / “...?” the senator asked / Mills said, “...” / told me: “...”.
func (c *ctx) quoteLayout(k, cs, ce, a, b int) bool {
	if !c.has(k, bitSpeech) {
		// any cue word right before a comma or a colon and a quotation
		// ("the placard read: “...”"): 92% of these are cues in PolNeAR
		// train, whatever the word
		j := ce
		if j < b && c.low[j] == "," {
			j++
		}
		return j < b && j > cs && c.isOpen(j) && (c.low[j-1] == "," || c.low[j-1] == ":")
	}
	// a closing mark after , ? ! within the few tokens before the cue
	for j := cs - 1; j >= a && j >= cs-10; j-- {
		if c.low[j] == "." || c.low[j] == ";" {
			break
		}
		if c.isClose(j) {
			return j-1 >= a && (c.low[j-1] == "," || c.low[j-1] == "?" || c.low[j-1] == "!" || c.low[j-1] == "—")
		}
		if c.isMark(j) && c.role(j) == doc.MarkOpen {
			break
		}
	}
	// an opening mark right after the cue group (and an addressee, or a
	// circumstance: "saying during the debate last week, “...”")
	reach := ce + 3
	if ce < b && c.circumstanceWord(ce) {
		reach = ce + 8
	}
	for j := ce; j < b && j <= reach; j++ {
		if c.isOpen(j) {
			return j-1 >= ce-1 && (c.low[j-1] == "," || c.low[j-1] == ":")
		}
	}
	return false
}

// cueAt reports whether a cue starts at head k of sentence [a, b), and the
// cue's token span with its multi-word continuation and auxiliaries.
func (c *ctx) cueAt(k, a, b int) (cs, ce int, kind string, ok bool) {
	t := &c.d.Tokens[k] // a pointer: the 24-byte copy cost more than the rest of the test
	if c.inQ[k] >= 0 || t.Kind != doc.Word || k > a && t.Has(doc.FlagCap) && !c.headline || t.End-t.Start < 2 {
		// a capitalised cue word inside a sentence is a headline's or a
		// name's, not reported speech
		return
	}
	hv := c.heads(k)
	if hv == 0 {
		return
	}
	w := c.low[k]
	if k > a && t.Has(doc.FlagCap) && (!(strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss")) || k+2 < b && k+4 > b) {
		// headlines report in the present: "Senator Says", "Poll Shows";
		// a capitalised "Blame" or "Plan" is a noun, and a cue has a
		// clause after it or closes the headline ("Harbour Talks Stall")
		return
	}
	kind = "verb"
	ce = k + 1
	matched := false
	var phrases []phrase
	if hv&headPhrase != 0 {
		phrases = lex.phrases[w]
	}
	for _, p := range phrases {
		if p.kind != "after-said" && c.phraseAt(p, k, b) {
			ce = k + len(p.words)
			kind = p.kind
			matched = true
			break
		}
	}
	if !matched && hv&(headCue|headSpeechOnly) == 0 {
		return
	}
	if kind == "verb" {
		// "said in a statement": the circumstance joins the cue
		for _, p := range phrasesOf(c.word(ce)) {
			if p.kind == "after-said" && c.phraseAt(p, ce, b) {
				ce += len(p.words)
				break
			}
		}
	}
	phrasal := false
	if !matched && ce == k+1 && ce < b {
		switch particleOf(c.low[ce]) {
		case "particle":
			// "worried about", "agreed with"; not "said on Monday", nor
			// "said on Twitter": a verb of saying takes only "about"
			// ("said of" is written without the "of" more often in train)
			speech := lex.speech[w]
			if (ce+1 >= b || particleOf(c.low[ce+1]) != "day") && (!speech || c.low[ce] == "about") && !c.roughly(ce) {
				ce++
			}
		case "phrasal":
			// "laid out", "shrugged off", "shot back" (PolNeAR train: 65
			// cues with the particle, 1 without)
			if ce+1 >= b || c.low[ce+1] != "to" {
				ce++
				phrasal = true
			}
		case "day":
			// not "condemned Friday's test": the day is the content's
			if ce+1 >= b || c.low[ce+1] != "'s" && c.low[ce+1] != "’s" && c.low[ce+1] != "s" {
				ce++
			}
		}
	}
	if kind == "verb" && ce == k+1 && ce < b && (c.adverb(ce) || particleOf(c.low[ce]) == "adverb") {
		// "said repeatedly", "argued again": PolNeAR writes the adverb
		// inside the cue (127 to 37 in train)
		ce++
		phrasal = true
	}
	if phrasal && ce < b && particleOf(c.low[ce]) == "particle" && (ce+1 >= b || particleOf(c.low[ce+1]) != "day") && !(lex.speech[w] && c.low[ce] == "of") {
		// "spoke out against", "commented briefly on": after a particle
		// or an adverb, the preposition the verb takes joins the cue
		ce++
	}
	cs = k
	for cs-1 >= a && c.inQ[cs-1] < 0 && (c.has(cs-1, bitAux) || c.adverb(cs-1)) && !(cs-1 > a && c.d.Tokens[cs-1].Has(doc.FlagCap)) && !c.possessive(cs-1) {
		// (a capitalised "May" inside a sentence is a name: "Theresa May said")
		cs--
	}
	if cs-2 >= a && c.low[cs-1] == "since" && c.has(cs-2, bitAux) && c.inQ[cs-2] < 0 {
		// "have since denounced": an adverb here, not a preposition
		cs -= 2
		for cs-1 >= a && c.inQ[cs-1] < 0 && c.has(cs-1, bitAux) && !(cs-1 > a && c.d.Tokens[cs-1].Has(doc.FlagCap)) && !c.possessive(cs-1) {
			cs--
		}
	}
	if ce < b && c.low[ce] == ":" {
		ce++
	}
	return cs, ce, kind, true
}

// phraseAt reports whether the words of phrase p stand from token k on,
// before b.
func (c *ctx) phraseAt(p phrase, k, b int) bool {
	if k+len(p.words) > b {
		return false
	}
	for j, pw := range p.words {
		if c.low[k+j] != pw {
			return false
		}
	}
	return true
}

// subjectEnd is where the subject that opens [ss, se) meets its verb (an
// auxiliary or a lower-case -ed word after a name, a pronoun or a noun), or
// se if no verb comes before a comma.
func (c *ctx) subjectEnd(ss, se int) int {
	for k := ss + 1; k < se; k++ {
		w := c.low[k]
		if w == "," || c.inQ[k] >= 0 {
			break
		}
		p := c.low[k-1]
		afterNoun := c.d.Tokens[k-1].Has(doc.FlagCap) || c.has(k-1, bitSubject) ||
			c.isWord(k-1) && !c.has(k-1, bitAux) && !c.has(k-1, bitDeterminer) && !strings.HasSuffix(p, "ly")
		if afterNoun && c.isWord(k) && !c.d.Tokens[k].Has(doc.FlagCap) && (c.has(k, bitAux) && !c.adverb(k) || strings.HasSuffix(w, "ed") || c.has(k, bitPastVerb)) {
			return k
		}
	}
	return se
}

// closesClause reports a closing mark at k that ends the quoted clause,
// with a comma, a question or exclamation mark, a full stop or a dash
// before it or a comma after it: “...,” the ambassador, 82, said. A quoted
// fragment the writer's words go on from (“...” at the convention, he said)
// leaves the source to the ranker.
func (c *ctx) closesClause(k int) bool {
	if k+1 < len(c.low) && c.low[k+1] == "," {
		return true
	}
	if k-1 < 0 {
		return false
	}
	switch c.low[k-1] {
	case ",", "?", "!", ".", "—", "-", "--", "…":
		return true
	}
	return c.isClose(k - 1)
}

// quoteEndsBefore reports a quotation closing with , ? ! before a source
// phrase that ends at p, inside [lo, p).
func (c *ctx) quoteEndsBefore(lo, p int) bool {
	for k := p - 1; k >= lo && k >= p-30; k-- {
		if c.isMark(k) && c.role(k) != doc.MarkApostrophe {
			return c.isClose(k) && c.closesClause(k)
		}
	}
	return false
}

// laterBy returns the "by" a few words after the cue of at, before hi,
// with no comma, quotation, "that" or verb between; -1 when there is none.
func (c *ctx) laterBy(at *att, hi int) int {
	for k := at.ce; k < hi && k < at.ce+6; k++ {
		w := c.low[k]
		if w == "by" {
			if k+1 < hi {
				return k
			}
			return -1
		}
		if w == "," || w == "that" || c.isMark(k) || c.has(k, bitAux) || strings.HasSuffix(w, "ing") {
			return -1
		}
	}
	return -1
}

// agentEnd is where the agent phrase opening at s ends before hi: at a
// comma, a quotation mark, a stop word other than "of" and "and", or a
// lower-case verb ("criticism from the dockers after they ...").
func (c *ctx) agentEnd(s, hi int) int {
	e := s
	for e < hi && !c.isMark(e) && c.low[e] != "," && c.low[e] != ";" {
		w := c.low[e]
		if e > s && (c.has(e, bitStop) && w != "of" && w != "and" || c.isWord(e) && !c.d.Tokens[e].Has(doc.FlagCap) && (strings.HasSuffix(w, "ed") || strings.HasSuffix(w, "ing") || c.has(e, bitPastVerb) || c.has(e, bitAux))) {
			break
		}
		e++
	}
	return e
}

// nearRelative returns the "who" or "which" after a comma that opens the
// clause a coordinated cue after "and" at p belongs to, within a few words
// and no comma; -1 when there is none.
func (c *ctx) nearRelative(a, p int) int {
	if p <= a || c.low[p] != "and" {
		return -1
	}
	for k := p - 1; k > a && k >= p-12; k-- {
		if c.low[k] == "," || c.inQ[k] >= 0 {
			return -1
		}
		if (c.low[k] == "who" || c.low[k] == "which") && c.low[k-1] == "," {
			return k
		}
	}
	return -1
}

// possessive reports an 's at k that marks a possessor ("Trump's view
// of"), not a shortened "is" or "has" ("he's said"): after a name or a
// noun rather than a pronoun.
func (c *ctx) possessive(k int) bool {
	if c.low[k] != "'s" && c.low[k] != "’s" || k < 1 {
		return false
	}
	return c.isWord(k-1) && !c.has(k-1, bitSubject) && c.low[k-1] != "that" && c.low[k-1] != "there" && c.low[k-1] != "what"
}

// verbStart is where the subject opening the source phrase [ss, se) meets
// a verb of its own ("Rubio also is setting high expectations for",
// "Schlafly had been a strong supporter of"): the cue word that ends the
// phrase is then a noun of the predicate, and the subject is the source.
// Unlike subjectEnd it reads past commas only inside no clause, and leaves
// possessives ("Sanders's campaign manager"), relative clauses ("Democrats
// who watched") and participles with their circumstance ("a poll released
// last week") inside the source.
func (c *ctx) verbStart(ss, se int) int {
	for k := ss + 1; k < se; k++ {
		w := c.low[k]
		if w == "," || c.inQ[k] >= 0 || c.relative(k) || c.has(k, bitStop) {
			break
		}
		if w == "’s" || w == "'s" || w == "s" || w == "what" {
			if w == "what" {
				break
			}
			continue
		}
		p := c.low[k-1]
		afterNoun := !c.has(k-1, bitDeterminer) && c.kind(k-1) != doc.Number && !c.has(k-1, bitOpener) && (c.d.Tokens[k-1].Has(doc.FlagCap) || c.has(k-1, bitSubject) ||
			c.isWord(k-1) && !c.has(k-1, bitAux) && !strings.HasSuffix(p, "ly"))
		if !afterNoun || !c.isWord(k) || c.d.Tokens[k].Has(doc.FlagCap) {
			continue
		}
		if k-2 >= ss && (c.has(k-1, bitSubject) || c.d.Tokens[k-1].Has(doc.FlagCap)) && c.isWord(k-2) && !c.d.Tokens[k-2].Has(doc.FlagCap) && !c.has(k-2, bitDeterminer) && !c.has(k-2, bitStop) && !c.has(k-2, bitAux) {
			// "the experts I interviewed": a relative clause without "who"
			continue
		}
		if c.has(k, bitAux) && !c.adverb(k) {
			return k
		}
		if (strings.HasSuffix(w, "ed") || c.has(k, bitPastVerb)) && !c.participlePhrase(k, se) && !(k+1 < se && c.has(k+1, bitStop)) {
			return k
		}
	}
	return se
}

// leadSubject returns the subject of the first verb of the sentence
// opening at a, before p: the source phrase the ranker picks before that
// verb; -1, -1 when no verb is found. A past verb may follow a comma that
// closes an apposition ("Okafor, a former docker, visited ...").
func (c *ctx) leadSubject(m *models, a, p int) (int, int) {
	for k := a + 1; k < p; k++ {
		w := c.low[k]
		if c.inQ[k] >= 0 || c.isMark(k) {
			return -1, -1
		}
		if !c.isWord(k) || c.d.Tokens[k].Has(doc.FlagCap) || w == "’s" || w == "'s" {
			continue
		}
		q := c.low[k-1]
		if c.has(k-1, bitDeterminer) || c.has(k-1, bitOpener) || c.has(k-1, bitStop) || c.has(k-1, bitAux) || !c.isWord(k-1) && !(q == "," && k-2 > a && c.isWord(k-2) && (strings.HasSuffix(w, "ed") || c.has(k, bitPastVerb))) {
			continue
		}
		if c.has(k, bitAux) && !c.adverb(k) || (strings.HasSuffix(w, "ed") || c.has(k, bitPastVerb)) && !c.participlePhrase(k, p) {
			ss := c.sourceStart(m, k, a)
			if ss < a || ss >= k {
				return -1, -1
			}
			return ss, k
		}
	}
	return -1, -1
}

// adverb reports a lower-case -ly word, which news writers put inside the
// verb group ("successfully argued", "repeatedly said").
func (c *ctx) adverb(k int) bool {
	w := c.low[k]
	return len(w) > 4 && strings.HasSuffix(w, "ly") && !c.d.Tokens[k].Has(doc.FlagCap) && !c.has(k, bitNotAdverb)
}

// trim narrows [s, e) to leave out edge punctuation.
func (c *ctx) trim(s, e int) (int, int) {
	for s < e && c.punctEdge(s) {
		s++
	}
	for e > s && (c.punctEdge(e-1) || c.low[e-1] == "and" || c.low[e-1] == "but") {
		e--
	}
	return s, e
}

// passive reports a cue in the passive voice with no agent ("is
// expected to", "was reported"), or a verb of seeming, which has no source
// in the sentence.
func (c *ctx) passive(at *att) bool {
	// "was told by aides", "were criticized by" name their agent
	if c.has(at.head, bitRaising) {
		// "The plan appears to have stalled": what appears is the
		// whole clause, subject included (data/raising.txt)
		return true
	}
	if c.has(at.head, bitStance) {
		// "Some Democrats are concerned that ...": the subject speaks
		return false
	}
	return c.beGroup(at) && c.participle(at.head) && !(at.ce < len(c.low) && c.low[at.ce] == "by")
}

// passiveBy reports a passive cue followed by its agent ("was reported
// by", "were criticized by").
func (c *ctx) passiveBy(at *att, hi int) bool {
	return at.ce+1 < hi && c.low[at.ce] == "by" && c.beGroup(at) && c.participle(at.head)
}

func (c *ctx) beGroup(at *att) bool {
	for k := at.cs; k < at.head; k++ {
		switch c.low[k] {
		case "is", "are", "was", "were", "be", "been", "being":
			return true
		}
	}
	return false
}

func (c *ctx) participle(k int) bool {
	h := c.low[k]
	return strings.HasSuffix(h, "ed") || strings.HasSuffix(h, "en") || h == "said" || h == "told"
}
