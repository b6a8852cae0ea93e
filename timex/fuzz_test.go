package timex

import (
	"strings"
	"testing"

	"github.com/dossier-news/dossier/doc"
	"github.com/dossier-news/dossier/text"
)

// FuzzFind checks that any text, with or without a publication date, gives
// expressions whose spans lie in the text, in order, without overlap, and
// that no value is empty.
func FuzzFind(f *testing.F) {
	for _, s := range []string{
		"Last year, France withdrew troops. In March, the junta said it would hold a vote on Friday.",
		"the the the a a year-ago third-quarter 1989-90 mid-1990s '90s 5:30 p.m. Jan.",
		"WASHINGTON, Jan. 27 (Reuters) — the day before the 20th century, 2 1/2 years ago",
		"between March and May, from 2012 to 2015, since July 2013, until next week's vote",
		"nineteen ninety-six the year two thousand twenty four hours a minute and a half",
		"Monday, Tuesday nights, on Mondays, this year's second quarter, last February",
		"É Ü — “quoted” ‘word’ 12th 31st 2023-01-27 2023-13-45 99:99 p.m.",
	} {
		f.Add(s, true)
		f.Add(s, false)
	}
	f.Fuzz(func(t *testing.T, s string, dated bool) {
		if !isValidUTF8(s) {
			return
		}
		d := doc.New("f", s)
		if dated {
			d.Published = "2023-01-27"
		}
		text.Analyze(d)
		if err := (Stage{}).Process(d); err != nil {
			t.Fatal(err)
		}
		prev := 0
		for _, x := range d.Timexes {
			if x.Start < prev || x.End <= x.Start || x.End > len(s) {
				t.Fatalf("bad span %v (previous end %d) in %q", x.Span, prev, s)
			}
			if x.Value == "" || x.Type == "" {
				t.Fatalf("empty value or type for %q in %q", d.Slice(x.Span), s)
			}
			if !dated && d.PublishedFrom == "" && strings.Contains(x.Value, "2023-01") && !strings.Contains(s, "2023") {
				t.Fatalf("%q took a date from nowhere: %s", d.Slice(x.Span), x.Value)
			}
			prev = x.End
		}
	})
}

func isValidUTF8(s string) bool { return strings.ToValidUTF8(s, "\uFFFD") == s }
