package examples

import (
	"bytes"
	"embed"
	"encoding/json"
	"fmt"
)

// The bundled corpus: about three dozen invented wire articles in seven
// stories, told by several invented outlets, with republished copies, and
// its answer key. corpus/README.md describes it.
//
//go:embed corpus/*
var corpus embed.FS

// Article is one line of corpus/corpus.jsonl, in the JSON Lines shape that
// `dossier extract --jsonl` reads (source is the outlet's name).
type Article struct {
	ID        string `json:"id"`
	Title     string `json:"title"`
	Text      string `json:"text"`
	Published string `json:"published"`
	URL       string `json:"url"`
	Source    string `json:"source"`
}

// CorpusFile returns a file of the bundled corpus by name: "corpus.jsonl",
// "stories.json" or "README.md".
func CorpusFile(name string) []byte { return mustRead(corpus, "corpus", name) }

// mustRead reads an embedded file; the names are fixed by this package, so
// a missing one is a programming error.
func mustRead(fsys embed.FS, dir, name string) []byte {
	b, err := fsys.ReadFile(dir + "/" + name)
	if err != nil {
		panic("examples: no " + dir + " file " + name)
	}
	return b
}

// mustDecode decodes an embedded JSON file strictly into v.
func mustDecode(b []byte, name string, v any) {
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.DisallowUnknownFields()
	if err := dec.Decode(v); err != nil {
		panic("examples: " + name + ": " + err.Error())
	}
}

// CorpusJSONL returns the corpus as JSON Lines, one article a line, ordered
// by publication date.
func CorpusJSONL() []byte { return CorpusFile("corpus.jsonl") }

// Corpus returns the corpus's articles in file order. The file is checked by
// the package's tests, so a line that does not parse is a programming error.
func Corpus() []Article {
	arts, err := ParseCorpus(CorpusJSONL())
	if err != nil {
		panic("examples: " + err.Error())
	}
	return arts
}

// ParseCorpus reads JSON Lines of Articles strictly: an unknown field or a
// line that is not one JSON object is an error naming the line.
func ParseCorpus(b []byte) ([]Article, error) {
	var out []Article
	for i, line := range bytes.Split(bytes.TrimRight(b, "\n"), []byte("\n")) {
		dec := json.NewDecoder(bytes.NewReader(line))
		dec.DisallowUnknownFields()
		var a Article
		if err := dec.Decode(&a); err != nil {
			return nil, fmt.Errorf("corpus line %d: %v", i+1, err)
		}
		if dec.More() {
			return nil, fmt.Errorf("corpus line %d: more than one JSON value", i+1)
		}
		out = append(out, a)
	}
	return out, nil
}

// Key is the corpus's answer key (corpus/stories.json): the story of each
// article, which articles are republished copies, key actors with the
// mention strings that should link to them, actors that must not be merged,
// and figures that differ across reports.
type Key struct {
	About    string       `json:"about"`
	Stories  []KeyStory   `json:"stories"`
	Articles []KeyArticle `json:"articles"`
	Actors   []KeyActor   `json:"actors"`
	Distinct []KeyApart   `json:"distinct"`
	Figures  []KeyFigure  `json:"figures"`
}

// KeyStory is one story: a happening followed across articles and outlets.
type KeyStory struct {
	ID       string   `json:"id"`
	Title    string   `json:"title"`
	Summary  string   `json:"summary"`
	Articles []string `json:"articles"`
}

// KeyArticle gives an article's story and, for a republished copy, the id
// of the article it copies (empty for an original).
type KeyArticle struct {
	ID          string `json:"id"`
	Story       string `json:"story"`
	DuplicateOf string `json:"duplicate_of"`
}

// KeyActor is one actor that a linker should resolve across articles: in
// each of Articles, the Mentions found there refer to this actor.
type KeyActor struct {
	Key      string   `json:"key"`
	Name     string   `json:"name"`
	Type     string   `json:"type"`
	Country  string   `json:"country,omitempty"`
	Role     string   `json:"role,omitempty"`
	Mentions []string `json:"mentions"`
	Articles []string `json:"articles"`
	Note     string   `json:"note,omitempty"`
	// Except lists mention strings that, in one article, refer to another
	// actor ("Haller" in an article naming two Hallers).
	Except []KeyExcept `json:"except,omitempty"`
}

// KeyExcept says that Text in Article refers to the actor RefersTo.
type KeyExcept struct {
	Article  string `json:"article"`
	Text     string `json:"text"`
	RefersTo string `json:"refers_to"`
}

// KeyApart names actors that share a name part and must stay distinct.
type KeyApart struct {
	Actors []string `json:"actors"`
	Why    string   `json:"why"`
}

// KeyFigure is one quantity as different reports give it.
type KeyFigure struct {
	About   string      `json:"about"`
	Reports []KeyReport `json:"reports"`
}

// KeyReport is one report of a figure: the words in the article that carry it.
type KeyReport struct {
	Article string  `json:"article"`
	Text    string  `json:"text"`
	Value   float64 `json:"value"`
	Bound   string  `json:"bound"`
}

// CorpusKey returns the parsed answer key.
func CorpusKey() Key {
	var k Key
	mustDecode(CorpusFile("stories.json"), "corpus/stories.json", &k)
	return k
}
