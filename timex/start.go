package timex

import (
	"strconv"
	"strings"
	"time"
)

// Start returns the first day of the period a TIMEX3 date value denotes
// (2023-01-27, 2023-01, 2023, 2023-W04, 2023-Q1, 2023-H2, 2022-FA, 199, 20,
// with a time or part of day after a T ignored), for sorting a timeline. It
// returns false for durations, sets, references (PAST_REF) and values with
// unknown parts (XXXX-03).
func Start(v string) (time.Time, bool) {
	if t := strings.IndexByte(v, 'T'); t > 0 {
		v = v[:t]
	}
	if v == "" || strings.ContainsAny(v, "XP_") {
		return time.Time{}, false
	}
	day := func(y, m, d int) (time.Time, bool) {
		return time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC), true
	}
	if isDigits(v) {
		n, _ := strconv.Atoi(v)
		switch len(v) {
		case 4:
			return day(n, 1, 1)
		case 3:
			return day(n*10, 1, 1)
		case 2:
			return day(n*100, 1, 1)
		}
		return time.Time{}, false
	}
	if len(v) < 7 || !isDigits(v[:4]) || v[4] != '-' {
		return time.Time{}, false
	}
	y, _ := strconv.Atoi(v[:4])
	rest := v[5:]
	switch {
	case len(rest) == 2 && isDigits(rest):
		m, _ := strconv.Atoi(rest)
		return day(y, m, 1)
	case len(rest) == 5 && isDigits(rest[:2]) && rest[2] == '-' && isDigits(rest[3:]):
		m, _ := strconv.Atoi(rest[:2])
		d, _ := strconv.Atoi(rest[3:])
		return day(y, m, d)
	case rest[0] == 'W':
		w, err := strconv.Atoi(strings.TrimSuffix(rest[1:], "-WE"))
		if err != nil {
			return time.Time{}, false
		}
		// ISO week 1 holds January 4th
		jan4 := time.Date(y, 1, 4, 0, 0, 0, 0, time.UTC)
		t := jan4.AddDate(0, 0, 1-isoWeekday(jan4)+7*(w-1))
		if strings.HasSuffix(rest, "-WE") {
			t = t.AddDate(0, 0, 5)
		}
		return t, true
	case rest[0] == 'Q' && len(rest) == 2:
		return day(y, 3*int(rest[1]-'0')-2, 1)
	case rest[0] == 'H' && len(rest) == 2:
		return day(y, 6*int(rest[1]-'0')-5, 1)
	case len(rest) == 2:
		if m := seasonStart(rest); rest == "SP" || rest == "SU" || rest == "FA" || rest == "WI" {
			return day(y, m, 1)
		}
	}
	return time.Time{}, false
}
