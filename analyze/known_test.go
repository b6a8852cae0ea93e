package analyze

import (
	"os"
	"strings"
	"testing"

	"github.com/dossier-news/dossier/doc"
	"github.com/dossier-news/dossier/examples"
	"github.com/dossier-news/dossier/lexicon"
)

// TestKnownErrors reads testdata/known_errors.txt, the list of wrong
// outputs that the golden files freeze, and checks each is still in the
// pipeline's output: a fix must take its line out of the list, so the list
// stays true.
func TestKnownErrors(t *testing.T) {
	raw, err := os.ReadFile("testdata/known_errors.txt")
	if err != nil {
		t.Fatal(err)
	}
	docs := map[string]*doc.Document{}
	for _, e := range lexicon.MustParse("analyze/testdata/known_errors.txt", string(raw)) {
		name, layer, want, why := e.Field(0), e.Field(1), e.Field(2), e.Field(3)
		d := docs[name]
		if d == nil {
			d = doc.New(name, examples.Text(name))
			d.Published, d.PublishedFrom = "2024-05-16", "flag"
			if err := Default().Process(d); err != nil {
				t.Fatal(err)
			}
			docs[name] = d
		}
		var items []map[string]string
		switch layer {
		case "quote":
			for _, q := range d.Quotes {
				it := map[string]string{"content": d.Slice(q.Content), "cue": d.Slice(q.Cue), "source": d.Slice(q.Source)}
				if q.Speaker >= 0 {
					it["speaker"] = d.Entities[q.Speaker].Name
				}
				items = append(items, it)
			}
		case "event":
			for _, ev := range d.Events {
				it := map[string]string{"type": ev.Type, "trigger": d.Slice(ev.Trigger)}
				for _, a := range ev.Actor {
					it["actor"] = a.Text
				}
				for _, a := range ev.Recipient {
					it["recipient"] = a.Text
				}
				items = append(items, it)
			}
		default:
			t.Fatalf("known_errors.txt:%d: unknown layer %q (quote or event)", e.Line, layer)
		}
		found := false
		for _, it := range items {
			if matches(it, want) {
				found = true
				break
			}
		}
		if !found {
			t.Errorf("known_errors.txt:%d: %s no longer shows the known error %q (%s): if it is fixed, remove the line and review the golden diff", e.Line, name, want, why)
		} else {
			t.Logf("known error in %s: %s", name, why)
		}
	}
}

// matches reports whether item has every key=value (exact) or key^=value
// (prefix) of want, separated by semicolons.
func matches(item map[string]string, want string) bool {
	for _, kv := range strings.Split(want, ";") {
		kv = strings.TrimSpace(kv)
		if k, v, ok := strings.Cut(kv, "^="); ok {
			if !strings.HasPrefix(item[k], v) {
				return false
			}
			continue
		}
		k, v, _ := strings.Cut(kv, "=")
		if item[k] != v {
			return false
		}
	}
	return true
}
