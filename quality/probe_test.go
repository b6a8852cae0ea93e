package quality

import (
	"bufio"
	"encoding/json"
	"fmt"
	"os"
	"testing"

	"github.com/dossier-news/dossier/doc"
	"github.com/dossier-news/dossier/text"
)

func TestProbe(t *testing.T) {
	if os.Getenv("PROBE") == "" {
		t.Skip()
	}
	old := saladThresholdVar
	saladThresholdVar = 8
	defer func() { saladThresholdVar = old }()
	show := func(tag, s string) {
		d := doc.New("", s)
		text.Analyze(d)
		Check(d)
		for _, f := range d.Flags {
			if f.Kind == KindSalad {
				fmt.Printf("%s %s || %.150q\n", tag, f.Why, d.Slice(f.Span))
			}
		}
	}
	for _, g := range garbledCases {
		show("G", g.text)
	}
	for _, g := range cleanCases {
		show("C", g)
	}
	for _, p := range []string{"../../shared/gold/polnear/dev.jsonl", "../../shared/gold/polnear/train.jsonl"} {
		f, _ := os.Open(p)
		sc := bufio.NewScanner(f)
		sc.Buffer(nil, 1<<26)
		for sc.Scan() {
			var in struct{ Text string }
			json.Unmarshal(sc.Bytes(), &in)
			show(p[29:30], in.Text)
		}
	}
}
