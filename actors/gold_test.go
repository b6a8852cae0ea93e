package actors

import (
	"bufio"
	"encoding/json"
	"os"
	"strings"
	"testing"

	"github.com/dossier-news/dossier/doc"
	"github.com/dossier-news/dossier/text"
)

const sharedGold = "../../shared/gold"

func openGold(t testing.TB, rel string) *os.File {
	f, err := os.Open(sharedGold + "/" + rel)
	if err != nil {
		t.Skip("../shared/gold not found: gold-data tests need the shared folder beside the checkout")
	}
	return f
}

// TestPolNeARSources measures, on PolNeAR's dev set, how many gold
// attribution sources are a mention of an entity, and how many pronoun
// sources are resolved to a named person. Run with -v to see the figures.
func TestPolNeARSources(t *testing.T) {
	f := openGold(t, "polnear/dev.jsonl")
	defer f.Close()
	type span struct{ Start, End int }
	var line struct {
		ID           string
		Text         string
		Attributions []struct {
			Source []span
		}
	}
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<24)
	var sources, covered, pron, pronNamed int
	misses := map[string]int{}
	for sc.Scan() {
		line.Attributions = nil
		if err := json.Unmarshal(sc.Bytes(), &line); err != nil {
			t.Fatalf("polnear/dev.jsonl: %v", err)
		}
		d := doc.New(line.ID, line.Text)
		text.Analyze(d)
		Analyze(d)
		for _, at := range line.Attributions {
			if len(at.Source) == 0 {
				continue
			}
			s := doc.Span{Start: at.Source[0].Start, End: at.Source[len(at.Source)-1].End}
			sources++
			e := EntityAt(d, s)
			if e >= 0 {
				covered++
			} else {
				misses[d.Slice(s)]++
			}
			src := strings.ToLower(strings.TrimSpace(d.Slice(s)))
			if p, ok := lex.pronouns[src]; ok && (p.gender == 'm' || p.gender == 'f') {
				pron++
				if e >= 0 && named(d, e) {
					pronNamed++
				}
			}
		}
	}
	if sources == 0 {
		t.Fatal("polnear/dev.jsonl has no attribution sources: is the file complete?")
	}
	t.Logf("PolNeAR dev: %d of %d sources are mentions of an entity (%.1f%%)", covered, sources, 100*float64(covered)/float64(sources))
	t.Logf("PolNeAR dev: %d of %d he/she/him/his/her sources resolved to a named person (%.1f%%)", pronNamed, pron, 100*float64(pronNamed)/float64(max(pron, 1)))
	if testing.Verbose() && os.Getenv("ACTORS_MISSES") != "" {
		for k, v := range misses {
			if v >= 2 {
				t.Logf("missed %3d %q", v, k)
			}
		}
	}
}

// named reports whether entity e is a person the article names.
func named(d *doc.Document, e int) bool {
	if d.Entities[e].Type != "PERSON" {
		return false
	}
	for _, mi := range d.Entities[e].Mentions {
		if d.Mentions[mi].Kind == "name" {
			return true
		}
	}
	return false
}
