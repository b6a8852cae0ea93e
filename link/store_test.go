package link_test

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/dossier-news/dossier/ingest"
	"github.com/dossier-news/dossier/link"
	"github.com/dossier-news/dossier/store"
)

// Articles written for these tests: two stories, a copy, and two people
// the user corrects.
var articles = []struct{ id, text string }{
	{"ferry-1", "Ferry strike halts crossings to Vell Island\n\nFerry crews walked out on Monday, stranding hundreds of travellers at Port Avel. " +
		"Union leader Grace Abara said the strike would last until wages were raised. \"We are not moving until the company listens,\" Abara told reporters. " +
		"The operator, Avel Ferries, said it regretted the disruption."},
	{"ferry-2", "Vell Island cut off as ferry crews strike\n\nNo ferries left Port Avel on Monday after crews went on strike over pay. " +
		"Grace Abara, who leads the crews' union, promised the walkout would continue. Avel Ferries called the action unlawful."},
	{"ferry-2-copy", "FERRY STRIKE: Vell Island cut off\n\nNo ferries left Port Avel on Monday after crews went on strike over pay. " +
		"Grace Abara, who leads the crews' union, promised the walkout would continue. Avel Ferries called the action unlawful.\n\nReporting by the Example Wire."},
	{"mine-1", "Rescuers reach trapped miners in Kortala\n\nRescue teams reached eleven miners trapped underground in Kortala on Thursday, officials said. " +
		"Mine director Paul Osei said all eleven were alive. Kortala's governor, Ruth Mbeki, thanked the rescuers."},
}

func writeInput(t *testing.T, n int) string {
	t.Helper()
	var b strings.Builder
	for _, a := range articles[:n] {
		line, _ := json.Marshal(map[string]string{"id": a.id, "text": a.text})
		b.Write(line)
		b.WriteByte('\n')
	}
	p := filepath.Join(t.TempDir(), "in.jsonl")
	if err := os.WriteFile(p, []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

// actorOf returns the actor of the entity named name in document id.
func actorOf(t *testing.T, st *store.Store, id, name string) (string, string) {
	t.Helper()
	d, err := st.Get(context.Background(), id)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range d.Entities {
		if e.Name == name {
			return e.Actor, e.ID
		}
	}
	t.Fatalf("%s has no entity %q", id, name)
	return "", ""
}

func TestIngestRelinkAndOverrides(t *testing.T) {
	ctx := context.Background()
	st, err := store.Open(filepath.Join(t.TempDir(), "t.db"), store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	run := func(n int) {
		if _, err := ingest.Run(ctx, st, []string{writeInput(t, n)}, nil, ingest.Options{Linker: link.NewIngest(), Workers: 1}); err != nil {
			t.Fatal(err)
		}
	}
	// a first ingest of three articles, a second one adds the fourth:
	// the second restores the linker from the store
	run(3)
	run(4)
	get := func(id string) (story, dup string) {
		d, err := st.Get(ctx, id)
		if err != nil {
			t.Fatal(err)
		}
		return d.Story, d.DuplicateOf
	}
	s1, _ := get("ferry-1")
	s2, _ := get("ferry-2")
	s3, dup := get("ferry-2-copy")
	s4, _ := get("mine-1")
	if dup != "ferry-2" || s3 != s2 {
		t.Errorf("the copy: duplicate_of %q story %s, want ferry-2 and its story %s", dup, s3, s2)
	}
	if s1 != s2 || s4 == s1 {
		t.Errorf("stories: ferry %s %s, mine %s; want the ferry articles together, the mine apart", s1, s2, s4)
	}
	a1, e1 := actorOf(t, st, "ferry-1", "Grace Abara")
	a2, _ := actorOf(t, st, "ferry-2", "Grace Abara")
	osei, _ := actorOf(t, st, "mine-1", "Paul Osei")
	if a1 != a2 {
		t.Errorf("Grace Abara is %s and %s in two articles of one story", a1, a2)
	}
	// the user: Grace Abara of ferry-1 is someone else; Paul Osei is Grace
	// Abara (to test the merge)
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	must(link.AddOverride(ctx, st.DB(), link.Rule{Kind: "split", Doc: "ferry-1", Entity: e1}))
	_, eo := actorOf(t, st, "mine-1", "Paul Osei")
	_, e2 := actorOf(t, st, "ferry-2", "Grace Abara")
	must(link.AddOverride(ctx, st.DB(), link.Rule{Kind: "merge", Doc: "mine-1", Entity: eo, Doc2: "ferry-2", Ent2: e2}))
	for round := 0; round < 2; round++ { // relinked twice: the overrides hold both times
		if _, err := link.Relink(ctx, st, link.DefaultConfig(), nil); err != nil {
			t.Fatal(err)
		}
		b1, _ := actorOf(t, st, "ferry-1", "Grace Abara")
		b2, _ := actorOf(t, st, "ferry-2", "Grace Abara")
		bo, _ := actorOf(t, st, "mine-1", "Paul Osei")
		if b1 == b2 {
			t.Errorf("round %d: the split entity still shares actor %s", round, b1)
		}
		if bo != b2 {
			t.Errorf("round %d: merged actors differ: %s and %s (before: %s)", round, bo, b2, osei)
		}
		if _, dup := get("ferry-2-copy"); dup != "ferry-2" {
			t.Errorf("round %d: relink lost the copy link", round)
		}
	}
}
