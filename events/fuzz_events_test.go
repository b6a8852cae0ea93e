package events_test

import (
	"strings"
	"testing"

	"github.com/dossier-news/dossier/analyze"
	"github.com/dossier-news/dossier/doc"
	"github.com/dossier-news/dossier/internal/work"
)

// FuzzEvents runs the stages before events, then events alone, on any
// input of up to 64 KB: no panic, every event inside its sentence, and
// with -tags worktest at most maxEventSteps steps a token in the events
// stage (the scans to a sentence's edges made it quadratic in a sentence
// of many triggers):
//
//	go test ./events -tags worktest -fuzz FuzzEvents
func FuzzEvents(f *testing.F) {
	for _, u := range []string{"Rebels attacked, killed, seized and bombed the town, ", "He said no. ", "the army attacked and the rebels retreated after which police arrested protesters who demonstrated; ",
		`“They attacked us,” Mills said, `} {
		f.Add(strings.Repeat(u, (64<<10)/len(u)))
		f.Add(strings.Repeat(u, 20))
	}
	p := analyze.Default()
	last := len(p.Stages) - 1
	if p.Stages[last].Name() != "events" {
		f.Fatalf("the last stage is %s, not events", p.Stages[last].Name())
	}
	f.Fuzz(func(t *testing.T, in string) {
		if len(in) > 64<<10 || strings.ContainsRune(in, 0) || !utf8Valid(in) {
			return
		}
		d := doc.New("fuzz", in)
		d.Published = "2023-01-27"
		for _, s := range p.Stages[:last] {
			if err := s.Process(d); err != nil {
				t.Fatal(err)
			}
		}
		work.Reset()
		if err := p.Stages[last].Process(d); err != nil {
			t.Fatal(err)
		}
		if steps, limit := work.Count(), int64(maxEventSteps*(len(d.Tokens)+1)); work.On && steps > limit {
			t.Errorf("events: %d steps for %d tokens, over %d a token", steps, len(d.Tokens), maxEventSteps)
		}
		for i, e := range d.Events {
			if e.Sentence < 0 || e.Sentence >= len(d.Sentences) || !d.Sentences[e.Sentence].Contains(e.Trigger) {
				t.Fatalf("event %d (%s %q) lies outside its sentence %d", i, e.Type, d.Slice(e.Trigger), e.Sentence)
			}
		}
	})
}

// maxEventSteps bounds the events stage's steps a token (see FuzzEvents).
const maxEventSteps = 200

func utf8Valid(s string) bool { return strings.ToValidUTF8(s, "") == s }
