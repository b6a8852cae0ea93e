package quality

import (
	_ "embed"
	"fmt"
	"strings"

	"github.com/dossier-news/dossier/lexicon"
)

//go:embed data/tells.txt
var tellsData string

//go:embed data/tortured.txt
var torturedData string

// tell is one line of data/tells.txt.
type tell struct {
	words    []string
	hashes   []uint64 // wordHash of each word
	anywhere bool
	spliced  bool // only capitalised, right after a comma
	why      string
}

// tellSet holds the tells compiled for lookup: whole-fragment tells by their
// joined words, phrase tells by their first word.
type tellSet struct {
	fragment map[uint64]*tell   // by wordsHash of the whole fragment
	phrase   map[uint64][]*tell // by wordHash of the first word
	// firstBits has bit h&63 set for the hash h of each phrase's first
	// word: most words are ruled out without a map lookup.
	firstBits uint64
}

var tells = mustTells(tellsData, torturedData)

func mustTells(data, tortured string) *tellSet {
	ts := &tellSet{fragment: map[uint64]*tell{}, phrase: map[uint64][]*tell{}}
	if err := ts.parse("quality/data/tells.txt", data); err != nil {
		panic(err)
	}
	if err := ts.parse("quality/data/tortured.txt", tortured); err != nil {
		panic(err)
	}
	return ts
}

func parseTells(name, data string) (*tellSet, error) {
	ts := &tellSet{fragment: map[uint64]*tell{}, phrase: map[uint64][]*tell{}}
	return ts, ts.parse(name, data)
}

// parse adds the tells of one data file.
func (ts *tellSet) parse(name, data string) error {
	entries, err := lexicon.Parse(name, data)
	if err != nil {
		return err
	}
	for _, e := range entries {
		words := strings.Fields(strings.ToLower(e.Field(0)))
		t := &tell{words: words, why: e.Field(2)}
		for _, w := range words {
			t.hashes = append(t.hashes, wordHash(w))
		}
		if t.why == "" {
			return fmt.Errorf("%s:%d: the reason (third field) is empty: say what the tell is for the reader", name, e.Line)
		}
		switch e.Field(1) {
		case "fragment":
			ts.fragment[wordsHash(words)] = t
		case "anywhere", "spliced":
			t.anywhere = e.Field(1) == "anywhere"
			t.spliced = !t.anywhere
			h := wordHash(words[0])
			ts.phrase[h] = append(ts.phrase[h], t)
			ts.firstBits |= 1 << (h & 63)
		default:
			return fmt.Errorf("%s:%d: where is %q: write fragment, anywhere or spliced", name, e.Line, e.Field(1))
		}
	}
	return nil
}
