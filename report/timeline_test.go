package report

import (
	"strings"
	"testing"

	"github.com/dossier-news/dossier/doc"
	"github.com/dossier-news/dossier/text"
	"github.com/dossier-news/dossier/timex"
)

func TestTimelineOrdersDatedSentences(t *testing.T) {
	d := doc.New("t", "The junta will hold a referendum in March. In August 2020, the president was ousted. Last year, France withdrew.")
	d.Published = "2023-01-27"
	text.Analyze(d)
	if err := (timex.Stage{}).Process(d); err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	renderTimeline(&b, d)
	out := b.String()
	i, j, k := strings.Index(out, "2020-08"), strings.Index(out, "2022 "), strings.Index(out, "2023-03")
	if i < 0 || j < 0 || k < 0 || !(i < j && j < k) {
		t.Fatalf("timeline not in date order:\n%s", out)
	}
}

func TestTimelineDatesQuotesFromTheirSentence(t *testing.T) {
	d := doc.New("t", "The envoy told the council on Friday that the mission would stay until next year.")
	d.Published = "2023-01-27"
	text.Analyze(d)
	_ = (timex.Stage{}).Process(d)
	content := strings.Index(d.Text, "the mission")
	d.Quotes = []doc.Quote{{Kind: "indirect", Content: doc.Span{Start: content, End: len(d.Text) - 1}, Cue: doc.Span{Start: 10, End: 14}, Speaker: -1}}
	var b strings.Builder
	renderTimeline(&b, d)
	if !strings.HasPrefix(b.String(), "2023-01-27") {
		t.Fatalf("quote not dated by the Friday of its sentence:\n%s", b.String())
	}
}
