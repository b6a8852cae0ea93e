// Package link links stored documents across articles: copies
// (duplicate_of, the earliest stored member of a copy family), stories (the
// real-world happening an article tells) and corpus-wide actors (one id for
// every entity that names one person, organisation or place).
//
// Linking is incremental: a Linker is fed the documents in input order (the
// store's ingest calls Link once per document, before storing it) and each
// call looks only at bounded index entries (LSH band buckets, posting lists
// of rare terms, name keys), so its cost does not grow with the store.
// Linking reads only Features, which the store keeps, so `dossier relink`
// redoes every link without extracting again; user overrides (actor merge,
// split, alias) are data a Linker reads and applies after its own choices.
// docs/LINK.md describes the method and its measured figures.
package link

import (
	"sort"
	"strconv"

	"github.com/dossier-news/dossier/doc"
)

// Config holds the parameters of all three kinds of link.
type Config struct {
	Copy  CopyThresholds
	Story StoryParams
}

// DefaultConfig is the configuration chosen on the training files.
func DefaultConfig() Config { return Config{Copy: DefaultCopy, Story: DefaultStory} }

// Links are the corpus links of one document.
type Links struct {
	DuplicateOf string   // id of the earliest stored document of its copy family, or ""
	Story       string   // story id ("S12")
	Actors      []string // actor id ("A88") of each entity, in the order of Document.Entities
}

// Linker links documents as they arrive. It is not safe for concurrent use:
// the store's single writer calls it.
type Linker struct {
	cfg     Config
	ids     []string // sequence number -> document id
	root    []int    // sequence number -> earliest member of its copy family
	storyOf []int    // sequence number -> story number
	actorOf [][]int  // sequence number -> actor number of each entity
	copies  *copyIndex
	stories *storyIndex
	actors  *actorIndex
	ov      *Overrides
	seqOf   map[string]int // document id -> sequence number
	merged  map[int]int    // actor number -> the actor it was merged into
	Work    Work           // counts of work done, for measuring
}

// Work counts what linking compared: it must not grow with the store per
// document (docs/LINK.md, "Speed").
type Work struct {
	CopyCandidates  int // stored signatures compared
	StoryCandidates int // stored documents whose vectors were compared
}

// New returns an empty Linker.
func New(cfg Config) *Linker {
	return &Linker{cfg: cfg, copies: newCopyIndex(cfg.Copy), stories: newStoryIndex(cfg.Story), actors: newActorIndex(), ov: NewOverrides(),
		seqOf: map[string]int{}, merged: map[int]int{}}
}

// SetOverrides makes the linker apply the user's overrides to the actors it
// links from now on (and in Actors).
func (l *Linker) SetOverrides(o *Overrides) {
	if o == nil {
		o = NewOverrides()
	}
	l.ov = o
	l.merged = map[int]int{}
	l.applyRules()
}

// Len is the number of documents linked.
func (l *Linker) Len() int { return len(l.ids) }

// StoryID and ActorID format the numbers of stories and actors.
func StoryID(n int) string { return "S" + strconv.Itoa(n+1) }

// ActorID formats an actor number.
func ActorID(n int) string { return "A" + strconv.Itoa(n+1) }

// Link links one document, given its features, to the documents linked
// before it, and records it so that later documents link to it.
func (l *Linker) Link(f *Features) Links {
	seq := len(l.ids)
	l.ids = append(l.ids, f.ID)
	if _, dup := l.seqOf[f.ID]; !dup {
		l.seqOf[f.ID] = seq
	}
	root := seq
	if best, _ := l.copies.best(&f.Sig, &l.Work); best >= 0 {
		root = l.root[best]
	}
	l.root = append(l.root, root)
	l.copies.add(seq, &f.Sig)

	v := l.stories.vector(f.Terms)
	story := -1
	if root != seq {
		story = l.storyOf[root]
	} else if s, sim := l.stories.best(v, &l.Work); s >= 0 && sim >= l.cfg.Story.Threshold {
		story = s
	}
	story = l.stories.join(story, v)
	l.storyOf = append(l.storyOf, story)

	// the entities with the longest names first, so that "Colts" finds
	// "Indianapolis Colts" of the same article
	acts := make([]int, len(f.Ents))
	for _, i := range byNameLength(f.Ents) {
		acts[i] = l.actors.link(&f.Ents[i], story)
	}
	l.actorOf = append(l.actorOf, acts)
	if len(l.ov.Rules) > 0 {
		l.applyRules()
	}
	return l.Links(seq)
}

// Links returns the links of document seq (its number in linking order),
// overrides applied: the links of an earlier document may change when a
// later one is linked only through an override (a merge naming it).
func (l *Linker) Links(seq int) Links {
	var out Links
	if r := l.root[seq]; r != seq {
		out.DuplicateOf = l.ids[r]
	}
	out.Story = StoryID(l.storyOf[seq])
	for i := range l.actorOf[seq] {
		out.Actors = append(out.Actors, l.actorID(seq, i))
	}
	return out
}

// byNameLength orders entity indexes by the words of their longest name,
// most first, named before unnamed, in document order among equals.
func byNameLength(es []EntFeat) []int {
	idx := make([]int, len(es))
	n := make([]int, len(es))
	for i := range es {
		idx[i] = i
		if ks := entKeys(&es[i]); len(ks) > 0 {
			for _, k := range ks {
				n[i] = max(n[i], words(k))
			}
		}
	}
	sort.SliceStable(idx, func(a, b int) bool { return n[idx[a]] > n[idx[b]] })
	return idx
}

// Apply writes links into a document's corpus fields.
func Apply(d *doc.Document, ln Links) {
	d.DuplicateOf = ln.DuplicateOf
	d.Story = ln.Story
	for i := range d.Entities {
		d.Entities[i].Actor = ""
		if i < len(ln.Actors) {
			d.Entities[i].Actor = ln.Actors[i]
		}
	}
}

// LinkDocument computes a document's features, links it and writes the
// links into it; it returns the features for the store to keep.
func (l *Linker) LinkDocument(d *doc.Document) *Features {
	f := FeaturesOf(d)
	Apply(d, l.Link(f))
	return f
}
