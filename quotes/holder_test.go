package quotes

import (
	"testing"

	"github.com/dossier-news/dossier/actors"
	"github.com/dossier-news/dossier/doc"
	"github.com/dossier-news/dossier/text"
)

// A pronoun the actors stage cannot resolve, right after a statement of an
// unnamed role holder, speaks for the same speaker as that statement.
func TestUnnamedHolderPronoun(t *testing.T) {
	cases := []struct {
		name, text, quote, speaker string
	}{
		{"spokesman of a group, then he",
			"The Harbour Front fought the army for a year.\n\nThe front’s spokesman, reached by telephone, denied that its fighters had shelled the port. “These are lies,” he said.",
			"These are lies", "Harbour Front"},
		{"a role noun of the other gender does not take the pronoun",
			"The Harbour Front fought the army for a year.\n\nThe front’s spokeswoman denied that its fighters had shelled the port. “These are lies,” he said.",
			"These are lies", ""},
		{"a body named alone is no role holder",
			"The Harbour Front fought the army for a year.\n\nThe Harbour Front denied that its fighters had shelled the port. “These are lies,” he said.",
			"These are lies", ""},
		{"a named person in between takes the pronoun as the actors stage says",
			"The Harbour Front fought the army for a year.\n\nThe front’s spokesman denied that its fighters had shelled the port. Mayor Anna Lind disagreed. “These are lies,” she said.",
			"These are lies", "Anna Lind"},
	}
	for _, c := range cases {
		d := doc.New("t", c.text)
		text.Analyze(d)
		if err := (actors.Stage{}).Process(d); err != nil {
			t.Fatal(err)
		}
		Analyze(d)
		found := false
		for _, q := range d.Quotes {
			if d.Slice(q.Content) != c.quote {
				continue
			}
			found = true
			got := ""
			if q.Speaker >= 0 {
				got = d.Entities[q.Speaker].Name
			}
			if got != c.speaker {
				t.Errorf("%s: speaker %q, want %q", c.name, got, c.speaker)
			}
		}
		if !found {
			t.Errorf("%s: quote %q not found", c.name, c.quote)
		}
	}
}
