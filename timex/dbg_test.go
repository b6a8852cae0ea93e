package timex

import (
	"fmt"
	"os"
	"testing"

	"github.com/dossier-news/dossier/doc"
	"github.com/dossier-news/dossier/text"
)

func TestDbg(t *testing.T) {
	s := os.Getenv("TX")
	if s == "" {
		t.Skip()
	}
	d := doc.New("x", s)
	d.Published = os.Getenv("TXP")
	text.Analyze(d)
	for _, x := range Find(d) {
		fmt.Printf("%q %s %s %s %s %s\n", d.Slice(x.Span), x.Type, x.Value, x.Granularity, x.Anchor, x.Mod)
	}
}
