// The rule of quarters and halves: "the third quarter", "the fiscal first
// half", "a year earlier".

package timex

import (
	"strconv"
	"time"
)

// quarterRule reads "the third quarter", "third-quarter", "the fiscal first
// quarter", "the second half of 1989", "the latest quarter", "the year-ago quarter".
//
// It is long because it reads the variants of one family (quarters, halves,
// fiscal years, "a year earlier") in one place, a case each.
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
