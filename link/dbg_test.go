package link

import (
	"fmt"
	"os"
	"sort"
	"strings"
	"testing"
)

// TestDbg is a diagnostic, not a check: with DBG=stories it prints how
// ECB+ train's gold stories spread over the found ones, with DBG=NAME the
// links of every entity whose name holds NAME. Without DBG it skips, so the
// test suite does not link the whole training file for nothing.
func TestDbg(t *testing.T) {
	want := os.Getenv("DBG")
	if want == "" {
		t.Skip("diagnostic: set DBG=stories or DBG=NAME to run it")
	}
	docs := readGold(t, "ecbplus/train.jsonl")
	ln := linkAll(docs, DefaultConfig())
	if want == "stories" {
		m := map[string]map[string]int{}
		for i, g := range docs {
			if m[g.Story] == nil {
				m[g.Story] = map[string]int{}
			}
			m[g.Story][ln[i].Story]++
		}
		var ks []string
		for k := range m {
			ks = append(ks, k)
		}
		sort.Strings(ks)
		for _, k := range ks {
			t.Logf("%s %v", k, fmt.Sprint(m[k]))
		}
		return
	}
	for i, g := range docs {
		for ei, e := range g.d.Entities {
			if strings.Contains(e.Name, want) {
				t.Logf("%s story %s: %s %s %q role %q aff %q names %q -> %s", g.ID, ln[i].Story, e.ID, e.Type, e.Name, e.Role, e.Affiliation, g.f.Ents[ei].Names, ln[i].Actors[ei])
			}
		}
	}
}
