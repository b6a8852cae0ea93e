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
	"strings"

	"github.com/dossier-news/dossier/doc"
	"github.com/dossier-news/dossier/quality"
)

// Stage is the quotes pipeline stage. It needs the text layer and reads the
// actors' mentions and the quality stage's flags when they are there.
// Its zero value runs with DefaultOptions.
type Stage struct {
	// Options, when not nil, replace DefaultOptions.
	Options *Options
}

// Name returns "quotes".
func (Stage) Name() string { return "quotes" }

// Requires lists the layers the stage reads.
func (Stage) Requires() doc.Layers {
	return doc.LayersOf(doc.LayerParagraphs, doc.LayerTokens, doc.LayerQuotations, doc.LayerSentences, doc.LayerWords, doc.LayerNews, doc.LayerMentions, doc.LayerEntities, doc.LayerFlags)
}

// Provides lists the layers the stage fills.
func (Stage) Provides() doc.Layers { return doc.LayersOf(doc.LayerQuotes) }

// Process fills d.Quotes.
func (s Stage) Process(d *doc.Document) error {
	o := DefaultOptions()
	if s.Options != nil {
		o = *s.Options
	}
	AnalyzeWith(d, o)
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

// Options tune the stage. Each switch of DefaultOptions was chosen by
// 5-fold cross-validation on PolNeAR train (models trained on the other
// folds; exact_content F1 57.96 with every switch at its default, against
// 57.86 without FollowOn, 57.56 without NoNested, 57.34 without
// ContentEnds).
type Options struct {
	// FollowOn reports a bare quotation with no cue of its own that follows
	// an attributed one as a quote of the same speaker. (A bare quotation
	// right after “A,” he said. is always joined to that statement.)
	FollowOn bool
	// NoNested drops attributions whose cue lies inside a surer
	// attribution's content: readers count the outer statement only ("the
	// envoy said the council welcomed the review").
	NoNested bool
	// KeepSourceless keeps attributions whose source is not in the sentence
	// and whose content is not a quotation.
	KeepSourceless bool
	// SourcelessScore is the cue model score above which an attribution
	// with no source in its sentence is kept all the same: a cue that sure
	// reports a statement whose speaker the text leaves out (cross-validated
	// on PolNeAR train, 8 measured best: exact cue +0.2, content +0.2).
	SourcelessScore float32
	// ContentEnds cuts indirect content at dashes and clause breaks.
	ContentEnds bool
	// CueThreshold is the cue model score above which a candidate is a cue.
	CueThreshold float32
}

// DefaultOptions returns the options the pipeline runs with.
func DefaultOptions() Options {
	return Options{FollowOn: true, NoNested: true, SourcelessScore: 8, ContentEnds: true}
}

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

// Analyze finds the attributions of d and writes d.Quotes, with
// DefaultOptions.
func Analyze(d *doc.Document) { AnalyzeWith(d, DefaultOptions()) }

// AnalyzeWith is Analyze with the given options.
//
// It is long because its sentence loop keeps the state its steps share (the
// sentence's cues, the content already reported); each step is a function it
// calls.
func AnalyzeWith(d *doc.Document, o Options) {
	d.Quotes = d.Quotes[:0]
	if len(d.Tokens) == 0 {
		return
	}
	c := newCtx(d)
	c.o = o
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
			if sc <= c.o.CueThreshold && !colon && !headline && !c.quoteLayout(k, cs, ce, a, b) {
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
				if at.kind != "passive" && !c.o.KeepSourceless && at.ts >= 0 && !c.isMark(at.ts) {
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
		if !c.o.KeepSourceless {
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
				if sentAtts[i].ss < 0 && sentAtts[i].kind != "passive" && !opening && sentAtts[i].score <= c.o.SourcelessScore && sentAtts[i].ts >= 0 && sentAtts[i].te > sentAtts[i].ts && !c.isMark(sentAtts[i].ts) {
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
	dropDebris(d)
}
