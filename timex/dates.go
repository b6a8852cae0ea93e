// The rules of calendar dates: days, weekdays, months, years, decades,
// clock times, seasons and holidays.

package timex

import (
	"strconv"
	"strings"
	"time"
)

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
