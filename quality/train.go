package quality

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"math"
	"sort"

	"github.com/dossier-news/dossier/doc"
	"github.com/dossier-news/dossier/text"
)

// DefaultFrequentWords is how many of the most frequent words keep a class
// of their own in the word-salad model; all other words fall into shape
// classes. Enough to cover English function words and the commonest verbs
// of news, few enough that the bigram table stays small and well counted.
const DefaultFrequentWords = 250

// Train learns the word-salad model from JSON Lines of clean news, one
// {"text": ...} object a line (PolNeAR's train.jsonl). It is deterministic:
// the same input gives the same bytes.
func Train(r io.Reader, frequent int) (*Model, error) {
	var docs []*doc.Document
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 1<<20), 1<<26)
	line := 0
	for sc.Scan() {
		line++
		var in struct {
			Text string `json:"text"`
		}
		if err := json.Unmarshal(sc.Bytes(), &in); err != nil {
			return nil, fmt.Errorf("line %d: %v: want one JSON object a line with a \"text\" field", line, err)
		}
		d := doc.New("", in.Text)
		text.Analyze(d)
		docs = append(docs, d)
	}
	if err := sc.Err(); err != nil {
		return nil, err
	}
	if len(docs) == 0 {
		return nil, fmt.Errorf("no documents read: give a JSON Lines file of clean news")
	}
	// Pass 1: the frequent words.
	freq := map[uint64]int{}
	for _, d := range docs {
		for k, t := range d.Tokens {
			if t.Kind == doc.Word && !t.Has(doc.FlagAllCaps) {
				freq[wordHash(d.TokenText(k))]++
			}
		}
	}
	type wc struct {
		h uint64
		n int
	}
	all := make([]wc, 0, len(freq))
	for h, n := range freq {
		all = append(all, wc{h, n})
	}
	sort.Slice(all, func(i, j int) bool {
		if all[i].n != all[j].n {
			return all[i].n > all[j].n
		}
		return all[i].h < all[j].h
	})
	if len(all) > frequent {
		all = all[:frequent]
	}
	m := &Model{hashes: make([]uint64, len(all))}
	for i, x := range all {
		m.hashes[i] = x.h
	}
	m.index()
	m.n = shapeCount + len(all)
	// Pass 2: class bigrams within sentences, with their boundaries.
	counts := make([]int, m.n*m.n)
	for _, d := range docs {
		for _, s := range d.Sentences {
			prev := clsStart
			for k := s.Tokens.First; k < s.Tokens.End; k++ {
				c := class(d, k, wordHash(d.TokenText(k)), m)
				counts[prev*m.n+c]++
				prev = c
			}
			counts[prev*m.n+clsEnd]++
		}
	}
	m.table = make([]byte, len(counts))
	for i, n := range counts {
		m.table[i] = byte(min(255, math.Round(math.Log2(float64(n)+1))))
	}
	return m, nil
}
