package quality

import (
	_ "embed"
	"fmt"
	"strings"

	"github.com/dossier-news/dossier/doc"
	"github.com/dossier-news/dossier/lexicon"
)

// KindLeadIn marks an aggregator's or spinner's lead-in before a wire
// sentence: a clickbait label ("Big News:") or a formula ("According to new
// developments,"). Later stages take no source, speaker or event from it.
const KindLeadIn = doc.FlagLeadIn

//go:embed data/leadins.txt
var leadInData string

// leadIn is one line of data/leadins.txt.
type leadIn struct {
	hashes []uint64
	label  bool // followed by ":" "!" "-" "|" or a dash; else by ","
	why    string
}

// leadIns are the lead-ins by the hash of their first word.
var leadIns = mustLeadIns(leadInData)

func mustLeadIns(data string) map[uint64][]*leadIn {
	m, err := parseLeadIns("quality/data/leadins.txt", data)
	if err != nil {
		panic(err)
	}
	return m
}

func parseLeadIns(name, data string) (map[uint64][]*leadIn, error) {
	entries, err := lexicon.Parse(name, data)
	if err != nil {
		return nil, err
	}
	m := map[uint64][]*leadIn{}
	for _, e := range entries {
		l := &leadIn{why: e.Field(2)}
		for _, w := range strings.Fields(strings.ToLower(e.Field(0))) {
			l.hashes = append(l.hashes, wordHash(w))
		}
		switch e.Field(1) {
		case "label":
			l.label = true
		case "formula":
		default:
			return nil, fmt.Errorf("%s:%d: kind %q: write label or formula", name, e.Line, e.Field(1))
		}
		if l.why == "" {
			return nil, fmt.Errorf("%s:%d: the reason (third field) is empty", name, e.Line)
		}
		m[l.hashes[0]] = append(m[l.hashes[0]], l)
	}
	return m, nil
}

// leadIns flags the lead-ins that open a sentence.
func (c *checker) leadIns() {
	d := c.d
	toks := d.Tokens
	for _, s := range d.Sentences {
		k := s.Tokens.First
		if k >= s.Tokens.End || toks[k].Kind != doc.Word {
			continue
		}
		for _, l := range leadIns[c.hash[k]] {
			j := k
			w := 0
			for j < s.Tokens.End && w < len(l.hashes) && toks[j].Kind == doc.Word && c.hash[j] == l.hashes[w] {
				j++
				w++
			}
			// a label may stand as a sentence of its own ("Shocking!"); a
			// formula leads into the rest of its sentence
			if w < len(l.hashes) || j >= s.Tokens.End || toks[j].Kind != doc.Punct || !l.label && j+1 >= s.Tokens.End {
				continue
			}
			p := d.Text[toks[j].Start:toks[j].End]
			if l.label != (p == ":" || p == "!" || p == "-" || p == "|" || p == "–" || p == "—") || !l.label && p != "," {
				continue
			}
			span := doc.Span{Start: toks[k].Start, End: toks[j].End}
			c.add(span, KindLeadIn, fmt.Sprintf("%q: %s", d.Slice(span), l.why))
			break
		}
	}
}
