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
