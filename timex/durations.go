// The rules of durations and sets: counts of units ("nine years", "the
// past two months") and recurrences ("every year", "on Mondays").

package timex

import (
	"strconv"
	"strings"
)

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
