package quality

import (
	_ "embed"
	"fmt"
	"strings"

	"github.com/dossier-news/dossier/lexicon"
)

//go:embed data/tells.txt
var tellsData string

// tell is one line of data/tells.txt.
type tell struct {
	words    []string
	anywhere bool
	why      string
}

// tellSet holds the tells compiled for lookup: whole-fragment tells by their
// joined words, phrase tells by their first word.
type tellSet struct {
	fragment map[uint64]*tell   // by wordsHash of the whole fragment
	phrase   map[uint64][]*tell // by wordHash of the first word
}

var tells = mustTells(tellsData)

func mustTells(data string) *tellSet {
	t, err := parseTells("quality/data/tells.txt", data)
	if err != nil {
		panic(err)
	}
	return t
}

func parseTells(name, data string) (*tellSet, error) {
	entries, err := lexicon.Parse(name, data)
	if err != nil {
		return nil, err
	}
	ts := &tellSet{fragment: map[uint64]*tell{}, phrase: map[uint64][]*tell{}}
	for _, e := range entries {
		words := strings.Fields(strings.ToLower(e.Field(0)))
		t := &tell{words: words, why: e.Field(2)}
		if t.why == "" {
			return nil, fmt.Errorf("%s:%d: the reason (third field) is empty: say what the tell is for the reader", name, e.Line)
		}
		switch e.Field(1) {
		case "fragment":
			ts.fragment[wordsHash(words)] = t
		case "anywhere":
			t.anywhere = true
			h := wordHash(words[0])
			ts.phrase[h] = append(ts.phrase[h], t)
		default:
			return nil, fmt.Errorf("%s:%d: where is %q: write fragment or anywhere", name, e.Line, e.Field(1))
		}
	}
	return ts, nil
}
