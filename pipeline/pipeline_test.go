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
	slow := StageFunc{"slow", func(d *doc.Document) error {
		// later documents finish first, so order must be restored
		if strings.HasSuffix(d.ID, "0") {
			time.Sleep(2 * time.Millisecond)
		}
		return nil
	}}
	boom := StageFunc{"boom", func(d *doc.Document) error {
		switch d.ID {
		case "d13":
			panic("index out of range")
		case "d21":
			return errors.New("no good")
		}
		d.Warn("seen")
		return nil
	}}
	p := New(slow, boom)
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
	p := New(StageFunc{"a", func(*doc.Document) error { time.Sleep(time.Millisecond); return nil }})
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
