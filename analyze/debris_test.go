package analyze

import (
	"strings"
	"testing"

	"github.com/dossier-news/dossier/doc"
)

func run(t *testing.T, text string) *doc.Document {
	t.Helper()
	d := doc.New("t", text)
	if err := Default().Process(d); err != nil {
		t.Fatal(err)
	}
	return d
}

// A spinner's lead-in is no one speaking: it becomes no quote's source or
// cue, and no speaker.
func TestLeadInIsNoSource(t *testing.T) {
	for _, text := range []string{
		"Big News: The transport minister said on Monday that the northern line would close for repairs.",
		"According to new developments, the rebels have left the town of Karo after three days.",
		"According to latest reports, the flood has reached the old quarter of the city.",
	} {
		d := run(t, text)
		for _, q := range d.Quotes {
			src, cue := d.Slice(q.Source), d.Slice(q.Cue)
			if strings.Contains(src, "News") || strings.Contains(src, "developments") || strings.Contains(src, "reports") ||
				strings.EqualFold(cue, "according to") {
				t.Errorf("%q: quote with source %q, cue %q", text, src, cue)
			}
		}
	}
}

// A sentence repeated word for word makes no second quote and no second
// event.
func TestRepeatIsNotTwice(t *testing.T) {
	s := "The mayor said the bridge would reopen on Friday after the floods damaged it. "
	e := "Soldiers attacked the rebel camp near the river on Sunday night. "
	once := run(t, s+e)
	twice := run(t, s+e+s+e)
	if len(twice.Quotes) != len(once.Quotes) {
		t.Errorf("quotes: %d from the text once, %d from it repeated", len(once.Quotes), len(twice.Quotes))
	}
	if len(twice.Events) != len(once.Events) {
		t.Errorf("events: %d from the text once, %d from it repeated", len(once.Events), len(twice.Events))
	}
	if len(once.Events) == 0 || len(once.Quotes) == 0 {
		t.Errorf("the test text gives %d quotes and %d events: it tests nothing", len(once.Quotes), len(once.Events))
	}
}

// Facts resting on a flagged sentence say so in the JSON.
func TestSuspectEvidence(t *testing.T) {
	d := run(t, "Big News: Gunmen killed four villagers in an attack on a market near the border.")
	if len(d.Quantities) == 0 {
		t.Fatal("no figure found: the test tests nothing")
	}
	if q, suspect := d.Evidence(d.Quantities[0].Span); !suspect || q <= 0 {
		t.Errorf("figure in a flagged sentence: quality %v, suspect %v", q, suspect)
	}
	clean := run(t, "Gunmen killed four villagers in an attack on a market near the border.")
	if _, suspect := clean.Evidence(clean.Quantities[0].Span); suspect {
		t.Error("figure in a clean sentence is marked suspect")
	}
}
