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
	// NameThreshold is the least cosine of the entity-name terms alone
	// (n:) when both the document and the story have names: two
	// happenings of one kind (two deaths of Watergate figures) share most
	// words but not the names of who they happened to.
	NameThreshold float64
	// SharedNames: when the document has names (n:, s:), a story must hold
	// one of its SharedNames heaviest ones to be joined (0: no such rule).
	SharedNames int
	// Protagonists: a story is not joined when the document's heaviest
	// name is missing from the story and the story's heaviest name is
	// missing from the document: each has its own protagonist (Mark Felt's
	// death and Fred LaRue's, both told with Watergate and Deep Throat).
	Protagonists bool
	// Centroid weighs the cosine with a story's centroid against the
	// cosine with its nearest member document (1: centroid only).
	Centroid float64
}

// DefaultStory are the chosen story parameters.
var DefaultStory = StoryParams{Threshold: 0.15, Weights: map[byte]float64{'w': 1, 'n': 1, 's': 1, 'h': 0.5, 'q': 2, 't': 2}, TopTerms: 80, ProbeTerms: 24, Centroid: 1}

// maxPosting bounds the documents one term's posting list keeps (the
// newest): a term in more documents is common, and probing it would cost in
// proportion to the store.
const maxPosting = 200

type storyIndex struct {
	p     StoryParams
	n     int              // documents counted in df
	df    map[string]int   // document frequency of each term
	post  map[string][]int // term -> recent documents holding it (their numbers in vecs order)
	vecs  map[int][]wterm  // document number -> its vector, for the last vecWindow documents
	docOf []int            // document number -> its story

	cent    []map[string]float64
	norm    []float64
	nnorm   []float64 // norm of the centroid's name terms
	members []int
}

func newStoryIndex(p StoryParams) *storyIndex {
	return &storyIndex{p: p, df: map[string]int{}, post: map[string][]int{}, vecs: map[int][]wterm{}}
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
func (x *storyIndex) best(v []wterm, w *Work) (int, float64) {
	// candidate documents share a probe term; their stories are the
	// candidate stories, with the best cosine of a member
	near := map[int]float64{}
	seen := map[int]bool{}
	vm := make(map[string]float64, len(v))
	for _, t := range v {
		vm[t.k] = t.w
	}
	for i, t := range v {
		if i >= x.p.ProbeTerms {
			break
		}
		for _, d := range x.post[t.k] {
			if seen[d] {
				continue
			}
			seen[d] = true
			w.StoryCandidates++
			sim := 0.0
			if u, ok := x.vecs[d]; ok {
				for _, t := range u {
					sim += t.w * vm[t.k]
				}
			}
			if s := x.docOf[d]; sim > near[s] {
				near[s] = sim
			} else if _, ok := near[s]; !ok {
				near[s] = sim
			}
		}
	}
	var vn float64
	for _, t := range v {
		if t.k[0] == 'n' {
			vn += t.w * t.w
		}
	}
	vn = math.Sqrt(vn)
	var names []string
	for _, t := range v {
		if (t.k[0] == 'n' || t.k[0] == 's') && len(names) < x.p.SharedNames {
			names = append(names, t.k)
		}
	}
	docTop := ""
	for _, t := range v {
		if t.k[0] == 'n' || t.k[0] == 's' {
			docTop = t.k
			break
		}
	}
	best, bestSim := -1, 0.0
	for s, ms := range near {
		if len(names) > 0 && !holdsAny(x.cent[s], names) {
			continue
		}
		if x.p.Protagonists && docTop != "" && x.cent[s][docTop] == 0 {
			if top := heaviestName(x.cent[s]); top != "" && !hasTerm(v, top) {
				continue
			}
		}
		var dot, ndot float64
		c := x.cent[s]
		for _, t := range v {
			w := t.w * c[t.k]
			dot += w
			if t.k[0] == 'n' {
				ndot += w
			}
		}
		sim := x.p.Centroid*dot/x.norm[s] + (1-x.p.Centroid)*ms
		if vn > 0 && x.nnorm[s] > 0 && ndot/(vn*x.nnorm[s]) < x.p.NameThreshold {
			continue
		}
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
		x.nnorm = append(x.nnorm, 0)
		x.members = append(x.members, 0)
	}
	// the norms change by the terms added only: O(|v|), not O(|c|)
	c := x.cent[s]
	n, nn := x.norm[s]*x.norm[s], x.nnorm[s]*x.nnorm[s]
	for _, t := range v {
		old := c[t.k]
		c[t.k] = old + t.w
		d := (old+t.w)*(old+t.w) - old*old
		n += d
		if t.k[0] == 'n' {
			nn += d
		}
	}
	x.norm[s] = math.Sqrt(max(n, 0))
	x.nnorm[s] = math.Sqrt(max(nn, 0))
	x.members[s]++
	d := len(x.docOf)
	x.docOf = append(x.docOf, s)
	x.vecs[d] = v
	delete(x.vecs, d-vecWindow)
	for i, t := range v {
		if i >= x.p.ProbeTerms {
			break
		}
		p := x.post[t.k]
		if len(p) >= maxPosting {
			p = p[1:]
		}
		x.post[t.k] = append(p, d)
	}
	return s
}

// vecWindow is how many of the latest documents keep their vectors for
// the member cosine: stories are told within weeks, and the window bounds
// memory.
const vecWindow = 20000

// termKind is the kind prefix of a story term.
func termKind(k string) string {
	if i := strings.IndexByte(k, ':'); i > 0 {
		return k[:i]
	}
	return ""
}

func holdsAny(c map[string]float64, keys []string) bool {
	for _, k := range keys {
		if c[k] > 0 {
			return true
		}
	}
	return false
}

// heaviestName is the name term (n:, s:) of most weight in a centroid.
func heaviestName(c map[string]float64) string {
	best, bw := "", 0.0
	for k, w := range c {
		if (k[0] == 'n' || k[0] == 's') && (w > bw || w == bw && k < best) {
			best, bw = k, w
		}
	}
	return best
}

func hasTerm(v []wterm, k string) bool {
	for _, t := range v {
		if t.k == k {
			return true
		}
	}
	return false
}
