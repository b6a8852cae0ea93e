package store

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/dossier-news/dossier/analyze"
	"github.com/dossier-news/dossier/doc"
	"github.com/dossier-news/dossier/examples"
)

// analysed returns the bundled articles, analysed.
func analysed(t testing.TB) []*doc.Document {
	t.Helper()
	var out []*doc.Document
	p := analyze.Default()
	for _, name := range examples.Names() {
		d := doc.New(name, examples.Text(name))
		d.Published, d.PublishedFrom = "2024-05-16", "flag"
		d.URL = "https://www.example.org/" + name
		if err := p.Process(d); err != nil {
			t.Fatal(err)
		}
		out = append(out, d)
	}
	return out
}

func openTemp(t testing.TB) *Store {
	t.Helper()
	s, err := Open(tempPath(t), Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

func putAll(t testing.TB, s *Store, ds []*doc.Document) {
	t.Helper()
	tx, err := s.Begin(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range ds {
		if _, err := tx.Put(d, nil); err != nil {
			t.Fatal(err)
		}
	}
	if err := tx.Commit(); err != nil {
		t.Fatal(err)
	}
}

// TestPutGet: a stored document reads back as the same JSON, corpus links
// included, and a sound store passes Check.
func TestPutGet(t *testing.T) {
	ctx := context.Background()
	s := openTemp(t)
	ds := analysed(t)
	ds[1].Story, ds[1].DuplicateOf = "S1", ds[0].ID
	ds[1].Entities[0].Actor = "A1"
	putAll(t, s, ds)
	for _, d := range ds {
		got, err := s.Get(ctx, d.ID)
		if err != nil {
			t.Fatal(err)
		}
		a, _ := json.Marshal(d)
		b, _ := json.Marshal(got)
		if !bytes.Equal(a, b) {
			t.Errorf("%s: stored document reads back differently", d.ID)
		}
	}
	if _, err := s.Get(ctx, "nope"); !errors.Is(err, ErrNotFound) {
		t.Errorf("Get(nope) = %v, want ErrNotFound", err)
	}
	probs, err := s.Check(ctx, nil)
	if err != nil || len(probs) > 0 {
		t.Fatalf("Check = %v, %v; want a sound store", probs, err)
	}
	st, err := s.Stats(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if st.Documents != len(ds) || st.Quotes == 0 || st.Entities == 0 || st.ByOutlet[0].Name != "example.org" {
		t.Errorf("Stats = %+v", st)
	}
	n := 0
	if err := s.Each(ctx, func(int64, *doc.Document) error { n++; return nil }); err != nil || n != len(ds) {
		t.Errorf("Each saw %d documents (%v), want %d", n, err, len(ds))
	}
}

// TestCheckFindsDamage: rows removed behind the store's back are reported.
func TestCheckFindsDamage(t *testing.T) {
	ctx := context.Background()
	s := openTemp(t)
	putAll(t, s, analysed(t))
	if _, err := s.db.Exec("DELETE FROM quotes WHERE n = 0"); err != nil {
		t.Fatal(err)
	}
	probs, err := s.Check(ctx, nil)
	if err != nil {
		t.Fatal(err)
	}
	if len(probs) == 0 || !strings.Contains(probs[0].What, "quote 0 is missing") {
		t.Fatalf("Check = %v, want the missing quotes reported", probs)
	}
}

// TestNewerSchemaRefused: a store from a newer dossier is not opened.
func TestNewerSchemaRefused(t *testing.T) {
	path := tempPath(t)
	s, err := Open(path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	s.db.Exec("INSERT INTO schema_version (version, applied) VALUES (?, ?)", Latest+1, now())
	s.Close()
	for _, ro := range []bool{false, true} {
		_, err = Open(path, Options{ReadOnly: ro})
		if err == nil || !strings.Contains(err.Error(), "upgrade dossier") {
			t.Errorf("Open(ReadOnly=%v) of a newer store = %v, want a refusal that says to upgrade", ro, err)
		}
	}
}

func TestOpenMissingReadOnly(t *testing.T) {
	_, err := Open(filepath.Join(t.TempDir(), "none.db"), Options{ReadOnly: true})
	if err == nil || !strings.Contains(err.Error(), "dossier ingest") {
		t.Errorf("Open of a missing store = %v, want advice to ingest", err)
	}
}

func TestHash(t *testing.T) {
	a := Hash("The  minister\nsaid so. ", "")
	if b := Hash(" The minister said\tso.", ""); a != b {
		t.Error("white space changes the hash")
	}
	if b := Hash("The minister said so.", "https://x.example/a"); a == b {
		t.Error("the URL does not change the hash")
	}
	if len(a) != 32 {
		t.Errorf("hash %q is not 32 hex digits", a)
	}
}

func BenchmarkPut(b *testing.B) {
	s := openTemp(b)
	ds := analysed(b)
	encs := make([]*Encoded, len(ds))
	for i, d := range ds {
		encs[i], _ = Encode(d)
	}
	b.ResetTimer()
	tx, _ := s.Begin(context.Background())
	for i := 0; i < b.N; i++ {
		d := *ds[i%len(ds)]
		d.ID = d.ID + "-" + strconv.Itoa(i)
		if _, err := tx.Put(&d, encs[i%len(ds)]); err != nil {
			b.Fatal(err)
		}
		if i%500 == 499 {
			tx.Commit()
			tx, _ = s.Begin(context.Background())
		}
	}
	tx.Commit()
}

var genDict = flag.Bool("gendict", false, "rewrite store/layers.dict from the bundled examples (changes the stored format: only with a new layers format byte)")

// TestLayersDict writes the preset dictionary of the layers' compression
// when asked (-gendict): the bundled articles (written by the project),
// analysed and encoded as the store keeps them, the last 32 KB. The file
// is frozen once stores use it: decoding needs the same bytes.
func TestLayersDict(t *testing.T) {
	if !*genDict {
		if len(layersDict) == 0 || len(layersDict) > 32<<10 {
			t.Fatalf("layers.dict has %d bytes, want 1 to 32768", len(layersDict))
		}
		return
	}
	var all []byte
	for _, d := range analysed(t) {
		blank := *d
		blank.Text, blank.URL = "", ""
		b, err := json.Marshal(&blank)
		if err != nil {
			t.Fatal(err)
		}
		all = append(all, b...)
	}
	if len(all) > 32<<10 {
		all = all[len(all)-32<<10:]
	}
	if err := os.WriteFile("layers.dict", all, 0o644); err != nil {
		t.Fatal(err)
	}
}

// TestReaderMigrates: a reader of a store an older dossier wrote migrates
// it when it may write the file.
func TestReaderMigrates(t *testing.T) {
	path := filepath.Join(t.TempDir(), "t.db")
	s, err := Open(path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	s.db.Exec("DELETE FROM schema_version WHERE version = ?", Latest)
	s.Close()
	r, err := Open(path, Options{ReadOnly: true})
	if err != nil {
		t.Fatalf("a reader of an older store: %v", err)
	}
	defer r.Close()
	if v, _ := r.Version(context.Background()); v != Latest {
		t.Errorf("version %d after a reader opened it, want %d", v, Latest)
	}
}
