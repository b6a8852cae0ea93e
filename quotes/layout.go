// Where an attribution's source and content lie around its cue.

package quotes

import (
	"strings"

	"github.com/dossier-news/dossier/doc"
)

// layout finds the source and content of attribution at (index i of the
// sentence's attributions sib) in sentence [a, b).
//
// It is long (about 340 lines) because it tries the layouts a cue can have in
// their order of precedence over state they share (the stretch [lo, hi) the
// cue owns, the source found so far); one function per layout chosen from a
// table is the next step (issue 11).
func (c *ctx) layout(m *models, at *att, sib []att, i, a, b int) {
	// the stretch of the sentence this cue owns: from the end of the
	// previous cue's group to the start of the next one's
	lo, hi := a, b
	if i > 0 {
		lo = sib[i-1].ce
	}
	if i+1 < len(sib) {
		hi = c.clauseEnd(m, sib[i+1], at.ce, b)
	}
	if at.kind == "source-after" {
		start := c.statementStart(lo, a, at.cs)
		switch {
		case lo > a && !c.hasWords(lo, at.cs):
			// "“...,” Grayson said, according to Frankel": what Frankel
			// reports holds the earlier cue and its content
			start = a
		case !c.hasWords(lo, at.cs):
			// "According to the poll, 51 percent said ...": what the poll
			// reports holds the later cue and its content
			hi = b
		}
		c.layoutAccording(at, start, hi)
		return
	}
	if c.passiveBy(at, hi) {
		// "The issue was first reported by The Washington Post": the
		// agent is the source, the subject the content; "by" stays
		// out of the cue (PolNeAR train 53 to 18, though dev has 2 to 5)
		at.kind = "passive"
		e := c.rightSourceEnd(at.ce+1, hi)
		at.ss, at.se = c.trim(at.ce+1, e)
		at.ts, at.te = c.trim(lo, at.cs)
		if at.se <= at.ss {
			at.ss, at.se = -1, -1
		}
		return
	}
	if by := c.laterBy(at, hi); by > 0 && c.beGroup(at) && c.participle(at.head) && !c.has(at.head, bitRaising) {
		// "Ginsburg was appointed to the court by Clinton": the agent
		// a few words on is the source, the subject the content
		at.kind = "passive"
		e := c.agentEnd(by+1, hi)
		if ss, se := c.trim(by+1, e); se > ss && c.contentWord(ss, se) {
			at.ss, at.se = ss, se
			at.ts, at.te = c.trim(lo, at.cs)
			return
		}
	}
	if c.passive(at) && c.has(at.head, bitAskCue) && c.hasWords(at.ce, hi) {
		// "Lind was asked whether the port would close": what was asked
		// follows the cue, and whoever asked is not named
		at.kind = "passive"
		ts := at.ce
		for ts < hi && c.low[ts] == "," {
			ts++
		}
		at.ts, at.te = c.trim(ts, hi)
		if at.te > at.ts {
			at.te = c.contentEnd(at.ts, at.te)
		}
		return
	}
	if c.passive(at) {
		// "The veto is expected to come before Friday": no source, and
		// the whole clause is what is expected
		at.kind = "passive"
		at.ts, at.te = c.trim(lo, hi)
		if at.ts < at.cs {
			// the subject starts the content, not a sentence adverbial
			// before it ("In the past days, the mayor seemed ...")
			if ss := c.sourceStart(m, at.cs, at.ts); ss >= at.ts && ss < at.cs {
				at.ts = ss
			}
		}
		at.te = c.contentEnd(at.ts, at.te)
		c.raisingContent(at)
		for k := at.cs; k < at.te; k++ {
			// "..., as the crowd cheered": the writer's own clause
			if c.inQ[k] < 0 && c.low[k] == "," && k+1 < at.te && c.has(k+1, bitPassiveBrk) {
				at.te = k
				break
			}
		}
		return
	}
	p := at.cs - 1
	// “...,” said Mills  /  “...,” Mills said: the text before the source
	quoteBefore := func(k int) bool {
		return k >= lo && (c.isClose(k) || c.low[k] == "," && k-1 >= lo && c.isClose(k-1))
	}
	sourceLeft := p >= lo && (c.isWord(p) || c.low[p] == ")") && !c.has(p, bitStop) && c.inQ[p] < 0
	// "Mr. Kamin, who emphasized that ...": PolNeAR's source is the
	// relative pronoun (421 times in train); emit resolves it to the
	// name before it
	relSource := p >= lo && c.relative(p) && c.inQ[p] < 0
	appos := c.dashApposition(lo, p)
	sourceLeft = sourceLeft || relSource || appos >= 0
	// the stretch after the cue
	r := at.ce
	for r < hi && (c.low[r] == "," || c.low[r] == ":") {
		r++
	}
	rs, re := c.trim(r, hi)
	if re > rs && (c.circumstance(rs, re) || re-rs == 1 && strings.HasSuffix(c.low[rs], "ly") || c.addresseePhrase(at, rs, re)) {
		// "he said on Monday.", "he said sarcastically.": not content
		re = rs
	}
	colonLead := hi == b && c.colonLead(at.ce, b)
	if colonLead {
		// "made the following comment:" then the quotation
		re = rs
	}
	rightContent := re > rs && !(re-rs == 1 && c.isMark(rs))
	opensContent := rightContent && (c.has(rs, bitStart) || c.isOpen(rs))

	if at.cs == a && c.has(at.head, bitSpeech) && rightContent {
		// "Said Ellis: “...”": the speaker follows, then the quotation
		for j := at.ce; j < re && j <= at.ce+8; j++ {
			if c.isOpen(j) && j > at.ce && (c.low[j-1] == ":" || c.low[j-1] == ",") {
				at.ss, at.se = c.trim(at.ce, j)
				at.ts, at.te = j, c.extendContinued(j, c.quotationEnd(j))
				if at.se > at.ss {
					return
				}
				at.ss, at.se, at.ts, at.te = -1, -1, -1, -1
				break
			}
		}
	}
	nameAfter := false
	if !sourceLeft && p >= lo && rightContent && c.subordinate(p, at.head) {
		// "Dean began by saying ...": the subject of the sentence speaks
		if i > 0 && sib[i-1].ss >= 0 {
			at.ss, at.se = sib[i-1].ss, sib[i-1].se
		} else {
			at.ss, at.se = c.sentenceSubject(a, p)
			// (the subject of the first verb, when there is one: "Small
			// groups of protesters continued ..., while chanting")
			if ss, se := c.leadSubject(m, a, p); ss >= 0 {
				at.ss, at.se = ss, se
			}
		}
	} else if r := c.nearRelative(a, p); !sourceLeft && r >= 0 {
		// "..., who marched to the gates and demanded ...": the relative
		// pronoun of the nearer clause
		at.ss, at.se = r, r+1
	} else if !sourceLeft && p >= lo && (c.low[p] == "and" || c.low[p] == "but") && i > 0 && sib[i-1].ss >= 0 {
		// "X urged ... and said ...": the same source goes on
		at.ss, at.se = sib[i-1].ss, sib[i-1].se
	} else if !sourceLeft && p > a && rightContent && (c.low[p] == "and" || c.low[p] == "but" || c.low[p] == "to" && c.has(p-1, bitCatenative)) && (i == 0 || sib[i-1].ss < 0) {
		// "Cruz urged restraint and said ...", "Lind went on to explain
		// ...": the subject of the sentence's first verb speaks (the
		// first verb was no cue; data/catenatives.txt)
		at.ss, at.se = c.leadSubject(m, a, p)
		if at.ss < 0 && c.low[p] != "to" {
			// ("Okafor voted in May and says ...", "The firm keeps its
			// books secret but says ...": a name or a pronoun opening
			// the sentence)
			at.ss, at.se = c.sentenceSubject(a, p)
		}
	} else if !sourceLeft && p >= lo && c.low[p] == "," && i > 0 && sib[i-1].ss >= 0 && (strings.HasSuffix(c.low[at.head], "ing") || opensContent) {
		// "..., adding that ...": the same source goes on
		at.ss, at.se = sib[i-1].ss, sib[i-1].se
	} else if !sourceLeft && p >= lo && c.low[p] == "," && !quoteBefore(p) {
		switch {
		case rightContent && rs == at.ce && c.has(at.head, bitAddressee) && c.quoteEndsBefore(lo, p) && c.hasWords(lo, p):
			// "“...,” Ann Lee, the chair, told reporters": the name after
			// the cue is the addressee, the speaker stands before it
			sourceLeft = true
		case rightContent && rs == at.ce && c.has(at.head, bitSpeech) && c.nameThenComma(rs, re):
			// "..., said Jeffrey N. Trimble, a senior official": a name
			// and a comma after the cue are its source
			nameAfter = true
		case i > 0 && sib[i-1].ss >= 0:
			// "..., adding that ...": the same source goes on
			at.ss, at.se = sib[i-1].ss, sib[i-1].se
		case !rightContent && c.hasWords(lo, p):
			// "“...,” Marta Lind, the chief executive, said." and
			// "Hugh Hill, a doctor, said:" before a quotation
			sourceLeft = true
		case rightContent && (opensContent || re-rs > 6 || !c.sourceOpener(rs) || !c.has(at.head, bitSpeech) || c.nameThenClause(rs, re)) && c.hasWords(lo, p):
			// "Rendell, a Clinton surrogate, said he ...", "..., said at a rally"
			sourceLeft = true
		}
	}
	if sourceLeft {
		at.se = at.cs
		at.ss = c.sourceStart(m, at.se, a)
		if appos >= 0 {
			at.ss = c.sourceStart(m, appos, a)
		}
		if relSource {
			at.ss = p
		}
		// a source never swallows a surer cue: "Diop said he took part in
		// the hope that ..." keeps "said" and gives up "hope"'s long source
		for j := i - 1; j >= 0; j-- {
			if sib[j].cs >= at.ss && sib[j].score >= at.score {
				at.ss = c.sourceStart(m, at.se, sib[j].ce)
				break
			}
		}
		if !rightContent || !opensContent {
			// “...,” the ambassador, 82, told reporters: the source is what
			// lies between the closing mark and the cue
			for k := at.cs - 1; k >= lo; k-- {
				if c.isMark(k) && c.role(k) != doc.MarkApostrophe {
					if c.isClose(k) && c.closesClause(k) {
						st := k + 1
						for st < at.cs && c.low[st] == "," {
							st++
						}
						if st < at.cs {
							at.ss = st
						}
					}
					break
				}
			}
		}
		leftQuote := quoteBefore(at.ss - 1)
		if leftQuote && rightContent && c.titleBefore(at.ss-1, lo) {
			// "On this week's broadcast of “Fox News Sunday,” Pence said
			// his ...": a quoted title inside the writer's phrase, not
			// the speaker's words
			leftQuote = false
		}
		if rightContent && leftQuote && !opensContent {
			// “A,” Trump said at a rally, “B.”: both sides when a quotation
			// resumes after the circumstance
			for j := rs; j < re; j++ {
				if c.isOpen(j) && j > rs && (c.low[j-1] == "," || j == rs+1 && (c.low[rs] == "but" || c.low[rs] == "and") || c.abbrevEnd(j-1)) {
					// (and “A,” he said, but “B.”)
					at.ts, at.te = c.extendBack(lo), c.extendContinued(j, re)
					at.merged = true
					return
				}
			}
		}
		if rightContent && !(leftQuote && !opensContent) {
			at.ts = c.contentStart(at, rs, re)
			at.te = c.contentEnd(at.ts, re)
			at.te = c.closeEnd(at.ts, at.te)
			at.te = c.extendContinued(at.ts, at.te)
			// “A,” he said, “B.” and "A, he said, B": the content is both sides
			// ("As for RT, he said, “...”" keeps the quotation alone)
			if at.ss > lo && (leftQuote || c.low[at.ss-1] == "," && c.word(at.ce) == "," && !c.isOpen(rs)) && c.hasWords(lo, at.ss) {
				at.ts = c.extendBack(lo)
			}
			return
		}
	} else if rightContent && quoteBefore(p) && !opensContent && (c.sourceOpener(rs) || c.titleThenName(rs, re)) {
		// “...,” said Mills, the ambassador.
		e := c.rightSourceEnd(at.ce, hi)
		at.ss, at.se = c.trim(at.ce, e)
		if at.se <= at.ss {
			at.ss, at.se = -1, -1
		}
		at.ts, at.te = c.trim(lo, p+1)
		at.ts = c.extendBack(at.ts)
		if e < hi && c.opensAfter(e, hi) {
			// “A,” said Mills, “B.”
			at.te = c.extendContinued(e, hi)
		}
		return
	} else if rightContent {
		if nameAfter || at.ss < 0 && p >= lo && c.low[p] == "," && c.has(at.head, bitSpeech) && c.isWord(at.ce) && c.sourceOpener(at.ce) && !opensContent && c.hasWords(lo, at.cs) && re-rs <= 12 && !c.nameThenClause(at.ce, re) {
			// "The economy is weak, said Mills, the ambassador."
			e := c.rightSourceEnd(at.ce, hi)
			at.ss, at.se = c.trim(at.ce, e)
			at.ts, at.te = c.trim(c.statementStart(lo, a, at.cs), at.cs)
			return
		}
		at.ts = c.contentStart(at, rs, re)
		at.te = c.contentEnd(at.ts, re)
		at.te = c.closeEnd(at.ts, at.te)
		at.te = c.extendContinued(at.ts, at.te)
		return
	}
	if !colonLead && !rightContent && hi == b && at.ce >= b-1 && c.low[b-1] == ":" {
		if ts, te := c.colonParagraph(b); te > ts {
			// "The governor added:" then a paragraph of his words
			// with no quotation marks (a transcript's layout)
			at.ts, at.te = ts, te
			return
		}
	}
	// nothing after the cue but a colon: the quotation that follows
	if colonLead {
		if q := c.nextQuotation(b); q >= 0 {
			at.ts, at.te = q, c.extendContinued(q, c.quotationEnd(q))
			return
		}
	}
	// content before the cue: “...,” he said.
	end := at.cs
	if sourceLeft {
		end = at.ss
	}
	from := lo
	if sourceLeft && at.ss-1 > lo && c.low[at.ss-1] == "," {
		from = c.statementStart(lo, a, end)
	}
	ts, te := c.trim(from, end)
	if te-1 > ts && c.low[te-1] == "as" {
		// "Scott had a gun, as police have said": "as" opens the
		// attribution, not the content
		ts, te = c.trim(ts, te-1)
	}
	for ts < te && ts == from && (c.low[ts] == "but" || c.low[ts] == "and" || c.low[ts] == "yet" || c.low[ts] == "so") {
		// "But the goal is not revenue, he said": the conjunction links
		// the sentence to the last, it is not the speaker's
		ts, te = c.trim(ts+1, te)
	}
	if te > ts {
		if q := c.quotationOpen(te - 1); q > ts && c.low[q-1] == ":" {
			// "X scolded him: “...,” she said": the quotation after the
			// colon is what the cue reports
			ts = q
		}
		at.ts, at.te = c.extendBack(ts), te
		// a quotation closing before the comma is the content when only
		// debris lies between it and the cue
		if q := c.lastClose(ts, te); q > ts && c.d.Flagged(doc.Span{Start: c.d.Tokens[q].End, End: c.d.Tokens[te-1].End}) {
			at.te = q + 1
		}
		return
	}
	// “Who will pay?” / the senator asked.: a quotation ending in ? or !
	// that the text layer closed as a sentence of its own
	if lo == a && at.sent > 0 && end <= at.cs {
		ps := c.sents[at.sent-1]
		k := ps.Tokens.End - 1
		if ps.Para == c.sents[at.sent].Para && k > ps.Tokens.First && c.isClose(k) && (c.low[k-1] == "?" || c.low[k-1] == "!" || c.low[k-1] == ".") {
			for j := k - 1; j >= ps.Tokens.First; j-- {
				if c.isOpen(j) {
					at.ts, at.te = c.extendBack(j), k+1
					break
				}
			}
		}
	}
}

// clauseEnd is where the content of a cue gives way to the next cue n of
// the same sentence: before a coordinated cue ("..., adding that", "but Y
// said"), and at the sentence end when the next cue is nested inside the
// content ("said that X believes Y").
func (c *ctx) clauseEnd(m *models, n att, lo, b int) int {
	p := n.cs - 1
	if p < lo {
		return n.cs
	}
	if n.kind == "source-after" {
		return n.cs
	}
	if c.subordinate(p, n.head) {
		// "responded ... by saying that ...": a statement of its own
		return n.cs
	}
	if c.askedAfter(p, n.head) {
		// "..., Okafor said when asked whether ...": the question is
		// another statement, and "when" is no part of the first
		return p
	}
	if !(c.isWord(p) && !c.has(p, bitStop) && c.inQ[p] < 0) {
		// no source of its own: "..., adding that ..."; but a cue word
		// after "to" or "of" is inside the content ("committed to
		// defending its territory")
		switch c.low[p] {
		case "to", "of", "for", "by", "about", "from", "the", "a", "an", "that":
			return b
		}
		return n.cs
	}
	ss := c.sourceStart(m, n.cs, lo)
	q := ss - 1
	if q >= lo && (c.low[q] == "," || c.low[q] == ";" || c.low[q] == "but" || c.low[q] == "and" || c.low[q] == "while" || c.low[q] == "whereas" || c.isClose(q)) {
		return ss
	}
	return b
}

// layoutAccording handles "according to SOURCE, CONTENT", "CONTENT,
// according to SOURCE." and "CONTENT, according to SOURCE, CONTENT.", where
// the content is both sides.
func (c *ctx) layoutAccording(at *att, lo, hi int) {
	e := at.ce
	for e < hi && c.low[e] != "," {
		e++
	}
	at.ss, at.se = c.trim(at.ce, e)
	switch {
	case !c.hasWords(lo, at.cs) || c.onlyAdverbs(lo, at.cs):
		at.ts, at.te = c.trim(e, hi)
	case e < hi && c.hasWords(e, hi) && !(at.cs-lo > 6 && c.sourceGloss(e, hi)):
		at.ts, at.te = c.trim(lo, hi)
	default:
		at.ts, at.te = c.trim(lo, at.cs)
	}
	if at.se <= at.ss {
		at.ss, at.se = -1, -1
	}
}

func (c *ctx) onlyAdverbs(s, e int) bool {
	for k := s; k < e; k++ {
		if c.isWord(k) && c.low[k] != "but" && c.low[k] != "and" && c.low[k] != "yet" && c.low[k] != "also" {
			return false
		}
	}
	return true
}

// contentStart: for verbs with an addressee ("told reporters that") and
// after circumstances ("said on Friday that"), the content starts at the
// "that" or the quotation mark; otherwise right after the cue.
func (c *ctx) contentStart(at *att, rs, re int) int {
	if k := c.quotationAfter(rs, re); k >= 0 {
		return k
	}
	limit := min(rs+16, re)
	addressee := c.has(at.head, bitAddressee)
	circ := c.circumstanceWord(rs)
	for k := rs; k < limit; k++ {
		if c.low[k] == "that" || c.isOpen(k) && (k == rs || c.low[k-1] == "," || c.low[k-1] == ":") {
			if k == rs || (addressee || circ) && k-rs <= 12 {
				return k
			}
			break
		}
		if addressee && k > rs && k-rs <= 4 {
			switch c.low[k] {
			case "how", "whether", "why", "what":
				// "told reporters how surprised he is"
				return k
			}
		}
		if (addressee || circ) && k > rs && k-rs <= 6 && c.addresseeThen(rs, k) {
			// "told reporters he would stay": the addressee, then the
			// clause's subject
			return k
		}
		if c.low[k] == "," && !addressee && !circ {
			break
		}
	}
	return rs
}

// contentEnd is where indirect content starting at ts ends before e: at a
// dash, a semicolon or a bracket outside quotation marks, or at a comma
// opening the writer's own clause (", which ...", ", but ...").
func (c *ctx) contentEnd(ts, e int) int {
	if !c.o.ContentEnds {
		return e
	}
	for k := ts + 1; k < e; k++ {
		if c.isClose(k) && k > ts+2 && c.low[k-1] == "," && c.quotedBreak(ts, k, e) {
			// he called it “true,” but the report found ...: the comma
			// inside the closing mark opens the writer's clause
			return k + 1
		}
		if c.inQ[k] >= 0 || c.isMark(k) {
			continue
		}
		switch c.low[k] {
		case "―", "—", "--":
			if k+1 < e && (c.low[k+1] == "from" || c.low[k+1] == "and") {
				// "the kitchen-sink problems — from childcare to
				// student debt" and "— and ...": the speaker's list or
				// afterthought goes on
				continue
			}
			if n := c.pairedDash(k, e); n > 0 {
				// "the plan -- which cost $5 million -- was dead": an
				// aside between two dashes, and the content goes on
				// after it (PolNeAR train: 71 go on to 18 end there)
				k = n
				continue
			}
			if k > ts {
				return k
			}
		case ";":
			if k > ts {
				return k
			}
		case ",":
			if k+1 >= e || k <= ts || c.goesOn(k, e) || c.relativeGoesOn(ts, k, e) {
				continue
			}
			n := c.low[k+1]
			if c.has(k+1, bitBreak) || c.apposition(ts, k, e) {
				return k
			}
			if len(n) > 4 && strings.HasSuffix(n, "ing") && !c.has(k+1, bitKeep) && c.isWord(k+1) && !c.d.Tokens[k+1].Has(doc.FlagCap) {
				// ", focusing on ...", ", sending ...", ", using ...": the
				// writer's participle clause
				return k
			}
			// ", but ..." ends it unless the speaker's words go on in
			// quotation marks (he “deplores” it, but “hopes ...”)
			if n == "but" && !(k+2 < e && c.isMark(k+2) || k+3 < e && c.isMark(k+3)) {
				return k
			}
		}
	}
	return e
}

// circumstance reports whether [s, e) is a time or place phrase that may sit
// between a cue and its content ("on Friday", "in a statement").
func (c *ctx) circumstance(s, e int) bool {
	return e-s <= 5 && c.circumstanceWord(s)
}

// circumstanceWord reports a word that opens a time or place phrase.
func (c *ctx) circumstanceWord(k int) bool {
	switch c.low[k] {
	case "on", "in", "at", "during", "via", "after", "before", "through", "over", "last", "this", "earlier", "late", "yesterday", "today", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "publicly", "repeatedly", "again", "recently", "previously", "then", "later", ",":
		return true
	}
	return false
}
