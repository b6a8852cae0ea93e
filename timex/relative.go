// The rules of dates relative to the publication date or to a date the
// story named: "last year", "two days ago", "the weekend", "the next day".

package timex

import (
	"strconv"
	"strings"
	"time"
)

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

// relativeRule reads "this week", "last year", "next month", "the past year",
// "last Friday", "last April", "this summer", "the following year".
//
// It is long because it reads the variants of one family (this, last, next,
// past, coming with each unit) in one place, a case each.
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
