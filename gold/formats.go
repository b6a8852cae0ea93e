package gold

import (
	"bufio"
	"encoding/json"
	"fmt"
	"os"
	"strings"
)

// Each calls fn for every line of a gold JSON Lines file decoded into a T,
// in file order, and stops at fn's first error. An error opening the file
// is returned as it is; a line that does not decode is an error naming the
// file and the line.
func Each[T any](path string, fn func(T) error) error {
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 64<<20)
	for n := 1; sc.Scan(); n++ {
		if len(sc.Bytes()) == 0 {
			continue
		}
		var d T
		if err := json.Unmarshal(sc.Bytes(), &d); err != nil {
			return fmt.Errorf("%s: line %d does not decode: %v", path, n, err)
		}
		if err := fn(d); err != nil {
			return err
		}
	}
	return sc.Err()
}

// Load reads a whole gold JSON Lines file (see Each).
func Load[T any](path string) ([]T, error) {
	var out []T
	err := Each(path, func(d T) error { out = append(out, d); return nil })
	return out, err
}

// Input is what every gold document gives the extractor: score.py feeds
// these four fields and nothing else.
type Input struct {
	ID        string  `json:"id"`
	Text      string  `json:"text"`
	Published *string `json:"published"`
	Title     *string `json:"title"`
}

// TempEvalDoc is one line of tempeval3/timebank.jsonl or aquaint.jsonl.
type TempEvalDoc struct {
	Input
	Timex []struct {
		Span
		Type  string `json:"type"`
		Value string `json:"value"`
	} `json:"timex"`
}

// PloverDoc is one line of plover/gsr.jsonl: one sentence and its events.
type PloverDoc struct {
	Input
	Events []struct {
		Type      string   `json:"type"`
		Mode      string   `json:"mode"`
		Actor     []string `json:"actor"`
		Recipient []string `json:"recipient"`
	} `json:"events"`
}

// GUMDoc is one line of gum/news.jsonl or other.jsonl.
type GUMDoc struct {
	Input
	Mentions []struct {
		Span
		Type    string `json:"type"`
		Cluster string `json:"cluster"`
		Named   bool   `json:"named"`
	} `json:"mentions"`
}

// SeedSpan is a span of the seed annotation: byte_start and byte_end are
// the UTF-8 byte offsets (start and end count characters).
type SeedSpan struct {
	Text      string `json:"text"`
	ByteStart int    `json:"byte_start"`
	ByteEnd   int    `json:"byte_end"`
}

// Seed is seed/unsc-mali.gold.json, the hand annotation of the founding
// article (its text is in unsc-mali.txt beside it).
type Seed struct {
	Published string `json:"published"`
	Entities  []struct {
		Name    string   `json:"name"`
		Type    string   `json:"type"`
		Aliases []string `json:"aliases"`
	} `json:"entities"`
	Quotes []struct {
		Content SeedSpan `json:"content"`
		Speaker string   `json:"speaker"`
	} `json:"quotes"`
	OptionalQuotes []struct {
		Content SeedSpan `json:"content"`
	} `json:"optional_quotes"`
	Timex []struct {
		SeedSpan
		Value string `json:"value"`
	} `json:"timex"`
	Quantities []struct {
		SeedSpan
		Value    float64 `json:"value"`
		Category string  `json:"category"`
	} `json:"quantities"`
	Artefacts []SeedSpan `json:"artefacts"`
	Events    []struct {
		Type   string   `json:"type"`
		Anchor SeedSpan `json:"anchor"`
	} `json:"events"`
}

// LoadSeed reads the seed annotation at path and the text beside it
// (path with .gold.json replaced by .txt).
func LoadSeed(path string) (*Seed, string, error) {
	if !strings.HasSuffix(path, ".gold.json") {
		return nil, "", fmt.Errorf("%s: the seed annotation's name ends in .gold.json, its text's in .txt", path)
	}
	raw, err := os.ReadFile(path)
	if err != nil {
		return nil, "", err
	}
	var s Seed
	if err := json.Unmarshal(raw, &s); err != nil {
		return nil, "", fmt.Errorf("%s is not the seed annotation: %v", path, err)
	}
	txtPath := strings.TrimSuffix(path, ".gold.json") + ".txt"
	txt, err := os.ReadFile(txtPath)
	if err != nil {
		return nil, "", err
	}
	return &s, string(txt), nil
}
