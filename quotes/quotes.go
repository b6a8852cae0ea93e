// Package quotes is Dossier's quotes stage: who said what. It finds
// attributions (direct quotations, indirect speech, mixed forms, "according
// to" sources) with their cue, their source mention, their content and the
// speaker entity the actors stage resolved the source to.
//
// The mechanism: every word of the cue lexicon (data/cues.txt) outside a
// quotation is a candidate cue; a perceptron trained on PolNeAR
// (model/cue.model, rebuilt by "dossier train quotes") decides which
// candidates report a statement. Each accepted cue is laid out by rules that
// know the news layouts (SOURCE CUE [that] CONTENT; “CONTENT,” SOURCE CUE;
// “CONTENT,” CUE SOURCE; according to SOURCE, CONTENT; SOURCE CUE: then a
// quotation in the next paragraph; quotations continued over paragraphs;
// bare follow-on quotations), and a second perceptron (model/source.model)
// picks where a source phrase before its cue starts.
package quotes

import (
	"slices"
	"sort"
	"strings"

	"github.com/dossier-news/dossier/doc"
	"github.com/dossier-news/dossier/learn"
	"github.com/dossier-news/dossier/quality"
)

// Stage is the quotes pipeline stage. It needs the text layer and reads the
// actors' mentions and the quality stage's flags when they are there.
type Stage struct{}

// Name returns "quotes".
func (Stage) Name() string { return "quotes" }

// Requires lists the layers the stage reads.
func (Stage) Requires() doc.Layers {
	return doc.LayersOf(doc.LayerParagraphs, doc.LayerTokens, doc.LayerQuotations, doc.LayerSentences, doc.LayerWords, doc.LayerNews, doc.LayerMentions, doc.LayerEntities, doc.LayerFlags)
}

// Provides lists the layers the stage fills.
func (Stage) Provides() doc.Layers { return doc.LayersOf(doc.LayerQuotes) }

// Process fills d.Quotes.
func (Stage) Process(d *doc.Document) error {
	Extract(d)
	dropDebris(d)
	return nil
}

// dropDebris removes the quotes the quality stage's flags rule out: a
// source or cue inside a spinner's lead-in ("Big News:", "According to new
// developments,") is no one speaking, and a sentence that repeats an
// earlier one word for word does not say it a second time.
func dropDebris(d *doc.Document) {
	out := d.Quotes[:0]
	for _, q := range d.Quotes {
		if d.FlaggedAs(q.Source, quality.KindLeadIn) || d.FlaggedAs(q.Cue, quality.KindLeadIn) ||
			d.FlaggedAs(doc.Span{Start: q.Content.Start, End: q.Content.Start + 1}, quality.KindRepeat) {
			continue
		}
		out = append(out, q)
	}
	d.Quotes = out
}

// Options of the stage, fixed before any document is analysed; the defaults
// are the ones measured best on PolNeAR dev and the seed article.
var (
	// FollowOn reports a bare quotation with no cue of its own that follows
	// an attributed one as a quote of the same speaker. (A bare quotation
	// right after “A,” he said. is always joined to that statement.)
	FollowOn = true
	// NoNested drops attributions whose cue lies inside a surer
	// attribution's content: readers (and the seed annotation) count the
	// outer statement only ("Mills said the US welcomed the review").
	NoNested = true
	// KeepSourceless keeps attributions whose source is not in the sentence
	// and whose content is not a quotation.
	KeepSourceless = false
	// SourcelessScore is the cue model score above which an attribution
	// with no source in its sentence is kept all the same: a cue that sure
	// reports a statement whose speaker the text leaves out (cross-validated
	// on PolNeAR train, 8 measured best: exact cue +0.2, content +0.2).
	SourcelessScore float32 = 8
	// ContentEnds cuts indirect content at dashes and clause breaks.
	ContentEnds = true
	// CueThreshold is the cue model score above which a candidate is a cue.
	CueThreshold float32 = 0
)

// att is one attribution under construction, in token positions.
type att struct {
	cs, ce   int // cue tokens [cs, ce); head is the cue's main word
	head     int
	ss, se   int // source tokens, ss < 0 when there is none
	ts, te   int // content tokens
	sent     int
	followOn bool
	merged   bool   // content runs over a following bare quotation
	kind     string // the cue phrase kind: verb or source-after
	score    float32
}

// Extract finds the attributions of d and writes d.Quotes.
func Extract(d *doc.Document) {
	d.Quotes = d.Quotes[:0]
	if len(d.Tokens) == 0 {
		return
	}
	c := newCtx(d)
	defer c.release()
	m := loadModels()
	out := c.out[:0]
	f := c.cbuf[:0]
	reported := 0 // content laid out over later sentences ends here
	for si, s := range c.sents {
		a, b := s.Tokens.First, s.Tokens.End
		sentAtts := c.atts[:0]
		c.beginSentence(a, b)
		for k := a; k < b; k++ {
			if c.d.Tokens[k].Kind == doc.Punct {
				// the layouts whose cue is a dash or a colon
				if at, ok := c.dashAt(k, a, b, si); ok {
					sentAtts = append(sentAtts, at)
					continue
				}
				if at, ok := c.colonAt(k, a, b, si); ok {
					sentAtts = append(sentAtts, at)
					continue
				}
				if at, ok := c.nameColonAt(k, a, b, si); ok {
					sentAtts = append(sentAtts, at)
					k = at.te - 1
					continue
				}
			}
			if k < reported {
				// inside the words a colon of an earlier sentence
				// introduced: the speaker's, not a new statement
				continue
			}
			cs, ce, kind, ok := c.cueAt(k, a, b)
			if !ok || c.flagged(k) {
				continue
			}
			var sc float32 = -1
			if c.heads(k)&headSpeechOnly == 0 || kind != "verb" {
				f = c.cueFeatures(f[:0], k, a, b)
				sc = m.cue.Score(f)
				if m.cue == nil {
					sc = 1
				}
			}
			// "Caddell continued:" closing a paragraph before a quotation
			// ("Sanders made the following comment:" the same, with a
			// short object before the colon)
			colon := c.colonLead(ce, b) && len(sentAtts) == 0
			// a title-case headline reports in the present with a capital,
			// which the model never saw in running text ("Mayor Vows ...")
			headline := c.headline && k > a && c.d.Tokens[k].Has(doc.FlagCap)
			if sc <= CueThreshold && !colon && !headline && !c.quoteLayout(k, cs, ce, a, b) {
				k = ce - 1
				continue
			}
			at := att{cs: cs, ce: ce, head: k, ss: -1, se: -1, ts: -1, te: -1, sent: si, score: sc}
			at.kind = kind
			sentAtts = append(sentAtts, at)
			k = ce - 1
		}
		for i := range sentAtts {
			if sentAtts[i].kind != "dash" && sentAtts[i].kind != "colon" {
				c.layout(m, &sentAtts[i], sentAtts, i, a, b)
			}
		}
		for i := range sentAtts {
			if at := &sentAtts[i]; at.ss >= 0 && at.kind != "dash" && at.kind != "colon" {
				if at.ss >= at.ce {
					// a source after its cue ends where rightSourceEnd
					// put it: PolNeAR keeps its closing time phrase
					// ("said Ann Lee, who ran in 2008"; train +18)
					continue
				}
				at.ss, at.se = c.trimSource(at.ss, at.se)
				if at.se+1 == at.cs && c.dashApposition(at.ss, at.se) >= 0 {
					// the dash that closes the apposition stays
					at.se++
				}
				if at.se <= at.cs {
					// "Schlafly had been a strong supporter of": the
					// subject, not the predicate before a noun cue
					// (PolNeAR train +80 exact sources)
					at.se = c.verbStart(at.ss, at.se)
				}
			}
		}
		for i := range sentAtts {
			// "Trump returned the compliment, telling Reuters ...": the
			// speaker of a participle cue is the subject of the clause
			if at := &sentAtts[i]; at.ss >= 0 && at.se <= at.cs && at.cs-1 >= a && c.low[at.cs-1] == "," && strings.HasSuffix(c.low[at.head], "ing") {
				// (past a circumstance: "On Monday night, Lind leaned in
				// hard, painting ...": the subject of the clause's verb)
				if ss, se := c.leadSubject(m, at.ss, at.se); ss >= 0 {
					at.ss, at.se = c.trimSource(ss, se)
				} else {
					at.se = c.subjectEnd(at.ss, at.se)
				}
			}
		}
		for i := range sentAtts {
			// "asked Lind whether the port would close": the question
			// alone, without the person asked
			at := &sentAtts[i]
			if at.ts < at.ce || at.te <= at.ts || c.isMark(at.ts) || !c.has(at.head, bitAskCue) {
				continue
			}
			for k := at.ts + 1; k < at.te && k < at.ts+8; k++ {
				if c.low[k] == "," || c.inQ[k] >= 0 {
					break
				}
				if c.has(k, bitAskOpener) {
					at.ts = k
					break
				}
			}
		}
		for i := range sentAtts {
			c.cuePreposition(&sentAtts[i])
			c.subordinateEnd(&sentAtts[i], a)
			c.linkingStart(&sentAtts[i], a)
			c.coordinateEnd(&sentAtts[i])
			c.relativeEnd(&sentAtts[i])
			c.occasionEnd(&sentAtts[i])
			c.statementCue(&sentAtts[i], sentAtts)
		}
		for i := range sentAtts {
			// "what the senators said was gerrymandering": the pronoun
			// before the source is the object of the cue, and PolNeAR's
			// content reaches back to it (over the source and the cue)
			if at := &sentAtts[i]; at.ss-1 >= a && at.se <= at.cs && at.ts >= at.ce && (c.has(at.ss-1, bitWhContent) || c.relativeGap(at)) {
				at.ts = at.ss - 1
			}
		}
		for i := range sentAtts {
			if at := &sentAtts[i]; at.ss >= 0 && c.has(at.ss, bitEdgeNone) {
				// "There are fears ...", "Why not just say": no source,
				// and no statement however sure the cue
				at.ss, at.se = -1, -1
				if at.kind != "passive" && !KeepSourceless && at.ts >= 0 && !c.isMark(at.ts) {
					at.ts = -1
				}
				continue
			}
			if at := &sentAtts[i]; at.ss >= 0 && !c.contentWord(at.ss, at.se) && !(at.se-at.ss == 1 && (c.relative(at.ss) || c.has(at.ss, bitQuantifier) && at.se == at.cs)) && !c.share(at.ss, at.se) {
				// "in the hope that": a determiner alone is no source, and
				// after a preposition the cue word is a noun, not a cue
				if at.ss-1 >= a && c.has(at.ss-1, bitStop) || at.se-at.ss == 1 && at.se == at.cs {
					at.ts = -1
				}
				at.ss, at.se = -1, -1
			}
		}
		for i := range sentAtts {
			// "In a statement issued on Friday, ...": a preposition or a
			// determiner alone is no content
			if at := &sentAtts[i]; at.ts >= 0 && at.te > at.ts && !c.isMark(at.ts) && !c.contentWord(at.ts, at.te) {
				at.ts = -1
			}
			if at := &sentAtts[i]; at.ts >= 0 && at.ce-1 > at.head && c.low[at.ce-1] == "from" && at.ts == at.ce && c.placeOnly(at.ts, at.te) {
				// "Lee reported from Lagos.": a byline, no statement
				at.ts = -1
			}
		}
		if !KeepSourceless {
			for i := range sentAtts {
				// with no source in the sentence, a cue word is rarely
				// reported speech ("forces to support existing priorities")
				// ("Asked about the vote, Lind said ...": the opening
				// participle is a cue of its own, with no source)
				h := sentAtts[i].head
				opening := sentAtts[i].cs == a && h == a && c.has(h, bitSpeech) && strings.HasSuffix(c.low[h], "ed")
				// ("..., he said when asked whether ...": the same, after
				// a subordinator; PolNeAR gives it no source)
				opening = opening || sentAtts[i].cs == h && h > a && c.askedAfter(h-1, h)
				if sentAtts[i].ss < 0 && sentAtts[i].kind != "passive" && !opening && sentAtts[i].score <= SourcelessScore && sentAtts[i].ts >= 0 && sentAtts[i].te > sentAtts[i].ts && !c.isMark(sentAtts[i].ts) {
					sentAtts[i].ts = -1
				}
			}
		}
		c.kept = c.dropRedundant(c.kept[:0], sentAtts)
		for _, at := range c.kept {
			if at.te > b && at.ts >= b && !c.isMark(at.ts) {
				reported = max(reported, at.te)
			}
		}
		out = append(out, c.kept...)
		c.atts = sentAtts
	}
	out = c.followOns(out)
	out = c.dropInsideDash(out)
	c.emit(out)
	c.out, c.cbuf = out, f
}

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

// flagged reports whether token k lies in text the quality stage flagged.
func (c *ctx) flagged(k int) bool { return c.d.FlaggedAny(c.d.Tokens[k].Span) }

// dropRedundant removes attributions of one sentence that repeat another:
// a cue lying inside another's source ("the review, known as X, found"),
// and a cue whose content an earlier kept cue already reports.
func (c *ctx) dropRedundant(kept, sib []att) []att {
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
		if NoNested {
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

// layout finds the source and content of attribution at (index i of the
// sentence's attributions sib) in sentence [a, b).
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
	if !ContentEnds {
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

// extendContinued stretches content ending at the end of a paragraph inside
// a quotation that the next paragraphs continue.
func (c *ctx) extendContinued(ts, te int) int {
	if ts < 0 || te <= ts {
		return te
	}
	qi := c.inQ[te-1]
	if qi < 0 && te < len(c.inQ) {
		qi = c.inQ[te-1]
	}
	if qi < 0 {
		return te
	}
	qs := c.d.Quotations
	for int(qi) < len(qs) && qs[qi].Continued {
		// the next quotation opening at the start of the next paragraph
		n := int(qi) + 1
		for n < len(qs) && qs[n].Open.Start < qs[qi].Content.End {
			n++
		}
		if n >= len(qs) {
			break
		}
		qi = int32(n)
		r := c.d.TokensIn(doc.Span{Start: qs[n].Open.Start, End: qs[n].Content.End})
		if qs[n].Close.End > 0 {
			r = c.d.TokensIn(doc.Span{Start: qs[n].Open.Start, End: qs[n].Close.End})
		}
		if r.End > te {
			te = r.End
		}
	}
	return te
}

// extendBack moves a content start that opens a quotation back to the start
// of the chain of paragraphs that quotation continues.
func (c *ctx) extendBack(ts int) int {
	if !c.isOpen(ts) {
		return ts
	}
	qs := c.d.Quotations
	off := c.d.Tokens[ts].Start
	n := sort.Search(len(qs), func(i int) bool { return qs[i].Open.Start >= off })
	for n > 0 && n < len(qs)+1 && qs[n-1].Continued && qs[n-1].Content.End <= off {
		n--
		ts = c.d.TokenAt(qs[n].Open.Start)
	}
	return ts
}

// nextQuotation returns the first token of the sentence starting at token b
// when it opens a quotation, or -1.
func (c *ctx) nextQuotation(b int) int {
	if b < len(c.low) && c.isOpen(b) {
		return b
	}
	return -1
}

// quotationEnd returns the token after the closing mark of the quotation
// opened at token k (or after its paragraph's end).
func (c *ctx) quotationEnd(k int) int {
	off := c.d.Tokens[k].Start
	qs := c.d.Quotations
	n := sort.Search(len(qs), func(i int) bool { return qs[i].Open.Start >= off })
	if n >= len(qs) || qs[n].Open.Start != off {
		// a mark the text layer left unpaired: to the paragraph's end
		e := k + 1
		for e < len(c.low) && !c.paraStart(e) {
			e++
		}
		return e
	}
	q := qs[n]
	end := q.Content.End
	if q.Close.End > 0 {
		end = q.Close.End
	}
	r := c.d.TokensIn(doc.Span{Start: q.Open.Start, End: end})
	e := r.End
	// the second half of a doubled '' closing mark
	if e < len(c.low) && c.isClose(e) && c.d.Tokens[e].Start == c.d.Tokens[e-1].End {
		e++
	}
	return e
}

// closeEnd ends content that opens with a quotation at its closing mark:
// "Protesters chanted “What curfew?” and marched on" reports the chant
// alone. A quotation of words that the sentence goes on from is a fragment
// of the writer's clause (he said “budget reforms” would pay) and keeps it.
func (c *ctx) closeEnd(ts, te int) int {
	if ts < 0 || !c.isOpen(ts) {
		return te
	}
	q := c.quotationEnd(ts)
	if q <= ts+1 || q >= te || !c.isClose(q-1) {
		return te
	}
	switch c.low[q-2] {
	case ".", "?", "!", ",":
		// a whole utterance
		return q
	}
	if c.isWord(q) {
		return te
	}
	return q
}

// opensAfter reports whether a quotation opens at s, after commas, before e.
func (c *ctx) opensAfter(s, e int) bool {
	for s < e && c.low[s] == "," {
		s++
	}
	return s < e && c.isOpen(s)
}

// quotationOpen returns the opening mark of the quotation that the closing
// mark at k ends, or -1.
func (c *ctx) quotationOpen(k int) int {
	if k < 1 || !c.isClose(k) {
		return -1
	}
	off := c.d.Tokens[k].Start
	qs := c.d.Quotations
	n := sort.Search(len(qs), func(i int) bool { return qs[i].Open.Start >= off })
	for i := n - 1; i >= 0 && i >= n-4; i-- {
		if qs[i].Close.Start == off && qs[i].Close.End > off {
			return c.d.TokenAt(qs[i].Open.Start)
		}
	}
	return -1
}

// lastClose returns the last closing quotation mark in [s, e), or -1.
func (c *ctx) lastClose(s, e int) int {
	for k := e - 1; k >= s; k-- {
		if c.isMark(k) && c.role(k) == doc.MarkClose {
			return k
		}
	}
	return -1
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
		if !FollowOn || !bare {
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
