package quotes

import (
	"fmt"
	"os"
	"sort"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/dossier-news/dossier/doc"
	"github.com/dossier-news/dossier/gold"
	"github.com/dossier-news/dossier/text"
)

// TestDiagContent is a development diagnostic, not a check: with
// DOSSIER_DIAG=1 it pairs every content the stage finds in PolNeAR dev (or
// the file in GOLD) with the gold content it overlaps most, compares
// them as score.py's exact_content does (as sets of spans per document,
// trimmed of blanks, quotation marks and edge punctuation), and counts the
// boundary errors by side (start early or late, end short or long), by
// layout (direct, indirect, mixed, according to, content before the cue,
// the cue inside the content) and by the first words where the spans part.
// With DIAG_SHOW=<class prefix> it prints the cases of that class.
//
//	DOSSIER_DIAG=1 go test ./quotes -run DiagContent -v
//	DOSSIER_DIAG=1 DIAG_SHOW="indirect end-long" go test ./quotes -run DiagContent -v
func TestDiagContent(t *testing.T) {
	path := diagGold(t, "../../shared/gold/polnear/dev.jsonl")
	show := os.Getenv("DIAG_SHOW")
	sides := map[string]int{}
	keys := map[string]int{}
	var exact, pred, goldN, noGold int
	err := gold.EachPolNeAR(path, func(g gold.PolNeARDoc) error {
		d := doc.New(g.ID, g.Text)
		text.Analyze(d)
		Analyze(d)
		gs := map[doc.Span]bool{}
		gcue := map[doc.Span]doc.Span{}
		for _, a := range g.Attributions {
			if len(a.Content) == 0 {
				continue
			}
			if s, ok := scoreTrim(d.Text, hull(a.Content)); ok {
				gs[s] = true
				if len(a.Cue) > 0 {
					gcue[s] = hull(a.Cue)
				}
			}
		}
		ps := map[doc.Span]doc.Quote{}
		for _, q := range d.Quotes {
			if s, ok := scoreTrim(d.Text, q.Content); ok {
				ps[s] = q
			}
		}
		goldN += len(gs)
		pred += len(ps)
		for p, q := range ps {
			if gs[p] {
				exact++
				continue
			}
			// the unmatched gold content this one overlaps most
			best, bo := doc.Span{}, 0
			for s := range gs {
				if _, hit := ps[s]; hit {
					continue
				}
				if o := min(s.End, p.End) - max(s.Start, p.Start); o > bo {
					best, bo = s, o
				}
			}
			if bo == 0 {
				noGold++
				continue
			}
			layout := contentLayout(d.Text, best, q, gcue[best])
			var parts []string
			switch {
			case p.Start < best.Start:
				parts = append(parts, "start-early:"+firstWords(d.Text[p.Start:best.Start]))
			case p.Start > best.Start:
				parts = append(parts, "start-late:"+firstWords(d.Text[best.Start:p.Start]))
			}
			switch {
			case p.End < best.End:
				parts = append(parts, "end-short:"+firstWords(d.Text[p.End:best.End]))
			case p.End > best.End:
				parts = append(parts, "end-long:"+firstWords(d.Text[best.End:p.End]))
			}
			var side []string
			for _, x := range parts {
				k := layout + " " + x
				keys[k]++
				side = append(side, x[:strings.IndexByte(x, ':')])
				if show != "" && strings.HasPrefix(k, show) {
					fmt.Printf("%s\n  found: %q\n  gold:  %q\n", k, clip(d.Text[p.Start:p.End]), clip(d.Text[best.Start:best.End]))
				}
			}
			sides[layout+" "+strings.Join(side, "+")]++
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	fmt.Printf("exact %d of %d found, %d gold; %d found overlap no unmatched gold\n", exact, pred, goldN, noGold)
	printCounts("by layout and side", sides, 40)
	printCounts("by layout, side and the words where the spans part", keys, 80)
}

// scoreTrim narrows s as score.py does before comparing spans: blanks,
// quotation marks and . , ; : off both edges.
func scoreTrim(txt string, s doc.Span) (doc.Span, bool) {
	const cut = " \t\n\"“”‘’'.,;:"
	for s.Start < s.End {
		r, n := utf8.DecodeRuneInString(txt[s.Start:])
		if !strings.ContainsRune(cut, r) && !unicode.IsSpace(r) {
			break
		}
		s.Start += n
	}
	for s.End > s.Start {
		r, n := utf8.DecodeLastRuneInString(txt[:s.End])
		if !strings.ContainsRune(cut, r) && !unicode.IsSpace(r) {
			break
		}
		s.End -= n
	}
	return s, s.End > s.Start
}

// contentLayout names the layout of a gold content g for the counts.
func contentLayout(txt string, g doc.Span, q doc.Quote, gcue doc.Span) string {
	before := strings.TrimRight(txt[max(0, g.Start-4):g.Start], " ")
	direct := strings.HasSuffix(before, "“") || strings.HasSuffix(before, "\"") || strings.HasSuffix(before, "''") || strings.HasSuffix(before, "‘")
	switch {
	case direct:
		return "direct"
	case !gcue.IsZero() && g.Start < gcue.Start && gcue.End < g.End:
		return "cue-inside"
	case strings.Contains(strings.ToLower(txt[q.Cue.Start:q.Cue.End]), "according"):
		return "according"
	case !gcue.IsZero() && gcue.Start >= g.End:
		return "before-cue"
	case strings.ContainsAny(txt[g.Start:g.End], "“\""):
		return "mixed"
	}
	return "indirect"
}

// firstWords returns the first two words or marks of s, lower-cased.
func firstWords(s string) string {
	f := strings.FieldsFunc(strings.ToLower(s), unicode.IsSpace)
	if len(f) > 2 {
		f = f[:2]
	}
	return strings.Join(f, " ")
}

func clip(s string) string {
	if len(s) > 160 {
		return s[:80] + " … " + s[len(s)-70:]
	}
	return s
}

func printCounts(title string, m map[string]int, n int) {
	type kv struct {
		k string
		v int
	}
	var xs []kv
	for k, v := range m {
		xs = append(xs, kv{k, v})
	}
	sort.Slice(xs, func(i, j int) bool { return xs[i].v > xs[j].v || xs[i].v == xs[j].v && xs[i].k < xs[j].k })
	fmt.Println(title + ":")
	for i, x := range xs {
		if i == n {
			break
		}
		fmt.Printf("  %5d  %s\n", x.v, x.k)
	}
}
