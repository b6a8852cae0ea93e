package text

import (
	"testing"

	"github.com/dossier-news/dossier/doc"
)

func TestDatelines(t *testing.T) {
	for _, c := range []struct {
		in, dateline, body, date string // body: the text from the first token after the dateline
		month, day, year         int
	}{
		{"GENEVA — The council met.", "GENEVA —", "The", "", 0, 0, 0},
		{"LAGOS, Nigeria (Reuters) -- Talks resumed.", "LAGOS, Nigeria (Reuters) --", "Talks", "", 0, 0, 0},
		{"WASHINGTON, Jan. 27 (Reuters) - The envoy spoke.", "WASHINGTON, Jan. 27 (Reuters) -", "The", "Jan. 27", 1, 27, 0},
		{"Harbour City, Estmark, March 3, 2024 - Ships waited.", "Harbour City, Estmark, March 3, 2024 -", "Ships", "March 3, 2024", 3, 3, 2024},
		{"Officials — the ones who met — agreed.", "", "", "", 0, 0, 0},
		{"The port reopened on Jan. 27 - after talks.", "", "", "", 0, 0, 0},
		{"Title line\n\nSALLOW — Dock workers struck.", "SALLOW —", "Dock", "", 0, 0, 0},
	} {
		d := doc.New("t", c.in)
		Analyze(d)
		if c.dateline == "" {
			if len(d.Datelines) != 0 {
				t.Errorf("%q: dateline %q, want none", c.in, d.Slice(d.Datelines[0].Span))
			}
			continue
		}
		if len(d.Datelines) != 1 {
			t.Errorf("%q: %d datelines, want 1", c.in, len(d.Datelines))
			continue
		}
		dl := d.Datelines[0]
		if got := d.Slice(dl.Span); got != c.dateline {
			t.Errorf("%q: dateline %q, want %q", c.in, got, c.dateline)
		}
		if got := d.TokenText(dl.Body); got != c.body {
			t.Errorf("%q: body starts at %q, want %q", c.in, got, c.body)
		}
		if got := d.Slice(dl.Date); got != c.date || dl.Month != c.month || dl.Day != c.day || dl.Year != c.year {
			t.Errorf("%q: date %q %d-%d-%d, want %q %d-%d-%d", c.in, got, dl.Year, dl.Month, dl.Day, c.date, c.year, c.month, c.day)
		}
	}
}
