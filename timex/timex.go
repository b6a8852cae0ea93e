// Package timex finds temporal expressions in a document and normalises them
// as TimeML TIMEX3 (type, value, granularity, anchor, mod): absolute dates,
// dates relative to the publication date ("last year", "on Friday", "in
// March"), durations ("for nine years"), sets ("every year") and fuzzy
// references ("recently" is PAST_REF). It works over the token layer with
// hand-written rules and the word lists in data/; it keeps to TimeML's span
// conventions (determiners, "last", "early", "about" inside the span;
// prepositions such as "in", "on" and "since" outside).
//
// Relative expressions are anchored to Document.Published. When the document
// has no publication date, the parts that would need one are written X
// (XXXX-03 for "in March"), never filled from today's date.
package timex

import (
	"strconv"
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

// Process finds and normalises the document's temporal expressions.
func (Stage) Process(d *doc.Document) error {
	if d.Published == "" {
		if p := Dateline(d); p != "" {
			d.Published = p
			d.PublishedFrom = "dateline"
		}
	}
	d.Timexes = Find(d)
	return nil
}

// vtok is a token as the rules see it: lower-cased, with words joined by
// hyphens split into their parts ("third-quarter" is "third" "quarter"), so
// "two-year" and "two years" go through the same rules.
type vtok struct {
	s          string // lower-cased text
	start, end int    // byte offsets
	sent       int    // sentence index
	kind       doc.TokenKind
	cap        bool // first letter upper case
	hyph       bool // joined by a hyphen to the previous part of the same token
	bad        bool // inside text flagged as debris: never part of a timex
}

func (t *vtok) isNum() bool { return t.kind == doc.Number }

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
	l     *lexicons
	ref   time.Time
	refOK bool
	// last is the last expression with a calendar value, the anchor of
	// "a year earlier", "the following month" and "the year-ago quarter".
	last   result
	lastOK bool
	// dir is the direction of tense found for the last expression, in
	// sentence dirSent.
	dir     int8
	dirSent int
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
	p := &parser{d: d, l: load()}
	p.ref, p.refOK = parseRef(d.Published)
	p.v = buildTokens(d)
	p.dirSent = -1
	var out []doc.Timex
	for i := 0; i < len(p.v); {
		if p.v[i].bad || !p.l.trigger(&p.v[i]) {
			i++
			continue
		}
		end, r, ok := p.match(i)
		if !ok {
			i++
			continue
		}
		out = append(out, doc.Timex{
			Span:        doc.Span{Start: p.v[i].start, End: p.v[end-1].end},
			Type:        r.typ,
			Value:       r.value,
			Granularity: r.gran,
			Anchor:      r.anchor,
			Mod:         r.mod,
		})
		if !r.when.IsZero() && r.typ != "DURATION" && r.typ != "SET" && !r.derived {
			p.last, p.lastOK = r, true
		}
		i = end
	}
	return out
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

func buildTokens(d *doc.Document) []vtok {
	v := make([]vtok, 0, len(d.Tokens)+len(d.Tokens)/16)
	si := 0
	checkFlags := false
	for ti := range d.Tokens {
		tk := d.Tokens[ti]
		for si < len(d.Sentences) && d.Sentences[si].Tokens.End <= ti {
			si++
			checkFlags = false
		}
		if si < len(d.Sentences) && d.Sentences[si].Tokens.First == ti && len(d.Flags) > 0 {
			checkFlags = d.Flagged(d.Sentences[si].Span)
		}
		bad := checkFlags && d.Flagged(tk.Span)
		raw := d.Text[tk.Start:tk.End]
		low := lower(raw)
		base := vtok{s: low, start: tk.Start, end: tk.End, sent: si, kind: tk.Kind, cap: tk.Has(doc.FlagCap), bad: bad}
		if tk.Kind != doc.Word || strings.IndexByte(low, '-') < 0 || isISO(low) {
			v = append(v, base)
			continue
		}
		// split at hyphens, keeping byte offsets
		off := 0
		first := true
		for off <= len(low) {
			j := strings.IndexByte(low[off:], '-')
			part := low[off:]
			if j >= 0 {
				part = low[off : off+j]
			}
			if part != "" {
				t := base
				t.s = part
				t.start = tk.Start + off
				t.end = t.start + len(part)
				t.hyph = !first
				t.cap = part[0] != raw[off] // the lower-cased byte differs: it was a capital
				t.kind = doc.Word
				if isDigits(part) {
					t.kind = doc.Number
				}
				v = append(v, t)
				first = false
			}
			if j < 0 {
				break
			}
			off += j + 1
		}
	}
	return v
}

// lower lower-cases ASCII text without allocating when it is already lower
// case; other text goes through strings.ToLower.
func lower(s string) string {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= 0x80 {
			return strings.ToLower(s)
		}
		if c >= 'A' && c <= 'Z' {
			return strings.ToLower(s)
		}
	}
	return s
}

func isDigits(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// isISO reports whether s is an ISO date written as one token: 2023-01-27 or 2023-01.
func isISO(s string) bool {
	if len(s) != 10 && len(s) != 7 {
		return false
	}
	if !isDigits(s[:4]) || s[4] != '-' || !isDigits(s[5:7]) {
		return false
	}
	return len(s) == 7 || (s[7] == '-' && isDigits(s[8:]))
}

// trigger reports whether an expression can start at t; most tokens cannot,
// and the rules are not tried there.
func (l *lexicons) trigger(t *vtok) bool {
	if t.kind == doc.Number {
		return true
	}
	if t.kind != doc.Word {
		return false
	}
	s := t.s
	if _, ok := l.months[s]; ok {
		return true
	}
	if _, ok := l.weekdays[s]; ok {
		return true
	}
	if _, ok := l.numbers[s]; ok {
		return true
	}
	if _, ok := l.units[s]; ok {
		return true
	}
	if _, ok := l.fuzzy[s]; ok {
		return true
	}
	if _, ok := l.sets[s]; ok {
		return true
	}
	if _, ok := l.seasons[s]; ok {
		return true
	}
	if _, ok := l.holidays[s]; ok {
		return true
	}
	if _, ok := l.mods[s]; ok {
		return true
	}
	if _, ok := l.ordinals[s]; ok {
		return true
	}
	if l.phraseFirst[s] || relWords[s] || isISO(s) {
		return true
	}
	return len(s) > 2 && (s[0] == '\'' || strings.HasPrefix(s, "’"))
}

// relWords start relative expressions ("last year", "the third quarter").
var relWords = map[string]bool{
	"the": true, "this": true, "last": true, "next": true, "past": true, "coming": true,
	"previous": true, "following": true, "every": true, "each": true, "fiscal": true,
	"year": true, "noon": true, "midnight": true, "that": true, "per": true, "latest": true,
	"same": true, "these": true, "those": true, "within": true, "midday": true,
	"nineteen": true, "twentieth": true, "twenties": true, "thirties": true, "forties": true,
	"fifties": true, "sixties": true, "seventies": true, "eighties": true, "nineties": true,
}

func (p *parser) w(i int) string {
	if i < 0 || i >= len(p.v) || p.v[i].bad {
		return ""
	}
	return p.v[i].s
}

// same reports whether tokens i and j exist and lie in one sentence.
func (p *parser) same(i, j int) bool {
	return i >= 0 && j >= 0 && i < len(p.v) && j < len(p.v) && p.v[i].sent == p.v[j].sent && !p.v[j].bad
}

// match tries every rule at i and keeps the longest expression.
func (p *parser) match(i int) (int, result, bool) {
	// leading words that TimeML keeps inside the span: "early", "the end of", "about"
	if n, mod := p.phrase(i, p.l.mods); n > 0 && p.same(i, i+n) {
		k := i + n
		if end, r, ok := p.core(k); ok {
			if mod != "-" {
				r.mod = mod
			}
			if p.w(i) == "over" && p.w(k) == "the" {
				r.mod = ""
			}
			return end, r, true
		}
	}
	// "the early 1980s", "the late summer"
	if p.w(i) == "the" {
		if n, mod := p.phrase(i+1, p.l.mods); n > 0 && mod != "-" {
			if end, r, ok := p.core(i + 1 + n); ok && (r.gran == "decade" || r.gran == "century" || r.gran == "season" || r.gran == "year") {
				r.mod = mod
				return end, r, true
			}
		}
	}
	return p.core(i)
}

// phrase finds the longest phrase of m starting at i and returns its length
// in tokens and its value.
func (p *parser) phrase(i int, m map[string]string) (int, string) {
	w := p.w(i)
	if w == "" {
		return 0, ""
	}
	best, val := 0, ""
	if v, ok := m[w]; ok {
		best, val = 1, v
	}
	if !p.l.phraseFirst[w] {
		return best, val
	}
	s := w
	for n := 2; n <= p.l.maxPhrase && p.same(i, i+n-1); n++ {
		s += " " + p.w(i+n-1)
		if v, ok := m[s]; ok {
			best, val = n, v
		}
	}
	return best, val
}

type rule func(p *parser, i int) (int, result, bool)

var rules = []rule{
	(*parser).isoDate,
	(*parser).fuzzyRef,
	(*parser).clock,
	(*parser).weekdayRule,
	(*parser).monthRule,
	(*parser).yearRule,
	(*parser).decadeRule,
	(*parser).quarterRule,
	(*parser).relativeRule,
	(*parser).agoRule,
	(*parser).durationRule,
	(*parser).setRule,
	(*parser).seasonRule,
	(*parser).holidayRule,
	(*parser).theUnitRule,
	(*parser).spokenYearRule,
}

// core tries the rules at i and keeps the longest match; on a tie the
// earlier rule wins.
func (p *parser) core(i int) (int, result, bool) {
	if p.w(i) == "" {
		return 0, result{}, false
	}
	bestEnd := -1
	var best result
	for _, r := range rules {
		if end, res, ok := r(p, i); ok && end > bestEnd {
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
	if code, ok := p.l.parts[p.w(end)]; ok {
		r.typ = "TIME"
		r.value += "T" + code
		r.gran = "part of day"
		return end + 1, r, true
	}
	return end, r, true
}

// ---- values ----

func pad(n, width int) string {
	s := strconv.Itoa(n)
	for len(s) < width {
		s = "0" + s
	}
	return s
}

func dayValue(t time.Time) string {
	return pad(t.Year(), 4) + "-" + pad(int(t.Month()), 2) + "-" + pad(t.Day(), 2)
}

func weekValue(t time.Time) string {
	y, w := t.ISOWeek()
	return pad(y, 4) + "-W" + pad(w, 2)
}

func quarterOf(t time.Time) int { return (int(t.Month())-1)/3 + 1 }

func isoWeekday(t time.Time) int {
	wd := int(t.Weekday())
	if wd == 0 {
		return 7
	}
	return wd
}

// unknown is the value of an expression of granularity gran whose reference
// date is not known.
func unknown(gran string) string {
	switch gran {
	case "day":
		return "XXXX-XX-XX"
	case "week":
		return "XXXX-WXX"
	case "month":
		return "XXXX-XX"
	case "quarter":
		return "XXXX-QX"
	case "decade":
		return "XXX"
	case "century":
		return "XX"
	}
	return "XXXX"
}

// shift returns the calendar unit u that lies n units from base (n = 0: the
// unit holding base), as a TIMEX3 value.
func shift(base time.Time, u unitInfo, n int) (string, string, time.Time) {
	switch u.letter {
	case "Y":
		t := time.Date(base.Year()+n, 1, 1, 0, 0, 0, 0, time.UTC)
		return pad(t.Year(), 4), "year", t
	case "M":
		t := time.Date(base.Year(), base.Month()+time.Month(n), 1, 0, 0, 0, 0, time.UTC)
		return pad(t.Year(), 4) + "-" + pad(int(t.Month()), 2), "month", t
	case "W":
		t := base.AddDate(0, 0, 7*n)
		return weekValue(t), "week", t
	case "WE":
		t := base.AddDate(0, 0, 7*n)
		return weekValue(t) + "-WE", "week", t
	case "D":
		t := base.AddDate(0, 0, n)
		return dayValue(t), "day", t
	case "Q":
		q := base.Year()*4 + quarterOf(base) - 1 + n
		t := time.Date(q/4, time.Month(q%4*3+1), 1, 0, 0, 0, 0, time.UTC)
		return pad(q/4, 4) + "-Q" + strconv.Itoa(q%4+1), "quarter", t
	case "DE":
		dec := base.Year()/10 + n
		return pad(dec, 3), "decade", time.Date(dec*10, 1, 1, 0, 0, 0, 0, time.UTC)
	case "CE":
		c := base.Year()/100 + n
		return pad(c, 2), "century", time.Date(c*100, 1, 1, 0, 0, 0, 0, time.UTC)
	}
	return "", "", time.Time{}
}

// rel is the value of "this/last/next UNIT" counted from the publication date.
func (p *parser) rel(u unitInfo, n int) result {
	if !p.refOK {
		g := u.gran
		v := unknown(g)
		if u.letter == "WE" {
			v += "-WE"
		}
		return result{typ: "DATE", value: v, gran: g}
	}
	v, g, t := shift(p.ref, u, n)
	return result{typ: "DATE", value: v, gran: g, anchor: "published", when: t}
}

func durationValue(n int, u unitInfo) string {
	if u.letter == "DE" && n > 0 {
		return "P" + strconv.Itoa(10*n) + "Y" // TimeML writes "two decades" P20Y
	}
	num := "X"
	if n >= 0 {
		num = strconv.Itoa(n)
	}
	letter := u.letter
	if u.time {
		return "PT" + num + letter
	}
	return "P" + num + letter
}
