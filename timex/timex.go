package timex

import (
	"math/bits"
	"strings"
	"time"

	"github.com/dossier-news/dossier/doc"
)

// Stage is the pipeline stage that fills Document.Timexes. It also reads a
// dateline ("WASHINGTON, Jan. 27 (Reuters) -") into Document.Published when
// the input gave no publication date.
type Stage struct{}

// Name returns "timex".
func (Stage) Name() string { return "timex" }

// Requires lists the layers the stage reads.
func (Stage) Requires() doc.Layers {
	return doc.LayersOf(doc.LayerText, doc.LayerTokens, doc.LayerSentences, doc.LayerWords, doc.LayerNews, doc.LayerFlags)
}

// Provides lists the layers the stage fills.
func (Stage) Provides() doc.Layers { return doc.LayersOf(doc.LayerTimexes) }

// Process finds and normalises the document's temporal expressions.
func (Stage) Process(d *doc.Document) error {
	Analyze(d)
	return nil
}

// Analyze fills d.Timexes, and d.Published from a dated dateline when the
// input gave no publication date.
func Analyze(d *doc.Document) {
	// Published is an ISO 8601 date or nothing (the JSON contract): a
	// dateline without a year does not set it, though Find still counts
	// days and months from it.
	if d.Published == "" {
		if p := Dateline(d); p != "" && !strings.HasPrefix(p, "XXXX") {
			d.Published = p
			d.PublishedFrom = "dateline"
		}
	}
	d.Timexes = Find(d)
}

// result is one normalised expression before it becomes a doc.Timex.
type result struct {
	typ, value, gran, anchor, mod string
	// when is the first day the value denotes, for expressions later in the
	// text that count from it ("two days later"); zero when there is none.
	when time.Time
	// derived marks a value counted from an earlier expression ("a year
	// earlier"): it does not become the anchor of the next one, so that a
	// chain of "a year earlier" does not drift back a year each time.
	derived bool
}

type parser struct {
	d     *doc.Document
	v     []vtok
	low   string // the lower-cased words, which vtoks slice
	l     *lexicons
	ref   time.Time
	refOK bool
	// partial is the month and day of a reference date without its year
	// (a dateline "Jan. 27" gives XXXX-01-27), set in the year 2001; used
	// for days and months counted from it, written with XXXX.
	partial   time.Time
	partialOK bool
	// last is the last expression with a calendar value, the anchor of
	// "a year earlier", "the following month" and "the year-ago quarter".
	last   result
	lastOK bool
	// dir is the direction of tense found for the last expression, in
	// sentence dirSent.
	dir     int8
	dirSent int32
	// ph caches, for each token, the longest phrase of each word list that
	// starts there: rules ask for them many times.
	ph   []int32 // per token: 0 not yet looked up, -1 none, k: hits[k-1]
	hits []phraseHit
	// dirTo is set when the last cue found was "to" before a verb, which
	// says an aim ("to mark the entry on Friday"), too weak for a weekday.
	dirTo bool
}

// Find returns the temporal expressions of d, in text order. It needs the
// text layer (tokens and sentences).
func Find(d *doc.Document) []doc.Timex {
	if len(d.Tokens) == 0 {
		return nil
	}
	sc := scratchPool.Get().(*scratch)
	if len(d.Tokens) <= doc.PooledTokens {
		defer scratchPool.Put(sc)
	}
	p := &parser{d: d, l: load()}
	pub := d.Published
	if pub == "" {
		pub = Dateline(d) // a dateline without a year (XXXX-01-27) still anchors "yesterday"
	}
	p.ref, p.refOK = parseRef(pub)
	if !p.refOK && len(pub) >= 10 && pub[:5] == "XXXX-" {
		if t, err := time.Parse("2006-01-02", "2001"+pub[4:10]); err == nil {
			p.partial, p.partialOK = t, true
		}
	}
	p.v, p.low = buildTokens(d, sc, p.l)
	p.dirSent = -1
	if cap(sc.ph) < len(p.v) {
		sc.ph = make([]int32, len(p.v))
	}
	p.ph = sc.ph[:len(p.v)]
	clear(p.ph)
	p.hits = sc.hits[:0]
	defer func() { sc.hits = p.hits[:0] }()
	// The timexes are collected in the scratch buffer and copied once into
	// a slice of their number: appending to a new slice reallocated it as
	// it grew, and the pipeline's profile showed those copies.
	out := sc.out[:0]
	defer func() {
		clear(out) // the buffer must not keep the document's strings alive
		sc.out = out[:0]
	}()
	for i := 0; i < len(p.v); {
		if f := p.v[i].f; p.v[i].bad || f&^(fWord|fQuarter) == 0 || f&^weak == 0 && p.weakStart(i) {
			i++
			continue
		}
		end, r, ok := p.match(i)
		if !ok || p.inName(i) {
			i++
			continue
		}
		if r.mod == "" && (r.typ == "DATE" || r.typ == "TIME") {
			r.mod = p.openRange(i, end, out)
		}
		out = append(out, doc.Timex{
			Span:        doc.Span{Start: int(p.v[i].start), End: int(p.v[end-1].end)},
			Type:        r.typ,
			Value:       r.value,
			Granularity: r.gran,
			Anchor:      r.anchor,
			Mod:         r.mod,
		})
		if !r.when.IsZero() && r.typ != "DURATION" && r.typ != "SET" && !r.derived {
			p.last, p.lastOK = r, true
		}
		// "April 24 and 25", "March 3-5": the second day takes the first's month
		if r.gran == "day" && r.typ == "DATE" && p.has(end-1, fNum) && p.same(i, end+1) {
			if c := p.w(end); c == "and" || c == "or" || c == "to" || c == "-" || c == "–" || c == "through" {
				if day, ok := dayNumber(p.w(end + 1)); ok && p.v[end+1].isNum() && !p.has(end+2, fMonth|fUnit) && !(end+2 < len(p.v) && p.v[end+2].kind == doc.Symbol) {
					t := time.Date(r.when.Year(), r.when.Month(), day, 0, 0, 0, 0, time.UTC)
					if t.Month() == r.when.Month() && t.After(r.when) {
						out = append(out, doc.Timex{
							Span: doc.Span{Start: int(p.v[end+1].start), End: int(p.v[end+1].end)},
							Type: "DATE", Value: dayValue(t), Granularity: "day", Anchor: "timex",
						})
						end += 2
					}
				}
			}
		}
		i = end
	}
	if len(out) == 0 {
		return nil
	}
	return append([]doc.Timex(nil), out...)
}

// rangeSignals are the words before a date that make it the bound of an
// open range ("since 2012"), with the TIMEX3 mod that says so.
var rangeSignals = map[string]string{
	"since": "ON_OR_AFTER", "from": "ON_OR_AFTER", "between": "ON_OR_AFTER",
	"until": "ON_OR_BEFORE", "till": "ON_OR_BEFORE", "through": "ON_OR_BEFORE", "by": "ON_OR_BEFORE",
	"before": "BEFORE", "after": "AFTER",
}

// openRange gives the mod of a date that bounds a range: "since 2012" is
// ON_OR_AFTER 2012; in "between March and May" and "from 2012 to 2015" the
// first date opens the range and the second closes it (ON_OR_BEFORE).
// TimeML keeps these words outside the span, as signals; the mod keeps
// their meaning with the value.
func (p *parser) openRange(i, end int, prev []doc.Timex) string {
	if i == 0 || !p.same(i, i-1) {
		return ""
	}
	w := p.w(i - 1)
	if (w == "and" || w == "to" || w == "-" || w == "–") && len(prev) > 0 {
		last := &prev[len(prev)-1]
		if last.Mod == "ON_OR_AFTER" && last.End <= int(p.v[i-1].start) && int(p.v[i-1].start)-last.End <= 2 {
			if k := p.d.TokenAt(last.Start); k > 0 {
				before := p.d.TokenText(k - 1)
				if strings.EqualFold(before, "between") && w == "and" || strings.EqualFold(before, "from") && w != "and" {
					return "ON_OR_BEFORE"
				}
			}
		}
		return ""
	}
	if w == "from" && p.w(end) != "to" && p.w(end) != "until" && p.w(end) != "through" && p.w(end) != "-" && p.w(end) != "–" {
		return "" // "from March": a start only when a "to" follows
	}
	return rangeSignals[w]
}

// inName reports whether token i is a capitalised common word inside a
// sentence, after another word: "VOA Today", "High Noon" and ABC's "This
// Week" are names, not times. Months, weekdays, holidays and seasons
// are capitalised anyway.
func (p *parser) inName(i int) bool {
	t := &p.v[i]
	if i == 0 || !p.same(i, i-1) || t.f&(fMonth|fWeekday|fHoliday) != 0 {
		return false
	}
	prev := &p.v[i-1]
	return t.cap && prev.kind == doc.Word && !t.hyph && prev.f&(fMonth|fWeekday) == 0
}

// weak flags are those of function words that start an expression only
// with a listed word after them.
const weak = fRel | fCount | fMod | fFuzzy | fHoliday | fWord | fWeakStart | fQuarter

// weakStart reports whether token i is a frequent function word ("the",
// "a", "that") followed by a word no rule looks for, so no expression can
// start there.
func (p *parser) weakStart(i int) bool {
	if p.v[i].f&fWeakStart == 0 {
		return false
	}
	return i+1 >= len(p.v) || p.v[i+1].f == 0
}

// parseRef reads the reference date from the start of an ISO 8601 date or
// date-time.
func parseRef(s string) (time.Time, bool) {
	if len(s) < 10 {
		return time.Time{}, false
	}
	t, err := time.Parse("2006-01-02", s[:10])
	if err != nil {
		return time.Time{}, false
	}
	return t, true
}

type rule func(p *parser, i int) (int, result, bool)

// rules lists every rule with the word flags a token needs for the rule to
// start there.
// ruleMask has, for each word flag (by bit), a bit for each rule (by
// index in rules) that a token with the flag can start: core tries only
// those, without testing every rule's need.
var ruleMask = func() (m [32]uint32) {
	if len(rules) > 32 {
		panic("timex: more than 32 rules: ruleMask needs a wider integer")
	}
	for ri, r := range rules {
		for b := range 32 {
			if r.need&(1<<b) != 0 {
				m[b] |= 1 << ri
			}
		}
	}
	return
}()

var rules = []struct {
	fn   rule
	need uint32
}{
	{(*parser).isoDate, fISO},
	{(*parser).fuzzyRef, fFuzzy},
	{(*parser).clock, fNum | fClock},
	{(*parser).weekdayRule, fWeekday},
	{(*parser).monthRule, fMonth | fNum},
	{(*parser).yearRule, fNum | fRel},
	{(*parser).decadeRule, fRel | fDigit},
	{(*parser).quarterRule, fRel | fNum | fOrdinal | fCount},
	{(*parser).relativeRule, fRel},
	{(*parser).agoRule, fCount | fNum | fUnit},
	{(*parser).durationRule, fRel | fCount | fNum | fUnit},
	{(*parser).setRule, fSet | fRel},
	{(*parser).seasonRule, fRel | fSeason},
	{(*parser).holidayRule, fRel | fHoliday},
	{(*parser).theUnitRule, fRel | fUnit},
	{(*parser).spokenYearRule, fRel | fCount},
	{(*parser).vagueRule, fRel},
	{(*parser).pluralWeekdayRule, fWeekday | fWord},
	{(*parser).anchoredDayRule, fRel | fMod},
}

// core tries the rules at i and keeps the longest match; on a tie the
// earlier rule wins.
func (p *parser) core(i int) (int, result, bool) {
	if p.w(i) == "" {
		return 0, result{}, false
	}
	bestEnd := -1
	var best result
	// the rules that need one of the token's flags, in their order: the
	// union of ruleMask over the flags, read bit by bit
	var m uint32
	for g := p.v[i].f; g != 0; g &= g - 1 {
		m |= ruleMask[bits.TrailingZeros32(g)]
	}
	for ; m != 0; m &= m - 1 {
		r := &rules[bits.TrailingZeros32(m)]
		if end, res, ok := r.fn(p, i); ok && end > bestEnd {
			bestEnd, best = end, res
		}
	}
	if bestEnd < 0 {
		return 0, result{}, false
	}
	return p.partOfDay(i, bestEnd, best)
}

// partOfDay extends a day ("Friday", "yesterday") by a following part of the
// day ("Friday night") or time ("noon Friday" is handled by clock), making a TIME.
func (p *parser) partOfDay(i, end int, r result) (int, result, bool) {
	if r.gran != "day" || r.typ != "DATE" || !p.same(i, end) {
		return end, r, true
	}
	if code, ok := p.partAt(end); ok {
		r.typ = "TIME"
		r.value += "T" + code
		r.gran = "part of day"
		return end + 1, r, true
	}
	return end, r, true
}

// ---- values ----
