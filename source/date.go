package source

import (
	"fmt"
	"strings"
	"time"
)

var dateLayouts = []string{
	"2006-01-02",
	time.RFC3339,
	time.RFC3339Nano,
	"2006-01-02T15:04:05",
	"2006-01-02T15:04",
	"2006-01-02 15:04:05",
	"2006-01-02 15:04:05Z07:00",
	"2006-01",
	"2006",
}

// NormalizeDate checks an ISO 8601 date or date-time and returns it in the
// form Dossier keeps: the date alone (2023-01-27) when only a date is known,
// else the date-time as given. The reference date of a document is a
// calendar date in the place of publication, so the date part is kept as
// written rather than converted to UTC.
func NormalizeDate(s string) (string, error) {
	s = strings.TrimSpace(s)
	for _, l := range dateLayouts {
		if _, err := time.Parse(l, s); err == nil {
			return s, nil
		}
	}
	return "", fmt.Errorf("not an ISO 8601 date: %q", s)
}

// Bounds of a reference date's year: relative dates computed from it ("next
// year", "in a decade") then keep four-digit years, as TIMEX3 writes them.
const (
	minReferenceYear = 1000
	maxReferenceYear = 9899
)

// ReferenceDate checks a reference date given for every document (the
// --published flag): a full calendar date, with or without a time, as
// NormalizeDate takes it, in a year from 1000 to 9899. A year or a month
// alone (2023, 2023-01) is refused rather than taken for a day: "on
// Friday" needs the day. The error says what to write instead.
func ReferenceDate(s string) (string, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return "", fmt.Errorf("empty date: give a day such as 2023-01-27, or leave the flag out")
	}
	if len(s) < len("2006-01-02") {
		if _, err := NormalizeDate(s); err == nil {
			return "", fmt.Errorf("%q is not a day: a year or a month alone does not anchor \"on Friday\"; write the day, such as 2023-01-27", s)
		}
	}
	p, err := NormalizeDate(s)
	if err != nil || len(p) < len("2006-01-02") {
		return "", fmt.Errorf("%q is not an ISO 8601 date: write it as 2023-01-27 or 2023-01-27T15:04:05Z", s)
	}
	t, err := time.Parse("2006-01-02", p[:10])
	if err != nil {
		return "", fmt.Errorf("%q is not an ISO 8601 date: write it as 2023-01-27 or 2023-01-27T15:04:05Z", s)
	}
	if y := t.Year(); y < minReferenceYear || y > maxReferenceYear {
		return "", fmt.Errorf("%q is out of range: the year must lie between %d and %d, so that dates relative to it keep four digits", s, minReferenceYear, maxReferenceYear)
	}
	return p, nil
}
