package timex

import (
	"strconv"
	"strings"
	"time"

	"github.com/dossier-news/dossier/doc"
)

// ---- tense: which way a bare "March" or "Friday" points ----

var beWords = map[string]bool{"be": true, "been": true, "being": true, "is": true, "are": true, "was": true, "were": true, "get": true, "got": true}

// notVerbAfterTo are words after "to" that make it a preposition, not the
// mark of a verb's aim: determiners, and nouns of common phrases ("shot to
// death", "came to power", "went to court").
var notVerbAfterTo = map[string]bool{"the": true, "a": true, "an": true, "his": true, "her": true, "its": true, "their": true,
	"our": true, "this": true, "that": true, "those": true, "these": true, "death": true, "power": true, "court": true,
	"jail": true, "prison": true, "office": true, "date": true, "trial": true, "justice": true, "safety": true,
	"hospital": true, "school": true, "work": true, "life": true, "light": true, "bed": true, "rest": true}

// direction says whether the clause around tokens [start, end) speaks of
// the past (< 0) or the future (> 0): 2 for a strong cue (will, would, was,
// "to" before a verb), 1 for a weak one (a verb in -ed, said), 0 when nothing
// tells. The nearest cue before the expression wins ("said elections would
// be held in March" is future), then the words after it; an expression with
// no cue in its clause takes the direction of the previous one in its
// sentence ("holding a referendum in March, electing parliamentarians in
// October").
func (p *parser) direction(start, end int) int8 {
	d := p.scanDirection(start, end)
	if d != 0 {
		p.dirSent, p.dir = p.v[start].sent, d
		return d
	}
	if p.dirSent == p.v[start].sent {
		return p.dir
	}
	if d = p.modalBefore(start); d != 0 {
		p.dirSent, p.dir = p.v[start].sent, d
	}
	return d
}

func (p *parser) scanDirection(start, end int) int8 {
	return p.scanDirectionFrom(start, end, false)
}

// scanDirectionFrom is scanDirection; with skipTo it passes over "to"
// before a verb instead of taking it as a cue.
func (p *parser) scanDirectionFrom(start, end int, skipTo bool) int8 {
	p.dirTo = false
	// backwards through the clause: the nearest strong cue wins, else the
	// nearest weak one ("would be paid on a still unspecified date in
	// January" is future: "unspecified" is no verb)
	var weakDir int8
	weakTo := false
	for k := start - 1; k >= 0 && start-k <= 20 && p.same(start, k); k-- {
		if p.clauseBreak(k) {
			break
		}
		if skipTo && p.str(k) == "to" {
			continue
		}
		if d, ok := p.cue(k, start); ok {
			if d >= 2 || d <= -2 {
				return d
			}
			if weakDir == 0 {
				weakDir, weakTo = d, p.dirTo
			}
			p.dirTo = false
		}
	}
	if weakDir != 0 {
		p.dirTo = weakTo
		return weakDir
	}
	// forwards: the clause goes on after a date that opens the sentence
	// ("In January, the company hired ...")
	opens := start == 0 || !p.same(start, start-1) || start >= 2 && !p.same(start, start-2) && p.v[start-1].f == 0
	for k := end; k-end <= 10 && p.same(start, k); k++ {
		if p.clauseBreak(k) && !(opens && k == end && p.str(k) == ",") {
			break
		}
		if p.w(k) == "to" {
			continue
		}
		if d, ok := p.cue(k, -1); ok {
			return d
		}
	}
	return 0
}

// modalBefore looks back over the whole sentence, across commas, for a
// modal of the future ("she would travel to the capital, Vessa, on Monday"),
// or a word of the past nearer than any modal (a weak cue).
func (p *parser) modalBefore(start int) int8 {
	for k := start - 1; k >= 0 && start-k <= 30 && p.same(start, k); k-- {
		switch p.str(k) {
		case "will", "would", "'ll", "shall", "going":
			return 2
		case ";", ":", "“", "\"":
			return 0
		}
		if d, ok := p.tenseAt(k); ok && d < 0 {
			return -1 // a past tense nearer than any modal: a weak cue
		}
	}
	return 0
}

// clauseBreak reports whether token k ends a clause for the cues of tense:
// punctuation, a quotation mark, "but", "while", "whereas".
func (p *parser) clauseBreak(k int) bool {
	switch p.v[k].kind {
	case doc.Punct:
		switch p.str(k) {
		case ",", ";", ":", "—", "–", "(", ")":
			return true
		}
		return false
	case doc.QuoteMark:
		return true
	case doc.Word:
		switch p.str(k) {
		case "but", "while", "whereas":
			return true
		}
	}
	return false
}

func (p *parser) cue(k, limit int) (int8, bool) {
	t := &p.v[k]
	if t.kind != 0 { // not a word
		return 0, false
	}
	if d, ok := p.tenseAt(k); ok {
		return d, true
	}
	w := p.str(k)
	if w == "to" && k+1 < len(p.v) && k+1 != limit {
		n := &p.v[k+1]
		if n.kind == 0 && !n.cap && !notVerbAfterTo[p.str(k+1)] && n.f == 0 {
			// "to" before a verb says an aim, unless a word of schedule
			// governs it ("is to resume", "set to reopen")
			p.dirTo = !scheduleBeforeTo[p.w(k-1)]
			return 2, true
		}
		return 0, false
	}
	if len(w) >= 5 && strings.HasSuffix(w, "ed") && !strings.HasSuffix(w, "eed") && !t.cap && !notPast[w] {
		if beWords[p.w(k-1)] {
			return 0, false // passive: "will be held" is decided by "will"
		}
		return -1, true
	}
	return 0, false
}

var scheduleBeforeTo = map[string]bool{"is": true, "are": true, "set": true, "due": true, "scheduled": true, "expected": true, "planned": true, "plans": true, "going": true, "poised": true}

var notPast = map[string]bool{"hundred": true, "united": true, "related": true, "based": true, "armed": true, "alleged": true, "detailed": true, "limited": true, "red": true, "supposed": true}

// monthYear chooses the year of a month named without one. A strong cue of
// tense decides; otherwise news speaks mostly of the past, so the month is
// the last one before the publication date unless the next one is close
// (two months ahead, or four when nothing in the clause points back).
func (p *parser) monthYear(m int, dir int8) int {
	y, rm := p.ref.Year(), int(p.ref.Month())
	if m == rm {
		return y
	}
	ahead := (m - rm + 12) % 12 // months to the next such month
	if dir >= 2 && p.dirTo && ahead > 8 {
		dir = 1 // "to total assets as of Sept. 30": an aim does not carry a month just gone into next year
	}
	future := false
	switch {
	case dir >= 2:
		future = true
	case dir <= -2:
		future = false
	default:
		future = ahead <= 2 || ahead <= 4 && dir >= 0
	}
	if future {
		if m < rm {
			y++
		}
	} else if m > rm {
		y--
	}
	return y
}

// weekdayDate finds the date of a weekday: the latest one not after the
// publication date for the past, the next one not before it for the future.
// strict excludes the publication day itself ("last Friday", "next Friday").
func (p *parser) weekdayDate(wd int, dir int8, strict bool) time.Time {
	cur := isoWeekday(p.ref)
	if dir > 0 {
		delta := (wd - cur + 7) % 7
		if strict && delta == 0 {
			delta = 7
		}
		return p.ref.AddDate(0, 0, delta)
	}
	delta := (cur - wd + 7) % 7
	if strict && delta == 0 {
		delta = 7
	}
	return p.ref.AddDate(0, 0, -delta)
}

func dateResult(t time.Time, anchor string) result {
	return result{typ: "DATE", value: dayValue(t), gran: "day", anchor: anchor, when: t}
}

// ---- rules ----

func (p *parser) isoDate(i int) (int, result, bool) {
	s := p.w(i)
	if !isISO(s) {
		return 0, result{}, false
	}
	t, err := time.Parse("2006-01-02", s)
	if len(s) == 7 {
		t, err = time.Parse("2006-01", s)
		if err != nil {
			return 0, result{}, false
		}
		return i + 1, result{typ: "DATE", value: s, gran: "month", when: t}, true
	}
	if err != nil {
		return 0, result{}, false
	}
	return i + 1, dateResult(t, ""), true
}

func (p *parser) fuzzyRef(i int) (int, result, bool) {
	h := p.hit(i)
	best, f := int(h.fuzzyN), h.fuzzy
	if best == 0 {
		return 0, result{}, false
	}
	// "recent years" is a span of years: PXY, as TimeML writes it
	if best == 1 && p.w(i) == "recent" {
		if u, ok := p.unitAt(i + 1); ok && p.same(i, i+1) && strings.HasSuffix(p.w(i+1), "s") {
			return i + 2, result{typ: "DURATION", value: durationValue(-1, u)}, true
		}
	}
	if best == 1 && p.w(i) == "soon" && p.w(i-1) == "as" && p.w(i+1) == "as" {
		return 0, result{}, false // "as soon as" is a conjunction
	}
	v := f.value
	if !strings.HasPrefix(v, "day") {
		return i + best, result{typ: f.typ, value: v}, true
	}
	// day+N[:PART]
	part := ""
	if c := strings.IndexByte(v, ':'); c >= 0 {
		part = v[c+1:]
		v = v[:c]
	}
	n, _ := strconv.Atoi(v[3:])
	var r result
	switch {
	case !p.refOK && p.partialOK:
		// a dateline without its year: "yesterday" is XXXX-01-26
		r = result{typ: "DATE", value: "XXXX" + dayValue(p.partial.AddDate(0, 0, n))[4:], gran: "day", anchor: "published"}
	case !p.refOK:
		r = result{typ: "DATE", value: "XXXX-XX-XX", gran: "day"}
	default:
		r = dateResult(p.ref.AddDate(0, 0, n), "published")
	}
	if part != "" {
		r.typ = "TIME"
		r.value += "T" + part
		r.gran = "part of day"
	}
	return i + best, r, true
}

// clock reads "5:30 p.m.", "10 a.m. EST", "noon" and "midnight", with a day
// after it ("noon Friday", "5 p.m. Nov. 9") or the publication date.
func (p *parser) clock(i int) (int, result, bool) {
	w := p.w(i)
	h, m := -1, 0
	end := i
	switch {
	case w == "noon" || w == "midday":
		h, end = 12, i+1
	case w == "midnight":
		h, end = 24, i+1
	case p.v[i].isNum() && len(w) <= 2:
		h, _ = strconv.Atoi(w)
		end = i + 1
		if p.w(end) == ":" && p.same(i, end+1) && p.v[end+1].isNum() && len(p.w(end+1)) == 2 {
			m, _ = strconv.Atoi(p.w(end + 1))
			end += 2
		}
		switch p.w(end) {
		case "a.m.", "am", "a.m":
			if h == 12 {
				h = 0
			}
		case "p.m.", "pm", "p.m":
			if h < 12 {
				h += 12
			}
		default:
			return 0, result{}, false
		}
		if h > 24 || m > 59 {
			return 0, result{}, false
		}
		end++
		switch p.w(end) {
		case "est", "edt", "gmt", "utc", "cst", "pst", "et":
			end++
		}
	default:
		return 0, result{}, false
	}
	tm := "T" + pad(h, 2) + ":" + pad(m, 2)
	if w == "midnight" {
		tm = "T24:00"
	}
	// a day after the time
	k := end
	if p.w(k) == "," || p.w(k) == "on" {
		k++
	}
	if p.same(i, k) {
		if e, r, ok := p.dayAt(k); ok {
			r.typ, r.value, r.gran = "TIME", r.value+tm, "time"
			return e, r, true
		}
	}
	// a time alone belongs to the day the story last named, or to the publication date
	if p.lastOK && p.last.gran == "day" {
		return end, result{typ: "TIME", value: dayValue(p.last.when) + tm, gran: "time", anchor: "timex", when: p.last.when}, true
	}
	if !p.refOK {
		return end, result{typ: "TIME", value: "XXXX-XX-XX" + tm, gran: "time"}, true
	}
	return end, result{typ: "TIME", value: dayValue(p.ref) + tm, gran: "time", anchor: "published", when: p.ref}, true
}

// dayAt matches an expression of one day at k (a weekday, a month and day,
// yesterday) for clock times.
func (p *parser) dayAt(k int) (int, result, bool) {
	for _, r := range []rule{(*parser).weekdayRule, (*parser).monthRule, (*parser).fuzzyRef} {
		if e, res, ok := r(p, k); ok && res.gran == "day" {
			return e, res, true
		}
	}
	return 0, result{}, false
}

func (p *parser) weekdayRule(i int) (int, result, bool) {
	wd, ok := p.weekdayAt(i)
	if !ok || !p.v[i].cap {
		return 0, result{}, false
	}
	end := i + 1
	// "Friday, Jan. 27" or "Friday, Jan. 27, 2023": the written date wins
	k := end
	if p.w(k) == "," {
		k++
	}
	if p.same(i, k) {
		// TimeML annotates the weekday and the date as two expressions
		// of one value: the weekday takes the written date's
		if _, r, ok := p.monthRule(k); ok && r.gran == "day" {
			return end, r, true
		}
	}
	if !p.refOK {
		return end, result{typ: "DATE", value: "XXXX-XX-XX", gran: "day"}, true
	}
	// news reports mostly what happened: a weekday is past unless a strong
	// cue looks ahead, and "Friday's meeting" is past
	dir := p.direction(i, end)
	if p.dirTo {
		// "to" says an aim ("to mark the entry on Friday"): look past it for a
		// word of tense ("planned to leave on Thursday", "scheduled to close Monday")
		dir = p.scanDirectionFrom(i, end, true)
	}
	if p.w(i-1) == "as" && (p.w(i-2) == "early" || p.w(i-2) == "soon") {
		dir, p.dirTo = 2, false // "as early as Tuesday"
	}
	if dir < 2 || p.dirTo || p.w(end) == "'s" || p.w(end) == "’s" {
		dir = -1
	}
	return end, dateResult(p.weekdayDate(wd, dir, false), "published"), true
}

func (p *parser) monthRule(i int) (int, result, bool) {
	w := p.w(i)
	// "27 January 2023"
	if p.v[i].isNum() && len(w) <= 2 && !p.v[i].hyph {
		day, _ := strconv.Atoi(w)
		if m, ok := p.monthAt(i + 1); ok && day >= 1 && day <= 31 && p.v[i+1].cap && p.same(i, i+1) {
			end := i + 2
			if y, ok := p.yearAt(end); ok {
				return end + 1, p.fullDate(y, m, day), true
			}
			return end, p.monthDay(i, end, m, day), true
		}
		return 0, result{}, false
	}
	m, ok := p.monthAt(i)
	if !ok || !p.v[i].cap {
		return 0, result{}, false
	}
	end := i + 1
	// day: "Jan. 27", "January 27th"
	if day, ok := dayNumber(p.w(end)); ok && p.same(i, end) {
		end++
		if s := p.w(end); s == "th" || s == "st" || s == "nd" || s == "rd" {
			end++
		}
		k := end
		if p.w(k) == "," {
			k++
		}
		if y, ok := p.yearAt(k); ok && p.same(i, k) {
			return k + 1, p.fullDate(y, m, day), true
		}
		return end, p.monthDay(i, end, m, day), true
	}
	// year: "August 2020", "March of 2012", "June, 2021"
	k := end
	if s := p.w(k); s == "of" || s == "," {
		k++
	}
	if y, ok := p.yearAt(k); ok && p.same(i, k) {
		t := time.Date(y, time.Month(m), 1, 0, 0, 0, 0, time.UTC)
		return k + 1, result{typ: "DATE", value: pad(y, 4) + "-" + pad(m, 2), gran: "month", when: t}, true
	}
	// "February this year", "July last year"
	if n, ok := relYear[p.w(end)]; ok && p.w(end+1) == "year" && p.refOK && p.same(i, end+1) {
		y := p.ref.Year() + n
		t := time.Date(y, time.Month(m), 1, 0, 0, 0, 0, time.UTC)
		return end + 2, result{typ: "DATE", value: pad(y, 4) + "-" + pad(m, 2), gran: "month", anchor: "published", when: t}, true
	}
	if len(w) <= 4 && w != "june" && w != "july" && w != "may" {
		return 0, result{}, false // "Jan Kavan": an abbreviation without its period needs a day or a year
	}
	if w == "may" || w == "march" || w[len(w)-1] == '.' {
		// the modal verb, the verb, and abbreviations are months only with a
		// day, a year or a preposition
		if !monthPreps[p.w(i-1)] {
			return 0, result{}, false
		}
	}
	if !p.refOK {
		return end, result{typ: "DATE", value: "XXXX-" + pad(m, 2), gran: "month"}, true
	}
	y := p.monthYear(m, p.direction(i, end))
	t := time.Date(y, time.Month(m), 1, 0, 0, 0, 0, time.UTC)
	return end, result{typ: "DATE", value: pad(y, 4) + "-" + pad(m, 2), gran: "month", anchor: "published", when: t}, true
}

var monthPreps = map[string]bool{"in": true, "since": true, "until": true, "till": true, "by": true, "from": true, "to": true, "of": true, "early": true, "late": true, "mid": true, "last": true, "next": true, "this": true, "through": true, "during": true, "before": true, "after": true, "and": true, "or": true, "between": true, "each": true, "every": true, "that": true}

func (p *parser) fullDate(y, m, day int) result {
	t := time.Date(y, time.Month(m), day, 0, 0, 0, 0, time.UTC)
	return dateResult(t, "")
}

func (p *parser) monthDay(i, end, m, day int) result {
	if !p.refOK {
		return result{typ: "DATE", value: "XXXX-" + pad(m, 2) + "-" + pad(day, 2), gran: "day"}
	}
	dir := p.direction(i, end)
	y := p.monthYear(m, dir)
	return dateResult(time.Date(y, time.Month(m), day, 0, 0, 0, 0, time.UTC), "published")
}

// dayNumber reads a day of the month: "27", "27th", "1st".
func dayNumber(s string) (int, bool) {
	if len(s) > 2 {
		switch s[len(s)-2:] {
		case "st", "nd", "rd", "th":
			s = s[:len(s)-2]
		}
	}
	if len(s) == 0 || len(s) > 2 || !isDigits(s) {
		return 0, false
	}
	d, _ := strconv.Atoi(s)
	return d, d >= 1 && d <= 31
}

// yearAt reads a four-digit year at k.
func (p *parser) yearAt(k int) (int, bool) {
	if k >= len(p.v) || !p.v[k].isNum() || p.v[k].le-p.v[k].ls != 4 || p.v[k].bad {
		return 0, false
	}
	y, err := strconv.Atoi(p.str(k))
	if err != nil || y < 1000 || y > 2199 {
		return 0, false
	}
	return y, true
}

var currency = map[string]bool{"$": true, "€": true, "£": true, "¥": true, "us$": true, "usd": true}

func (p *parser) yearRule(i int) (int, result, bool) {
	start := i
	w := p.w(i)
	fiscal := false
	if w == "fiscal" || w == "fy" {
		fiscal = true
		i++
		if p.w(i) == "year" {
			i++
		}
	} else if w == "the" && p.w(i+1) == "year" {
		i += 2
	}
	if !p.same(start, i) {
		return 0, result{}, false
	}
	y, ok := p.yearAt(i)
	if !ok || y < 1600 {
		return 0, result{}, false
	}
	if !fiscal {
		if y < 1900 && !monthPreps[p.w(i-1)] {
			return 0, result{}, false
		}
		if i > 0 && (currency[p.w(i-1)] || p.v[i-1].kind == 4) {
			return 0, result{}, false
		}
		if s := p.w(i + 1); s == "%" || s == "percent" || s == "per" {
			return 0, result{}, false
		}
		if p.v[i].hyph && !p.v[i-1].isNum() && p.l.mods[p.w(i-1)] == "" && p.w(i-1) != "post" && p.w(i-1) != "pre" {
			return 0, result{}, false // "Boeing-1990"
		}
	}
	end := i + 1
	// "1989-90": a fiscal or season span; the first year dates it
	if end < len(p.v) && p.v[end].hyph && p.v[end].isNum() && len(p.w(end)) == 2 {
		end++
	}
	t := time.Date(y, 1, 1, 0, 0, 0, 0, time.UTC)
	r := result{typ: "DATE", value: pad(y, 4), gran: "year", when: t}
	if w == "fiscal" || w == "fy" {
		r.gran = "fiscal year"
	}
	return end, r, true
}

// decadeRule reads "the 1990s", "1990s", "the '80s", "the 20th century".
func (p *parser) decadeRule(i int) (int, result, bool) {
	start := i
	if p.w(i) == "the" {
		i++
	}
	w := p.w(i)
	if !p.same(start, i) || w == "" {
		return 0, result{}, false
	}
	if strings.HasSuffix(w, "s") {
		num := strings.TrimSuffix(strings.TrimSuffix(w, "s"), "'")
		if len(num) == 4 && isDigits(num) && num[3] == '0' {
			return i + 1, result{typ: "DATE", value: num[:3], gran: "decade"}, true
		}
		// "the '90s": the century is the last one that had such a decade
		short := strings.TrimPrefix(strings.TrimPrefix(num, "'"), "’")
		if len(short) == 2 && len(short) < len(num) && isDigits(short) && short[1] == '0' {
			c := "19"
			if p.refOK && p.ref.Year() >= 2000 && int(short[0]-'0') <= p.ref.Year()%100/10 {
				c = "20"
			}
			return i + 1, result{typ: "DATE", value: c + short[:1], gran: "decade"}, true
		}
	}
	if v, ok := decadeWords[w]; ok && start < i && strings.HasSuffix(w, "ies") {
		c := "19"
		if p.refOK && p.ref.Year() >= 2030 {
			c = "20"
		}
		return i + 1, result{typ: "DATE", value: c + v, gran: "decade"}, true
	}
	// "the 20th century"
	if p.w(i+1) == "century" && len(w) >= 3 && isDigits(w[:len(w)-2]) {
		n, _ := strconv.Atoi(w[:len(w)-2])
		if n > 0 && n < 30 {
			return i + 2, result{typ: "DATE", value: pad(n-1, 2), gran: "century"}, true
		}
	}
	return 0, result{}, false
}

var relYear = map[string]int{"this": 0, "last": -1, "next": 1}

func isRelYear(w string) bool { return w == "this" || w == "last" || w == "next" }

// numberAt returns the value of a one-word number at i ("four", "twenty").
func (p *parser) numberAt(i int) (int, bool) {
	if !p.has(i, fCount) {
		return 0, false
	}
	if e := p.entry(i); e != nil && e.single != nil && e.single.number != -2 {
		return e.single.number, true
	}
	return 0, false
}

var decadeWords = map[string]string{"twenties": "2", "thirties": "3", "forties": "4", "fifties": "5", "sixties": "6", "seventies": "7", "eighties": "8", "nineties": "9"}

// quarterRule reads "the third quarter", "third-quarter", "the fiscal first
// quarter", "the second half of 1989", "the latest quarter", "the year-ago quarter".
func (p *parser) quarterRule(i int) (int, result, bool) {
	// every form names a quarter, a half or a period within six words
	near := false
	for k := i; k < i+7 && k < len(p.v); k++ {
		if p.v[k].f&fQuarter != 0 {
			near = true
			break
		}
	}
	if !near {
		return 0, result{}, false
	}
	start := i
	if p.w(i+1) != "year" || !isRelYear(p.w(i)) {
		if p.w(i) == "the" || p.w(i) == "a" || p.w(i) == "its" || p.w(i) == "this" {
			i++
		}
	}
	year, yearAgo := 0, false
	if p.w(i) == "year" && p.has(i+2, fOrdinal) && i+1 < len(p.v) && p.v[i+1].hyph && (p.w(i+1) == "ago" || p.w(i+1) == "earlier") {
		// "the year-ago third quarter"
		yearAgo = true
		i += 2
	}
	if y, ok := p.yearAt(i); ok && p.same(start, i) {
		year = y
		i++
	} else if n, ok := relYear[p.w(i)]; p.w(i+1) == "year" && ok && (p.w(i+2) == "'s" || p.w(i+2) == "’s") && p.refOK && p.same(start, i+2) {
		// "this year's third quarter", "next year's first quarter"
		if _, isOrd := p.ordinalAt(i + 3); isOrd {
			year = p.ref.Year() + n
			i += 3
		}
	}
	if p.w(i) == "fiscal" {
		i++
	}
	if !p.same(start, i) {
		return 0, result{}, false
	}
	w := p.w(i)
	ord, isOrd := p.ordinalAt(i)
	if isOrd {
		unit := p.w(i + 1)
		if (unit != "quarter" && unit != "half") || !p.same(start, i+1) {
			return 0, result{}, false
		}
		end := i + 2
		// "of 1989", "of fiscal 1990", "1990" (after the quarter: "third quarter 1989")
		k := end
		if p.w(k) == "of" {
			k++
			if p.w(k) == "fiscal" {
				k++
			}
		}
		if y, ok := p.yearAt(k); ok && p.same(start, k) {
			year = y
			end = k + 1
		} else if p.w(k) == "this" || p.w(k) == "next" || p.w(k) == "last" {
			if p.w(k+1) == "year" && p.refOK {
				year = p.ref.Year() + map[string]int{"this": 0, "next": 1, "last": -1}[p.w(k)]
				end = k + 2
			}
		}
		if unit == "half" {
			if ord > 2 {
				return 0, result{}, false
			}
			if year == 0 {
				if !p.refOK {
					return end, result{typ: "DATE", value: "XXXX-H" + strconv.Itoa(ord), gran: "half"}, true
				}
				year = p.ref.Year()
				if ord == 2 && p.ref.Month() <= 6 && p.direction(start, end) < 2 {
					year--
				}
			}
			return end, result{typ: "DATE", value: pad(year, 4) + "-H" + strconv.Itoa(ord), gran: "half", when: time.Date(year, time.Month(ord*6-5), 1, 0, 0, 0, 0, time.UTC)}, true
		}
		if p.w(end) == "of" && year == 0 && p.w(start) == "a" || end < len(p.v) && p.v[end].hyph && p.w(end) == "to" {
			return 0, result{}, false // "a quarter of the market", "quarter-to-quarter"
		}
		if year == 0 {
			if !p.refOK {
				return end, result{typ: "DATE", value: "XXXX-Q" + strconv.Itoa(ord), gran: "quarter"}, true
			}
			year = p.ref.Year()
			cur := quarterOf(p.ref)
			dir := p.direction(start, end)
			if ord > cur && dir < 2 {
				year-- // a quarter not yet begun is last year's, unless the sentence looks ahead
			}
		}
		if yearAgo {
			year--
		}
		t := time.Date(year, time.Month(ord*3-2), 1, 0, 0, 0, 0, time.UTC)
		return end, result{typ: "DATE", value: pad(year, 4) + "-Q" + strconv.Itoa(ord), gran: "quarter", when: t}, true
	}
	// "the latest quarter", "the current quarter", "the year-ago quarter", "the quarter"
	if start == i && year == 0 {
		return 0, result{}, false
	}
	shiftY := 0
	kind := ""
	switch w {
	case "latest", "recent", "most":
		kind = "latest"
		if w == "most" && p.w(i+1) == "recent" {
			i++
		}
		i++
	case "current", "present":
		kind = "current"
		i++
	case "comparable", "same":
		i++
		if p.w(i) == "year" && p.v[i+1].hyph {
			// "the comparable year-ago quarter"
			w = "year"
		} else {
			return 0, result{}, false
		}
		fallthrough
	case "year":
		if (p.w(i+1) == "ago" || p.w(i+1) == "earlier") && p.v[i+1].hyph {
			shiftY = -1
			kind = "yearago"
			i += 2
		} else {
			return 0, result{}, false
		}
	case "quarter":
		kind = "the"
		if p.w(start) == "this" {
			kind = "current"
		}
	}
	if p.w(i) == "period" && (kind == "latest" || kind == "yearago") {
		// "the latest period", "the year-earlier period": the quarter of the report
	} else if p.w(i) != "quarter" || !p.same(start, i) {
		if year != 0 && p.w(i) == "period" {
			// "the 1988 period" after a quarter: that quarter in that year
		} else {
			return 0, result{}, false
		}
	}
	if year != 0 && p.w(i) == "period" && !(p.lastOK && p.last.gran == "quarter") {
		return 0, result{}, false
	}
	end := i + 1
	if !p.refOK && !p.lastOK {
		return end, result{typ: "DATE", value: "XXXX-QX", gran: "quarter"}, true
	}
	var base time.Time
	switch {
	case p.lastOK && p.last.gran == "quarter" && kind != "current":
		base = p.last.when
	case kind == "current" || !p.refOK:
		base = p.ref
	default:
		base = p.ref.AddDate(0, -3, 0) // the last quarter reported
	}
	if kind == "current" && p.refOK {
		base = p.ref
	}
	if year != 0 {
		base = time.Date(year, base.Month(), 1, 0, 0, 0, 0, time.UTC)
	}
	v, g, t := shift(base, unitInfo{letter: "Q"}, 4*shiftY)
	return end, result{typ: "DATE", value: v, gran: g, anchor: "timex", when: t, derived: shiftY != 0}, true
}

// relativeRule reads "this week", "last year", "next month", "the past year",
// "last Friday", "last April", "this summer", "the following year".
func (p *parser) relativeRule(i int) (int, result, bool) {
	start := i
	the := false
	if p.w(i) == "the" {
		the = true
		i++
	}
	w := p.w(i)
	n := 0
	switch w {
	case "this", "current", "present", "these":
		n = 0
	case "last", "past", "previous", "preceding":
		n = -1
	case "next", "coming", "following", "upcoming":
		n = 1
	case "that", "same":
		n = 0
	default:
		return 0, result{}, false
	}
	if (w == "current" || w == "present" || w == "previous" || w == "following" || w == "same" || w == "preceding") && !the {
		return 0, result{}, false
	}
	if w == "that" && the {
		return 0, result{}, false
	}
	i++
	if !p.same(start, i) {
		return 0, result{}, false
	}
	// "this past week"
	if w == "this" && (p.w(i) == "past" || p.w(i) == "coming") {
		if p.w(i) == "past" {
			n = -1
		} else {
			n = 1
		}
		i++
	}
	fiscal := false
	if p.w(i) == "fiscal" {
		fiscal = true
		i++
	}
	x := p.w(i)
	end := i + 1
	if u, ok := p.unitAt(i); ok && !strings.HasSuffix(x, "s") || x == "weekend" {
		if u.time {
			return 0, result{}, false
		}
		// "the past year", "the last week" and "the next month" are spans of time
		if the && (w == "past" || w == "last" || w == "next" || w == "coming") {
			return end, result{typ: "DURATION", value: durationValue(1, u)}, true
		}
		if w == "that" || w == "same" {
			if !p.lastOK {
				return 0, result{}, false
			}
			v, g, t := shift(p.last.when, u, 0)
			if p.last.gran != "day" && u.letter == "D" {
				return 0, result{}, false
			}
			return end, result{typ: "DATE", value: v, gran: g, anchor: "timex", when: t}, true
		}
		if (w == "following" || w == "previous" || w == "preceding") && p.lastOK {
			v, g, t := shift(p.last.when, u, n)
			return end, result{typ: "DATE", value: v, gran: g, anchor: "timex", when: t}, true
		}
		if u.letter == "WE" && n == 0 && p.refOK && p.direction(start, end) < 0 && isoWeekday(p.ref) < 5 {
			n = -1 // "this weekend" said on a Monday of what happened
		}
		r := p.rel(u, n)
		if fiscal {
			r.gran = "fiscal year"
		}
		return end, r, true
	}
	if w == "these" || w == "that" || w == "same" {
		return 0, result{}, false
	}
	// "last Friday", "next Monday"
	if wd, ok := p.weekdayAt(i); ok && p.v[i].cap && !the {
		if !p.refOK {
			return end, result{typ: "DATE", value: "XXXX-XX-XX", gran: "day"}, true
		}
		dir := int8(n)
		strict := n != 0
		if n == 0 {
			dir = p.direction(start, end)
			if dir == 0 {
				dir = 1
			}
		}
		return end, dateResult(p.weekdayDate(wd, dir, strict), "published"), true
	}
	// "last April", "this September", "next March", "last Oct. 23"
	if m, ok := p.monthAt(i); ok && p.v[i].cap && !the {
		if !p.refOK {
			return end, result{typ: "DATE", value: "XXXX-" + pad(m, 2), gran: "month"}, true
		}
		y, rm := p.ref.Year(), int(p.ref.Month())
		if day, ok := dayNumber(p.w(end)); ok && p.same(i, end) {
			t := time.Date(y, time.Month(m), day, 0, 0, 0, 0, time.UTC)
			if n < 0 && !t.Before(p.ref) {
				t = t.AddDate(-1, 0, 0)
			} else if n > 0 && !t.After(p.ref) {
				t = t.AddDate(1, 0, 0)
			}
			return end + 1, dateResult(t, "published"), true
		}
		switch {
		case n < 0 && m >= rm-1:
			y-- // "last February" said in March is a year back: the month just gone is "last month"
		case n > 0 && m <= rm:
			y++
		}
		t := time.Date(y, time.Month(m), 1, 0, 0, 0, 0, time.UTC)
		return end, result{typ: "DATE", value: pad(y, 4) + "-" + pad(m, 2), gran: "month", anchor: "published", when: t}, true
	}
	// "last fall", "this summer"
	if code, ok := p.seasonAt(i); ok && !the {
		if !p.refOK {
			return end, result{typ: "DATE", value: "XXXX-" + code, gran: "season"}, true
		}
		y := p.ref.Year()
		sm := seasonStart(code)
		rm := int(p.ref.Month())
		switch {
		case n < 0 && sm >= rm-1:
			y--
		case n > 0 && sm <= rm:
			y++
		}
		return end, result{typ: "DATE", value: pad(y, 4) + "-" + code, gran: "season", anchor: "published", when: time.Date(y, time.Month(sm), 1, 0, 0, 0, 0, time.UTC)}, true
	}
	// "this morning", "this afternoon"
	if code, ok := p.partAt(i); ok && w == "this" {
		if !p.refOK {
			return end, result{typ: "TIME", value: "XXXX-XX-XXT" + code, gran: "part of day"}, true
		}
		return end, result{typ: "TIME", value: dayValue(p.ref) + "T" + code, gran: "part of day", anchor: "published", when: p.ref}, true
	}
	return 0, result{}, false
}

func seasonStart(code string) int {
	switch code {
	case "SP":
		return 3
	case "SU":
		return 6
	case "FA":
		return 9
	}
	return 12
}

// count reads a count of units at i: "nine", "18", "a few", "several",
// "a couple of"; it returns the count (-1 for a vague one) and the next token.
func (p *parser) count(i int) (int, int, bool) {
	w := p.w(i)
	if w == "" {
		return 0, 0, false
	}
	if p.v[i].isNum() {
		if strings.ContainsAny(w, ".,") {
			return 0, 0, false
		}
		n, err := strconv.Atoi(w)
		if err != nil || n > 5000 {
			return 0, 0, false
		}
		if p.w(i+1) == "1" && p.w(i+2) == "/" && p.w(i+3) == "2" && p.same(i, i+3) {
			return n, i + 4, true // "2 1/2": the half is read by the caller
		}
		return n, i + 1, true
	}
	best, val := 0, 0
	if p.v[i].f&fCount == 0 {
		return 0, 0, false
	}
	h := p.hit(i)
	best, val = int(h.numN), h.num
	if best == 0 {
		return 0, 0, false
	}
	// "twenty four", "twenty-four"
	if best == 1 && val >= 20 && val%10 == 0 {
		if v, ok := p.numberAt(i + 1); ok && v > 0 && v < 10 && p.same(i, i+1) {
			return val + v, i + 2, true
		}
	}
	// "a hundred", "two hundred"
	if v, ok := p.numberAt(i + best); ok && v == 100 && val > 0 && p.same(i, i+best) {
		return val * 100, i + best + 1, true
	}
	return val, i + best, true
}

// agoRule reads "a year ago", "two days earlier", "six weeks later", "a
// year-earlier", "three months from now".
func (p *parser) agoRule(i int) (int, result, bool) {
	start := i
	n, k, ok := p.count(i)
	if !ok {
		// "year-earlier", "year-ago": a count of one
		if _, isU := p.unitAt(i); !isU {
			return 0, result{}, false
		}
		n, k = 1, i
	}
	u, ok := p.unitAt(k)
	if !ok || !p.same(start, k) || u.letter == "WE" {
		return 0, result{}, false
	}
	end := k + 1
	// "or so", "or two" before "ago"
	if p.w(end) == "or" && p.w(end+1) == "so" {
		end += 2
	}
	dir := p.w(end)
	sign := 0
	anchorLast := false
	switch dir {
	case "ago", "before", "earlier":
		sign = -1
		anchorLast = dir != "ago"
	case "later", "after", "hence":
		sign = 1
		anchorLast = dir != "hence"
		if dir == "later" && u.letter != "Y" {
			// TimeML: "three days later" is the duration "three days"; "later" is a signal
			return 0, result{}, false
		}
	case "from":
		if p.w(end+1) != "now" {
			return 0, result{}, false
		}
		sign = 1
		end++
	default:
		return 0, result{}, false
	}
	if (dir == "before" || dir == "after") && p.same(start, end+1) && (p.v[end+1].kind == 0 || p.v[end+1].isNum()) && p.w(end+1) != "that" {
		return 0, result{}, false // "two days before the vote": the preposition begins another phrase
	}
	end++
	if !p.same(start, end-1) {
		return 0, result{}, false
	}
	if n < 0 {
		if sign < 0 {
			return end, result{typ: "DATE", value: "PAST_REF"}, true
		}
		return end, result{typ: "DATE", value: "FUTURE_REF"}, true
	}
	if u.time {
		if !p.refOK {
			return end, result{typ: "TIME", value: "XXXX-XX-XXTXX:XX", gran: "time"}, true
		}
		return end, result{typ: "DATE", value: dayValue(p.ref), gran: "day", anchor: "published", when: p.ref}, true
	}
	base, anchor := p.ref, "published"
	baseOK := p.refOK
	if p.lastOK && (anchorLast || (u.letter == "Y" && p.last.gran == "quarter")) {
		base, anchor, baseOK = p.last.when, "timex", true
	}
	if !baseOK {
		g := u.gran
		return end, result{typ: "DATE", value: unknown(g), gran: g}, true
	}
	if u.letter == "Y" && p.lastOK && p.last.gran == "quarter" {
		v, g, t := shift(base, unitInfo{letter: "Q"}, 4*sign*n)
		return end, result{typ: "DATE", value: v, gran: g, anchor: "timex", when: t, derived: true}, true
	}
	v, g, t := shift(base, u, sign*n)
	return end, result{typ: "DATE", value: v, gran: g, anchor: anchor, when: t, derived: anchor == "timex"}, true
}

var durationLead = map[string]bool{"for": true, "over": true, "within": true, "in": true, "after": true, "of": true, "than": true, "about": true, "nearly": true, "almost": true, "some": true, "recent": false}

// durationRule reads "nine years", "the past two months", "the first nine
// months", "a few days", "18-month", "24 hours", and bare "years" after "for".
func (p *parser) durationRule(i int) (int, result, bool) {
	start := i
	if p.w(i) == "the" {
		i++
		switch p.w(i) {
		case "past", "last", "next", "first", "coming", "previous", "final", "latest", "remaining", "full", "entire", "whole", "following":
			i++
		}
	} else if p.w(i) == "past" || p.w(i) == "last" || p.w(i) == "next" || p.w(i) == "first" {
		i++
	}
	if !p.same(start, i) {
		return 0, result{}, false
	}
	n, k, ok := p.count(i)
	if !ok {
		// bare plural unit: "for years", "over months"
		if start != i {
			return 0, result{}, false
		}
		u, isU := p.unitAt(i)
		if !isU || !strings.HasSuffix(p.w(i), "s") || !durationLead[p.w(i-1)] || u.letter == "WE" || p.v[i].hyph {
			return 0, result{}, false
		}
		return i + 1, result{typ: "DURATION", value: durationValue(-1, u)}, true
	}
	if !p.same(start, k) {
		return 0, result{}, false
	}
	switch p.w(k) {
	case "more", "additional", "extra", "straight", "consecutive", "full", "long":
		k++ // "two more weeks", "an additional year"
	}
	w := p.w(k)
	u, ok := p.unitAt(k)
	if !ok || u.letter == "WE" {
		return 0, result{}, false
	}
	if u.letter == "Q" && p.w(k+1) == "of" {
		return 0, result{}, false // "three-quarters of its food" is a fraction
	}
	// "a second" and "one second" are rarely durations; "second" needs a count above one
	if u.letter == "S" && n <= 1 && !strings.HasSuffix(w, "s") {
		return 0, result{}, false
	}
	// "a year" and "a month" after a number ("$5 a year") is a rate
	end := k + 1
	if n == 1 && (p.w(i) == "a" || p.w(i) == "an") && start == i && i > 0 && !durationLead[p.w(i-1)] && isCounted(p, i-1) {
		return end, result{typ: "SET", value: durationValue(1, u)}, true
	}
	// "a year" alone is risky ("a year when"); TimeML tags it, so do we
	r := result{typ: "DURATION", value: durationValue(n, u)}
	// "2 1/2 years"
	if k == i+4 && p.w(i+2) == "/" {
		r.value = halfMore(n, u)
	}
	// "and a half"
	if p.w(end) == "and" && p.w(end+1) == "a" && p.w(end+2) == "half" && n >= 0 && p.same(start, end+2) {
		end += 3
		r.value = halfMore(n, u)
	}
	// "37 years old" and "a 37-year-old man" are ages, not times ("an 8-month-old truce" is one)
	if p.w(end) == "old" && u.letter == "Y" {
		return 0, result{}, false
	}
	return end, r, true
}

func isCounted(p *parser, k int) bool {
	// a number shortly before: "5,000 people a year", "$5 billion a year"
	for j := k; j >= 0 && k-j < 4 && p.same(k, j); j-- {
		if p.v[j].isNum() {
			return true
		}
	}
	return false
}

func halfMore(n int, u unitInfo) string {
	switch u.letter {
	case "Y":
		return "P" + strconv.Itoa(n) + "Y6M"
	case "H":
		return "PT" + strconv.Itoa(n) + "H30M"
	case "D":
		return "P" + strconv.Itoa(n) + "DT12H"
	}
	return durationValue(n, u)
}

// setRule reads "daily", "every year", "each Thursday", "per day".
func (p *parser) setRule(i int) (int, result, bool) {
	w := p.w(i)
	if v, ok := p.setAt(i); ok {
		return i + 1, result{typ: "SET", value: v}, true
	}
	if w != "every" && w != "each" && w != "per" {
		return 0, result{}, false
	}
	k := i + 1
	if p.w(k) == "other" {
		k++
	}
	x := p.w(k)
	if !p.same(i, k) {
		return 0, result{}, false
	}
	if u, ok := p.unitAt(k); ok && !strings.HasSuffix(x, "s") {
		n := 1
		if k > i+1 {
			n = 2
		}
		if u.letter == "WE" {
			return k + 1, result{typ: "SET", value: "XXXX-WXX-WE"}, true
		}
		return k + 1, result{typ: "SET", value: durationValue(n, u)}, true
	}
	if wd, ok := p.weekdayAt(k); ok && w != "per" {
		return k + 1, result{typ: "SET", value: "XXXX-WXX-" + strconv.Itoa(wd)}, true
	}
	if m, ok := p.monthAt(k); ok && w != "per" {
		return k + 1, result{typ: "SET", value: "XXXX-" + pad(m, 2)}, true
	}
	return 0, result{}, false
}

// seasonRule reads "summer", "the summer of 2012", "spring 2023".
func (p *parser) seasonRule(i int) (int, result, bool) {
	start := i
	if p.w(i) == "the" {
		i++
	}
	code, ok := p.seasonAt(i)
	if !ok || !p.same(start, i) {
		return 0, result{}, false
	}
	end := i + 1
	k := end
	if p.w(k) == "of" {
		k++
	}
	if y, ok := p.yearAt(k); ok && p.same(start, k) {
		return k + 1, result{typ: "DATE", value: pad(y, 4) + "-" + code, gran: "season", when: time.Date(y, time.Month(seasonStart(code)), 1, 0, 0, 0, 0, time.UTC)}, true
	}
	// a bare season needs "in"/"the"/"this": "fall" is also a verb
	if start == i && !monthPreps[p.w(i-1)] {
		return 0, result{}, false
	}
	if p.w(i) == "fall" && start == i && p.w(i-1) != "in" && p.w(i-1) != "this" {
		return 0, result{}, false
	}
	if !p.refOK {
		return end, result{typ: "DATE", value: "XXXX-" + code, gran: "season"}, true
	}
	y := p.monthYear(seasonStart(code), p.direction(start, end))
	return end, result{typ: "DATE", value: pad(y, 4) + "-" + code, gran: "season", anchor: "published", when: time.Date(y, time.Month(seasonStart(code)), 1, 0, 0, 0, 0, time.UTC)}, true
}

// holidayRule reads "Christmas", "Thanksgiving Day", "New Year's Day" (with
// "last" or "this" before them handled by direction).
func (p *parser) holidayRule(i int) (int, result, bool) {
	start := i
	n := 0
	switch p.w(i) {
	case "last":
		n = -1
		i++
	case "next":
		n = 1
		i++
	case "this":
		i++
	}
	if !p.v[i].cap && i < len(p.v) {
		return 0, result{}, false
	}
	best, rule := 0, ""
	if i < len(p.v) && p.v[i].f&fHoliday != 0 {
		h := p.hit(i)
		best, rule = int(h.holN), h.hol
	}
	if best == 0 || !p.same(start, i+best-1) {
		return 0, result{}, false
	}
	end := i + best
	year := 0
	if y, ok := p.yearAt(end); ok && p.same(start, end) {
		year = y
		end++
	}
	if year == 0 && !p.refOK {
		m, d := holidayDate(rule, 2001)
		return end, result{typ: "DATE", value: "XXXX-" + pad(m, 2) + "-" + pad(d, 2), gran: "day"}, true
	}
	anchor := ""
	if year == 0 {
		anchor = "published"
		year = p.ref.Year()
		m, d := holidayDate(rule, year)
		t := time.Date(year, time.Month(m), d, 0, 0, 0, 0, time.UTC)
		dir := int8(2 * n)
		if dir == 0 {
			dir = p.direction(start, end)
		}
		switch {
		case dir <= -2 && !t.Before(p.ref):
			year--
		case dir >= 2 && t.Before(p.ref):
			year++
		case dir > -2 && dir < 2:
			year = p.monthYear(m, dir)
		}
	}
	m, d := holidayDate(rule, year)
	return end, dateResult(time.Date(year, time.Month(m), d, 0, 0, 0, 0, time.UTC), anchor), true
}

// holidayDate applies a rule of holidays.txt to a year.
func holidayDate(rule string, year int) (int, int) {
	f := strings.Split(rule, ":")
	if len(f) == 1 {
		m, _ := strconv.Atoi(rule[:2])
		d, _ := strconv.Atoi(rule[3:])
		return m, d
	}
	m, _ := strconv.Atoi(f[1])
	wd, _ := strconv.Atoi(f[2])
	if f[0] == "last" {
		t := time.Date(year, time.Month(m)+1, 0, 0, 0, 0, 0, time.UTC)
		for isoWeekday(t) != wd {
			t = t.AddDate(0, 0, -1)
		}
		return m, t.Day()
	}
	nth, _ := strconv.Atoi(f[3])
	t := time.Date(year, time.Month(m), 1, 0, 0, 0, 0, time.UTC)
	for isoWeekday(t) != wd {
		t = t.AddDate(0, 0, 1)
	}
	return m, t.Day() + 7*(nth-1)
}

// theUnitRule reads "the weekend", "the year", "the full year", "the fiscal
// year", "the month", "the week", "the morning", "year-end": the unit that
// holds the publication date, or a span of one unit when a clause follows
// ("the year ended Sept. 30").
func (p *parser) theUnitRule(i int) (int, result, bool) {
	start := i
	w := p.w(i)
	if w == "year" && (p.w(i+1) == "end" || p.w(i+1) == "'s" && p.w(i+2) == "end" || p.w(i+1) == "’s" && p.w(i+2) == "end") && p.same(i, i+1) {
		end := i + 2
		if p.w(i+1) != "end" {
			end = i + 3
		}
		r := p.rel(unitInfo{letter: "Y", gran: "year"}, 0)
		r.mod = "END"
		return end, r, true
	}
	if w != "the" {
		return 0, result{}, false
	}
	i++
	fiscal := false
	switch p.w(i) {
	case "full", "whole", "entire":
		i++
	case "fiscal":
		fiscal = true
		i++
	}
	x := p.w(i)
	if !p.same(start, i) {
		return 0, result{}, false
	}
	end := i + 1
	if end < len(p.v) && p.v[end].hyph {
		return 0, result{}, false // "the year-ago quarter" is another rule's
	}
	after := p.w(end)
	spanFollows := after == "ended" || after == "ending" || after == "to" || after == "through"
	switch x {
	case "weekend":
		if !p.refOK {
			return end, result{typ: "DATE", value: "XXXX-WXX-WE", gran: "week"}, true
		}
		n := 0
		wd := isoWeekday(p.ref)
		if dir := p.direction(start, end); dir >= 2 {
			if wd >= 6 {
				n = 1
			}
		} else if wd < 6 {
			n = -1
		}
		return end, p.rel(unitInfo{letter: "WE", gran: "week"}, n), true
	case "year":
		if spanFollows || fiscal && !p.refOK {
			return end, result{typ: "DURATION", value: "P1Y"}, true
		}
		r := p.rel(unitInfo{letter: "Y", gran: "year"}, 0)
		if fiscal {
			r.gran = "fiscal year"
		}
		return end, r, true
	case "month":
		if spanFollows {
			return end, result{typ: "DURATION", value: "P1M"}, true
		}
		return end, p.rel(unitInfo{letter: "M", gran: "month"}, 0), true
	case "week":
		if spanFollows {
			return end, result{typ: "DURATION", value: "P1W"}, true
		}
		return end, p.rel(unitInfo{letter: "W", gran: "week"}, 0), true
	case "morning", "afternoon", "evening":
		if !p.refOK {
			return end, result{typ: "TIME", value: "XXXX-XX-XXT" + p.l.parts[x], gran: "part of day"}, true
		}
		base := p.ref
		if p.lastOK && p.last.gran == "day" {
			base = p.last.when
		}
		return end, result{typ: "TIME", value: dayValue(base) + "T" + p.l.parts[x], gran: "part of day", anchor: "published", when: base}, true
	}
	return 0, result{}, false
}

// spokenYearRule reads years written in words, as broadcast transcripts do:
// "nineteen ninety-six", "the year two thousand".
func (p *parser) spokenYearRule(i int) (int, result, bool) {
	start := i
	if p.w(i) == "the" && p.w(i+1) == "year" {
		i += 2
	}
	if !p.same(start, i) {
		return 0, result{}, false
	}
	hi, ok := p.numberAt(i)
	if !ok || p.v[i].isNum() {
		return 0, result{}, false
	}
	if hi == 2 && p.w(i+1) == "thousand" && p.same(i, i+1) {
		y, end := 2000, i+2
		if v, ok := p.numberAt(end); ok && v > 0 && v < 10 && p.same(i, end) {
			y += v
			end++
		}
		return end, result{typ: "DATE", value: pad(y, 4), gran: "year", when: time.Date(y, 1, 1, 0, 0, 0, 0, time.UTC)}, true
	}
	if hi < 11 || hi > 20 {
		return 0, result{}, false
	}
	tens, ok := p.numberAt(i + 1)
	if !ok || tens < 10 || tens > 90 || tens%10 != 0 && tens > 19 || !p.same(i, i+1) {
		return 0, result{}, false
	}
	end := i + 2
	y := hi*100 + tens
	if tens >= 20 {
		if v, ok := p.numberAt(end); ok && v > 0 && v < 10 && p.same(i, end) {
			y += v
			end++
		}
	}
	return end, result{typ: "DATE", value: pad(y, 4), gran: "year", when: time.Date(y, 1, 1, 0, 0, 0, 0, time.UTC)}, true
}

// Word-list lookups by token: the word flags answer "no" without hashing.

func (p *parser) has(i int, f uint32) bool {
	return i >= 0 && i < len(p.v) && p.v[i].f&f != 0 && !p.v[i].bad
}

// entry returns what the word lists say of token i, or nil.
func (p *parser) entry(i int) *wordEntry {
	if i < 0 || i >= len(p.v) || p.v[i].e == 0 || p.v[i].bad {
		return nil
	}
	return &p.l.entries[p.v[i].e-1]
}

func (p *parser) unitAt(i int) (unitInfo, bool) {
	if e := p.entry(i); e != nil && e.hasUnit {
		return e.unit, true
	}
	return unitInfo{}, false
}

func (p *parser) monthAt(i int) (int, bool) {
	if e := p.entry(i); e != nil && e.month > 0 {
		return int(e.month), true
	}
	return 0, false
}

func (p *parser) weekdayAt(i int) (int, bool) {
	if e := p.entry(i); e != nil && e.weekday > 0 {
		return int(e.weekday), true
	}
	return 0, false
}

func (p *parser) ordinalAt(i int) (int, bool) {
	if e := p.entry(i); e != nil && e.ordinal > 0 {
		return int(e.ordinal), true
	}
	return 0, false
}

func (p *parser) seasonAt(i int) (string, bool) {
	if e := p.entry(i); e != nil && e.season != "" {
		return e.season, true
	}
	return "", false
}

func (p *parser) setAt(i int) (string, bool) {
	if e := p.entry(i); e != nil && e.set != "" {
		return e.set, true
	}
	return "", false
}

func (p *parser) partAt(i int) (string, bool) {
	if e := p.entry(i); e != nil && e.part != "" {
		return e.part, true
	}
	return "", false
}

func (p *parser) tenseAt(i int) (int8, bool) {
	if e := p.entry(i); e != nil && e.tense != 0 {
		return e.tense, true
	}
	return 0, false
}

// vagueRule reads plural spans with no count: "coming months" and "future
// quarters" (FUTURE_REF), "past years" (PAST_REF), "the weeks ahead" (PXW).
func (p *parser) vagueRule(i int) (int, result, bool) {
	w := p.w(i)
	if w == "the" {
		if u, ok := p.unitAt(i + 1); ok && strings.HasSuffix(p.w(i+1), "s") && p.w(i+2) == "ahead" && p.same(i, i+2) {
			return i + 3, result{typ: "DURATION", value: durationValue(-1, u)}, true
		}
		return 0, result{}, false
	}
	if w != "coming" && w != "future" && w != "past" && w != "upcoming" {
		return 0, result{}, false
	}
	if _, ok := p.unitAt(i + 1); !ok || !strings.HasSuffix(p.w(i+1), "s") || !p.same(i, i+1) || p.w(i-1) == "the" {
		return 0, result{}, false
	}
	if w == "past" {
		return i + 2, result{typ: "DATE", value: "PAST_REF"}, true
	}
	return i + 2, result{typ: "DATE", value: "FUTURE_REF"}, true
}

// pluralWeekdayRule reads recurring weekdays: "on Mondays", "Tuesday
// nights" (TIMEX3 SET XXXX-WXX-1, XXXX-WXX-2TNI).
func (p *parser) pluralWeekdayRule(i int) (int, result, bool) {
	w := p.w(i)
	if !p.v[i].cap {
		return 0, result{}, false
	}
	if strings.HasSuffix(w, "s") {
		if wd, ok := p.l.weekdays[w[:len(w)-1]]; ok {
			return i + 1, result{typ: "SET", value: "XXXX-WXX-" + strconv.Itoa(wd)}, true
		}
	}
	wd, ok := p.weekdayAt(i)
	if !ok || !p.same(i, i+1) {
		return 0, result{}, false
	}
	if n := p.w(i + 1); strings.HasSuffix(n, "s") {
		if code, ok := p.l.parts[n[:len(n)-1]]; ok {
			return i + 2, result{typ: "SET", value: "XXXX-WXX-" + strconv.Itoa(wd) + "T" + code}, true
		}
	}
	return 0, result{}, false
}

// anchoredDayRule reads days counted from the day the story last named:
// "the next morning", "the day before", "the following night", "later in
// the day".
func (p *parser) anchoredDayRule(i int) (int, result, bool) {
	start := i
	w := p.w(i)
	if w == "later" || w == "earlier" {
		if p.w(i+1) == "in" && p.w(i+2) == "the" && p.w(i+3) == "day" && p.same(i, i+3) {
			base, anchor := p.ref, "published"
			if p.lastOK && p.last.gran == "day" {
				base, anchor = p.last.when, "timex"
			} else if !p.refOK {
				return i + 4, result{typ: "DATE", value: "XXXX-XX-XX", gran: "day"}, true
			}
			r := dateResult(base, anchor)
			r.derived = true
			return i + 4, r, true
		}
		return 0, result{}, false
	}
	if w != "the" || !p.lastOK || p.last.gran != "day" {
		return 0, result{}, false
	}
	i++
	n := 0
	switch p.w(i) {
	case "next", "following":
		n = 1
		i++
	case "previous", "preceding":
		n = -1
		i++
	}
	x := p.w(i)
	if !p.same(start, i) {
		return 0, result{}, false
	}
	if x == "day" && n == 0 {
		switch p.w(i + 1) {
		case "before":
			n = -1
		case "after":
			n = 1
		default:
			return 0, result{}, false
		}
		if p.same(start, i+2) && p.v[i+2].kind == 0 && p.w(i+2) != "that" {
			return 0, result{}, false // "the day after the vote" is dated by the vote, not by the story
		}
		t := p.last.when.AddDate(0, 0, n)
		r := dateResult(t, "timex")
		r.derived = true
		return i + 2, r, true
	}
	if n == 0 {
		return 0, result{}, false
	}
	t := p.last.when.AddDate(0, 0, n)
	if code, ok := p.partAt(i); ok {
		return i + 1, result{typ: "TIME", value: dayValue(t) + "T" + code, gran: "part of day", anchor: "timex", when: t, derived: true}, true
	}
	return 0, result{}, false
}
