// TIMEX3 values: days, weeks, quarters and durations written from dates,
// and dates shifted by units.

package timex

import (
	"strconv"
	"time"
)

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
	if !p.refOK && p.partialOK && u.letter == "M" {
		v, g, _ := shift(p.partial, u, n)
		return result{typ: "DATE", value: "XXXX" + v[4:], gran: g, anchor: "published"}
	}
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
