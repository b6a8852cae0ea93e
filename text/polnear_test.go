package text

import (
	"os"
	"testing"

	"github.com/dossier-news/dossier/doc"
	"github.com/dossier-news/dossier/gold"
)

const polnearDev = "../../shared/gold/polnear/dev.jsonl"

// TestPolnearQuotationSplits measures the sentence splitter against the
// gold attributions of PolNeAR dev: a gold content must never be cut by a
// sentence boundary that falls inside a quotation. (Boundaries between
// quoted sentences of a quotation that runs over several paragraphs are
// paragraph breaks, which always end a sentence; those are counted apart.)
func TestPolnearQuotationSplits(t *testing.T) {
	if _, err := os.Stat(polnearDev); err != nil {
		t.Skip("../shared/gold not found: gold-data tests need the shared folder beside the checkout")
	}
	var contents, cutInQuote, cutAtParagraph, cutAny int
	err := gold.EachPolNeAR(polnearDev, func(g gold.PolNeARDoc) error {
		d := doc.New(g.ID, g.Text)
		Analyze(d)
		for _, a := range g.Attributions {
			if len(a.Content) == 0 {
				continue
			}
			contents++
			s, e := a.Content[0].Start, a.Content[0].End
			for _, c := range a.Content {
				s, e = min(s, c.Start), max(e, c.End)
			}
			inQuote, atPara, any := false, false, false
			for i := 1; i < len(d.Sentences); i++ {
				b := d.Sentences[i].Start
				if b <= s || b >= e {
					continue
				}
				any = true
				if d.Sentences[i].Para != d.Sentences[i-1].Para {
					atPara = true
					continue
				}
				for _, q := range d.Quotations {
					if q.Content.Start < b && b < q.Content.End {
						inQuote = true
						t.Logf("%s: content cut inside a quotation at %d: %q", g.ID, b, g.Text[max(s, b-60):min(e, b+40)])
					}
				}
			}
			if inQuote {
				cutInQuote++
			}
			if atPara {
				cutAtParagraph++
			}
			if any {
				cutAny++
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("PolNeAR dev: %d gold contents; cut by a boundary inside a quotation: %d; cut at a paragraph break: %d; cut by any boundary: %d",
		contents, cutInQuote, cutAtParagraph, cutAny)
	if cutInQuote > 0 {
		t.Errorf("%d gold contents are cut by a sentence boundary inside a quotation; want 0", cutInQuote)
	}
}
