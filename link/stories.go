package link

import (
	"math"
	"sort"
	"strings"
)

// Stories: incremental clustering of documents into real-world happenings.
// A document is a TF-IDF vector over its story terms (words, entity names,
// surnames, figures, dates), the inverse document frequencies counted over
// the documents stored so far; a story is the sum of its members' unit
// vectors. A new document joins the story whose centroid is nearest by
// cosine when the cosine reaches the threshold, and opens a story
// otherwise. Candidate stories come from an inverted index of the
// document's rarest terms, each posting list bounded, so that the cost of
// linking one document does not grow with the store.

// StoryParams are the knobs of story linking, chosen by cross-validation on
// ecbplus/train.jsonl (docs/LINK.md).
type StoryParams struct {
	Threshold float64 // least cosine to join a story
	// Weights multiply the TF-IDF weight of a term by its kind (the
	// prefix before ':'); a kind missing weighs 1.
	Weights map[byte]float64
	// TopTerms: a document vector keeps its TopTerms heaviest terms.
	TopTerms int
	// ProbeTerms: candidate stories are those of the documents sharing
	// one of the document's ProbeTerms heaviest terms.
	ProbeTerms int
}

// DefaultStory are the chosen story parameters.
var DefaultStory = StoryParams{Threshold: 0.2, Weights: map[byte]float64{'w': 1, 'n': 1, 's': 1, 'q': 1, 't': 1}, TopTerms: 80, ProbeTerms: 24}

// maxPosting bounds the documents one term's posting list keeps (the
// newest): a term in more documents is common, and probing it would cost in
// proportion to the store.
const maxPosting = 200

type storyIndex struct {
	p       StoryParams
	n       int              // documents counted in df
	df      map[string]int   // document frequency of each term
	post    map[string][]int // term -> story numbers of recent documents holding it
	cent    []map[string]float64
	norm    []float64
	members []int
}

func newStoryIndex(p StoryParams) *storyIndex {
	return &storyIndex{p: p, df: map[string]int{}, post: map[string][]int{}}
}

type wterm struct {
	k string
	w float64
}

// vector returns a document's unit TF-IDF vector (its TopTerms heaviest
// terms), counting the document into the frequencies first.
func (x *storyIndex) vector(terms map[string]int) []wterm {
	x.n++
	for k := range terms {
		x.df[k]++
	}
	v := make([]wterm, 0, len(terms))
	for k, c := range terms {
		idf := math.Log(float64(x.n+1) / float64(x.df[k]))
		w := (1 + math.Log(float64(c))) * idf
		if kw, ok := x.p.Weights[k[0]]; ok {
			w *= kw
		}
		if w > 0 {
			v = append(v, wterm{k, w})
		}
	}
	sort.Slice(v, func(a, b int) bool {
		if v[a].w != v[b].w {
			return v[a].w > v[b].w
		}
		return v[a].k < v[b].k
	})
	if len(v) > x.p.TopTerms {
		v = v[:x.p.TopTerms]
	}
	var s float64
	for _, t := range v {
		s += t.w * t.w
	}
	s = math.Sqrt(s)
	for i := range v {
		v[i].w /= s
	}
	return v
}

// best returns the nearest story to v and its cosine, or -1.
func (x *storyIndex) best(v []wterm) (int, float64) {
	cands := map[int]bool{}
	for i, t := range v {
		if i >= x.p.ProbeTerms {
			break
		}
		for _, s := range x.post[t.k] {
			cands[s] = true
		}
	}
	best, bestSim := -1, 0.0
	for s := range cands {
		var dot float64
		c := x.cent[s]
		for _, t := range v {
			dot += t.w * c[t.k]
		}
		sim := dot / x.norm[s]
		if sim > bestSim || sim == bestSim && s < best {
			best, bestSim = s, sim
		}
	}
	return best, bestSim
}

// join adds v to story s (a new story when s is -1) and returns s.
func (x *storyIndex) join(s int, v []wterm) int {
	if s < 0 {
		s = len(x.cent)
		x.cent = append(x.cent, map[string]float64{})
		x.norm = append(x.norm, 0)
		x.members = append(x.members, 0)
	}
	c := x.cent[s]
	for _, t := range v {
		c[t.k] += t.w
	}
	var n float64
	for _, w := range c {
		n += w * w
	}
	x.norm[s] = math.Sqrt(n)
	x.members[s]++
	for i, t := range v {
		if i >= x.p.ProbeTerms {
			break
		}
		p := x.post[t.k]
		if len(p) > 0 && p[len(p)-1] == s {
			continue
		}
		if len(p) >= maxPosting {
			p = p[1:]
		}
		x.post[t.k] = append(p, s)
	}
	return s
}

// termKind is the kind prefix of a story term.
func termKind(k string) string {
	if i := strings.IndexByte(k, ':'); i > 0 {
		return k[:i]
	}
	return ""
}
