package ingest

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/dossier-news/dossier/doc"
	"github.com/dossier-news/dossier/store"
)

// article is a short invented news item, distinct for each i.
func article(i int) string {
	return fmt.Sprintf("Talks resume in Port Avel, round %d.\n\nMinister Dana Ferro said on Friday that %d observers would arrive next week. "+
		"\"We expect a calm count,\" she told reporters. The opposition leader, Tomas Ribe, accused the council of delaying the vote.", i, 10+i)
}

func line(id, text string) string {
	return fmt.Sprintf(`{"id":%q,"text":%q,"published":"2024-03-0%d"}`, id, text, 1+len(id)%9) + "\n"
}

func writeJSONL(t *testing.T, lines ...string) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), "in.jsonl")
	if err := os.WriteFile(p, []byte(strings.Join(lines, "")), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func openStore(t *testing.T) *store.Store {
	t.Helper()
	st, err := store.Open(filepath.Join(t.TempDir(), "t.db"), store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	return st
}

func ingest(t *testing.T, st *store.Store, o Options, inputs ...string) Counts {
	t.Helper()
	c, err := Run(context.Background(), st, inputs, nil, o)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// TestIdempotent: the same input twice stores nothing new; a line repeated
// within one input is stored once; a failure is recorded and the rest
// stored, and a resumed run does not record it twice as stored.
func TestIdempotent(t *testing.T) {
	var lines []string
	for i := 0; i < 30; i++ {
		lines = append(lines, line(fmt.Sprintf("a%d", i), article(i)))
	}
	lines = append(lines, lines[3], `{"id":"no-text"}`+"\n", "{broken\n")
	in := writeJSONL(t, lines...)
	st := openStore(t)
	c := ingest(t, st, Options{BatchSize: 7}, in)
	if c.Stored != 30 || c.Skipped != 1 || c.Failed != 2 {
		t.Fatalf("first run: %+v, want 30 stored, 1 skipped (the repeated line), 2 failed", c)
	}
	c = ingest(t, st, Options{}, in)
	if c.Stored != 0 || c.Skipped != 31 || c.Failed != 2 {
		t.Fatalf("second run: %+v, want nothing stored, 31 skipped, the 2 bad lines failed again", c)
	}
	es, err := st.Errors(context.Background())
	if err != nil || len(es) != 4 || !strings.Contains(es[0].Message, `no "text"`) || es[0].Source != in+":32" {
		t.Fatalf("errors = %+v, %v", es, err)
	}
	if probs, err := st.Check(context.Background(), nil); err != nil || len(probs) > 0 {
		t.Fatalf("check: %v %v", probs, err)
	}
}

// TestChangedText: an id stored with one text and offered with another is
// an error for that document, not a silent replacement.
func TestChangedText(t *testing.T) {
	st := openStore(t)
	ingest(t, st, Options{}, writeJSONL(t, line("x", article(1))))
	c := ingest(t, st, Options{}, writeJSONL(t, line("x", article(2)), line("y", article(2))))
	if c.Stored != 1 || c.Failed != 1 {
		t.Fatalf("%+v, want y stored and x failed", c)
	}
	es, _ := st.Errors(context.Background())
	if len(es) != 1 || !strings.Contains(es[0].Message, "different text") {
		t.Fatalf("errors = %+v", es)
	}
}

// TestSameTextOtherID: a republished copy under another id is its own
// document (linking marks it a duplicate); the scorer needs every id.
func TestSameTextOtherID(t *testing.T) {
	st := openStore(t)
	c := ingest(t, st, Options{}, writeJSONL(t, line("wire-1", article(5)), line("copy-1", article(5))))
	if c.Stored != 2 {
		t.Fatalf("%+v, want both stored", c)
	}
}

// linker is a test Linker: it counts the documents it has seen stored,
// checks that they are visible, and fails on one id.
type linker struct {
	t      *testing.T
	stored []int64
}

func (l *linker) Link(tx *store.Tx, d *doc.Document) error {
	if d.ID == "bad" {
		return errors.New("refused")
	}
	var n int
	if err := tx.SQL().QueryRow("SELECT count(*) FROM documents").Scan(&n); err != nil {
		return err
	}
	if n != len(l.stored) {
		l.t.Errorf("Link(%s) sees %d stored documents, want %d", d.ID, n, len(l.stored))
	}
	d.Story = fmt.Sprintf("S%d", len(l.stored)/2)
	if len(d.Entities) > 0 {
		d.Entities[0].Actor = "A-" + d.Entities[0].Name
	}
	return nil
}

func (l *linker) Stored(tx *store.Tx, d *doc.Document, n int64) error {
	l.stored = append(l.stored, n)
	return nil
}

func TestLinker(t *testing.T) {
	st := openStore(t)
	l := &linker{t: t}
	in := writeJSONL(t, line("a", article(1)), line("bad", article(2)), line("b", article(3)), line("c", article(4)))
	c := ingest(t, st, Options{Linker: l, BatchSize: 2}, in)
	if c.Stored != 3 || c.Failed != 1 || len(l.stored) != 3 {
		t.Fatalf("%+v, linker saw %d; want 3 stored, the refused one failed", c, len(l.stored))
	}
	d, err := st.Get(context.Background(), "c")
	if err != nil {
		t.Fatal(err)
	}
	if d.Story != "S1" || d.Entities[0].Actor == "" {
		t.Errorf("links not stored: story %q, actor %q", d.Story, d.Entities[0].Actor)
	}
	if _, err := st.Get(context.Background(), "bad"); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("the document whose linking failed was stored: %v", err)
	}
	if probs, err := st.Check(context.Background(), nil); err != nil || len(probs) > 0 {
		t.Fatalf("check: %v %v", probs, err)
	}
}
