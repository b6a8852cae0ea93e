package pipeline

import (
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/dossier-news/dossier/doc"
)

func TestRunKeepsOrderAndSurvivesFailures(t *testing.T) {
	slow := StageFunc{StageName: "slow", Fn: func(d *doc.Document) error {
		// later documents finish first, so order must be restored
		if strings.HasSuffix(d.ID, "0") {
			time.Sleep(2 * time.Millisecond)
		}
		return nil
	}}
	boom := StageFunc{StageName: "boom", Fn: func(d *doc.Document) error {
		switch d.ID {
		case "d13":
			panic("index out of range")
		case "d21":
			return errors.New("no good")
		}
		d.Warn("seen")
		return nil
	}}
	p := MustNew(slow, boom)
	in := make(chan Item)
	go func() {
		for i := 0; i < 50; i++ {
			if i == 7 {
				in <- Item{ID: "bad", Err: errors.New("unreadable")}
				continue
			}
			in <- Item{Doc: doc.New(fmt.Sprintf("d%d", i), "x")}
		}
		close(in)
	}()
	var got []Item
	p.Run(in, 4, func(it Item) { got = append(got, it) })
	if len(got) != 50 {
		t.Fatalf("got %d items, want 50", len(got))
	}
	for i, it := range got {
		switch i {
		case 7:
			if it.ID != "bad" || it.Err == nil {
				t.Errorf("item 7: the reader's error was not passed through: %+v", it)
			}
			continue
		case 13:
			if it.Err == nil || !strings.Contains(it.Err.Error(), "stage boom failed") {
				t.Errorf("panic not turned into an error naming the stage: %v", it.Err)
			}
		case 21:
			if it.Err == nil || !strings.Contains(it.Err.Error(), "stage boom: no good") {
				t.Errorf("stage error not wrapped with the stage name: %v", it.Err)
			}
		default:
			if it.Err != nil {
				t.Errorf("item %d: unexpected error %v", i, it.Err)
			}
		}
		if want := fmt.Sprintf("d%d", i); it.Doc.ID != want {
			t.Fatalf("item %d is %s: order lost", i, it.Doc.ID)
		}
	}
}

func TestTimings(t *testing.T) {
	p := MustNew(StageFunc{StageName: "a", Fn: func(*doc.Document) error { time.Sleep(time.Millisecond); return nil }})
	p.Timings = make([]time.Duration, 1)
	if err := p.Process(doc.New("x", "y")); err != nil {
		t.Fatal(err)
	}
	if p.Timings[0] < time.Millisecond {
		t.Errorf("timing %v not recorded", p.Timings[0])
	}
	if got := p.Names(); len(got) != 1 || got[0] != "a" {
		t.Errorf("Names() = %v", got)
	}
}

// TestWrongOrder builds pipelines whose stages would read a layer before it
// exists: New must refuse them and name the layer and the stage that makes it.
func TestWrongOrder(t *testing.T) {
	nop := func(*doc.Document) error { return nil }
	tok := StageFunc{StageName: "tok", Needs: Input, Makes: doc.LayersOf(doc.LayerTokens, doc.LayerSentences), Fn: nop}
	ment := StageFunc{StageName: "ment", Needs: doc.LayersOf(doc.LayerTokens), Makes: doc.LayersOf(doc.LayerMentions), Fn: nop}
	quo := StageFunc{StageName: "quo", Needs: doc.LayersOf(doc.LayerSentences, doc.LayerMentions), Makes: doc.LayersOf(doc.LayerQuotes), Fn: nop}
	for _, c := range []struct {
		stages []Stage
		want   string // "" when the order is right
	}{
		{[]Stage{tok, ment, quo}, ""},
		{[]Stage{tok, quo, ment}, "stage quo requires the mentions layer, which stage ment provides only later"},
		{[]Stage{ment, tok}, "stage ment requires the tokens layer, which stage tok provides only later"},
		{[]Stage{tok, quo}, "stage quo requires the mentions layer, which no stage before it provides"},
	} {
		p, err := New(c.stages...)
		if c.want == "" {
			if err != nil || p == nil {
				t.Errorf("%v: unexpected error %v", names(c.stages), err)
			}
			continue
		}
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%v: error %v, want one containing %q", names(c.stages), err, c.want)
		}
	}
	p := MustNew(tok, ment, quo)
	got := fmt.Sprint(p.Graph())
	if want := "[{ tok text} {tok ment tokens} {tok quo sentences} {ment quo mentions}]"; got != want {
		t.Errorf("Graph() = %s, want %s", got, want)
	}
}

func names(stages []Stage) []string { return (&Pipeline{Stages: stages}).Names() }
