package analyze

import (
	"strings"
	"testing"

	"github.com/dossier-news/dossier/pipeline"
)

// TestDefaultOrder checks that the default pipeline passes the layer check
// and that moving a stage before the stage that feeds it is refused, with
// the missing layer named.
func TestDefaultOrder(t *testing.T) {
	stages := Default().Stages
	if err := pipeline.Check(stages); err != nil {
		t.Fatal(err)
	}
	byName := map[string]pipeline.Stage{}
	for _, s := range stages {
		byName[s.Name()] = s
	}
	for _, c := range []struct {
		order []string
		want  string
	}{
		{[]string{"text", "quality", "quotes", "actors"}, "stage quotes requires the mentions layer, which stage actors provides only later"},
		{[]string{"actors", "text"}, "stage actors requires the tokens layer, which stage text provides only later"},
		{[]string{"text", "actors", "quality", "quotes", "quantity", "timex"}, "stage quantity requires the timexes layer"},
		{[]string{"text", "actors", "quotes"}, "stage quotes requires the flags layer, which no stage before it provides"},
	} {
		var ss []pipeline.Stage
		for _, n := range c.order {
			ss = append(ss, byName[n])
		}
		_, err := pipeline.New(ss...)
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%v: error %v, want one containing %q", c.order, err, c.want)
		}
	}
}
