package query

import (
	"context"
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"github.com/dossier-news/dossier/analyze"
	"github.com/dossier-news/dossier/doc"
	"github.com/dossier-news/dossier/store"
)

// The test articles, written for these tests: one minister quoted by name
// and by pronoun, a spelling variant that linking ties to him, clashes,
// a protest and figures, over three months and two outlets.
var articles = []struct{ id, published, url, text string }{
	{"a1", "2024-01-15", "https://north-wire.example/a1",
		"Rebels clashed with Malian soldiers near Gao on Monday, killing at least 12 people, the army said.\n\n" +
			"Defence Minister Amara Keita said on Tuesday that the attackers had fled north. " +
			"\"We will not allow them to return to the river towns,\" he told reporters."},
	{"a2", "2024-02-20", "https://south-post.example/a2",
		"Thousands of protesters marched in Bamako on Wednesday to demand the release of detained journalists. " +
			"Police arrested 40 demonstrators, a rights group said.\n\n" +
			"Amara Keita said the government would review the detentions."},
	{"a3", "2024-03-05", "https://north-wire.example/a3",
		"A drone strike hit a convoy in Kidal on March 2, killing five fighters.\n\n" +
			"Minister Amara Keyta said the strike targeted a weapons depot. \"The river towns are safe,\" Keyta said."},
	{"a4", "2024-03-09", "",
		"The mayor of Timbuktu, Fatou Diarra, said the water plant would reopen next month. " +
			"About 300 families remain displaced, she said."},
}

// testStore stores the test articles, analysed, in a new store; linking
// is stood in for by giving the minister's two spellings one actor.
func testStore(t testing.TB) *store.Store {
	t.Helper()
	s, err := store.Open(filepath.Join(t.TempDir(), "q.db"), store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	p := analyze.Default()
	tx, err := s.Begin(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	for _, a := range articles {
		d := doc.New(a.id, a.text)
		d.Published, d.URL = a.published, a.url
		if err := p.Process(d); err != nil {
			t.Fatal(err)
		}
		for i := range d.Entities {
			if n := d.Entities[i].Name; n == "Amara Keita" || n == "Amara Keyta" {
				d.Entities[i].Actor = "A1"
			}
		}
		if _, err := tx.Put(d, nil); err != nil {
			t.Fatal(err)
		}
	}
	if err := tx.Commit(); err != nil {
		t.Fatal(err)
	}
	return s
}

func TestNames(t *testing.T) {
	s := testStore(t)
	ctx := context.Background()
	cases := []struct {
		asked string
		want  []string
	}{
		{"Keita", []string{"Amara Keita", "Amara Keyta"}}, // the variant through the actor
		{"amara keita", []string{"Amara Keita", "Amara Keyta"}},
		{"Diarra", []string{"Fatou Diarra"}},
		{"Nobody", nil},
		{"\"Keita", []string{"Amara Keita", "Amara Keyta"}}, // an unbalanced quote is no error
	}
	for _, c := range cases {
		got, err := Names(ctx, s.DB(), c.asked)
		if err != nil {
			t.Fatalf("Names(%q): %v", c.asked, err)
		}
		if strings.Join(got, "|") != strings.Join(c.want, "|") {
			t.Errorf("Names(%q) = %q, want %q", c.asked, got, c.want)
		}
	}
	if _, err := Names(ctx, s.DB(), " ,. "); err == nil {
		t.Error("Names of no words: no error")
	}
}

// checkEvidence checks that an answer's evidence is the stored text at its
// offsets.
func checkEvidence(t *testing.T, s *store.Store, d Doc, ev Evidence) {
	t.Helper()
	text, err := s.Text(context.Background(), d.n)
	if err != nil {
		t.Fatal(err)
	}
	if ev.Start < 0 || ev.End > len(text) || text[ev.Start:ev.End] != ev.Text {
		t.Errorf("%s: evidence %d-%d %q is not the text there", d.ID, ev.Start, ev.End, ev.Text)
	}
}

func TestQuotes(t *testing.T) {
	s := testStore(t)
	ctx := context.Background()
	cases := []struct {
		name string
		f    QuoteFilter
		want []string // doc id and the start of the content, newest stored first
	}{
		{"by speaker, pronoun and variant", QuoteFilter{Speaker: "Keita"},
			[]string{"a3 The river towns", "a3 the strike", "a2 the government", "a1 We will not", "a1 that the attackers"}},
		{"about", QuoteFilter{About: "river towns"}, []string{"a3 The river towns", "a1 We will not"}},
		{"speaker and about", QuoteFilter{Speaker: "Keita", About: "detentions"}, []string{"a2 the government"}},
		{"since", QuoteFilter{Speaker: "Keita", Filter: Filter{Since: "2024-02"}},
			[]string{"a3 The river towns", "a3 the strike", "a2 the government"}},
		{"until", QuoteFilter{Speaker: "Keita", Filter: Filter{Until: "2024-01"}}, []string{"a1 We will not", "a1 that the attackers"}},
		{"source", QuoteFilter{Speaker: "Keita", Filter: Filter{Source: "south-post.example"}}, []string{"a2 the government"}},
		{"limit", QuoteFilter{Speaker: "Keita", Filter: Filter{Limit: 1}}, []string{"a3 The river towns"}},
		{"nobody", QuoteFilter{Speaker: "Nobody"}, nil},
	}
	for _, c := range cases {
		got, err := Quotes(ctx, s, c.f)
		if err != nil {
			t.Fatalf("%s: %v", c.name, err)
		}
		var ids []string
		for _, q := range got {
			checkEvidence(t, s, q.Doc, q.Content)
			ids = append(ids, q.Doc.ID+" "+q.Content.Text)
		}
		if len(ids) != len(c.want) {
			t.Errorf("%s: got %q, want %q", c.name, ids, c.want)
			continue
		}
		for i := range ids {
			if !strings.HasPrefix(ids[i], c.want[i]) {
				t.Errorf("%s: answer %d is %q, want %q...", c.name, i, ids[i], c.want[i])
			}
		}
	}
	got, _ := Quotes(ctx, s, QuoteFilter{Speaker: "Keita", About: "return"})
	if len(got) != 1 || got[0].Source != "he" || got[0].Speaker != "Amara Keita" || got[0].Actor != "A1" {
		t.Errorf("the pronoun's quote: %+v", got)
	}
	if _, err := Quotes(ctx, s, QuoteFilter{Filter: Filter{Since: "March"}}); err == nil || !strings.Contains(err.Error(), "--since") {
		t.Errorf("a bad date: %v", err)
	}
}

func TestSearch(t *testing.T) {
	s := testStore(t)
	ctx := context.Background()
	res, err := Search(ctx, s, "river towns", SearchFilter{})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Articles) != 2 || len(res.Quotes) != 2 {
		t.Fatalf("articles %d, quotes %d: %+v", len(res.Articles), len(res.Quotes), res)
	}
	for _, h := range append(res.Articles, res.Quotes...) {
		checkEvidence(t, s, h.Doc, h.Snippet)
		if len(h.Highlights) == 0 {
			t.Errorf("%s: no highlight in %q", h.Doc.ID, h.Snippet.Text)
		}
		text, _ := s.Text(ctx, h.Doc.n)
		for _, m := range h.Highlights {
			if w := strings.ToLower(text[m.Start:m.End]); w != "river" && w != "towns" {
				t.Errorf("%s: highlight %q", h.Doc.ID, text[m.Start:m.End])
			}
		}
	}
	if res.Quotes[0].Quote.Speaker == "" {
		t.Errorf("a quote hit without its speaker: %+v", res.Quotes[0])
	}
	// prefix, phrase, filters
	for _, c := range []struct {
		q        string
		f        SearchFilter
		articles int
	}{
		{"protest*", SearchFilter{}, 1},
		{"\"drone strike\"", SearchFilter{}, 1},
		{"\"strike drone\"", SearchFilter{}, 0},
		{"Keita", SearchFilter{Filter: Filter{Source: "north-wire.example"}}, 1},
		{"Keita", SearchFilter{Filter: Filter{Since: "2024-02-01", Until: "2024-02-29"}}, 1},
		{"said", SearchFilter{In: "articles", Filter: Filter{Limit: 2}}, 2},
		{"AND OR NOT (", SearchFilter{}, 0}, // FTS syntax words are words
	} {
		res, err := Search(ctx, s, c.q, c.f)
		if err != nil {
			t.Fatalf("%q: %v", c.q, err)
		}
		if len(res.Articles) != c.articles {
			t.Errorf("%q %+v: %d articles, want %d", c.q, c.f, len(res.Articles), c.articles)
		}
	}
	if _, err := Search(ctx, s, "  ", SearchFilter{}); err == nil {
		t.Error("an empty search: no error")
	}
}

func TestEvents(t *testing.T) {
	s := testStore(t)
	ctx := context.Background()
	all, err := Events(ctx, s, EventFilter{})
	if err != nil {
		t.Fatal(err)
	}
	if len(all) == 0 {
		t.Fatal("no events")
	}
	for _, e := range all {
		checkEvidence(t, s, e.Doc, e.Trigger)
		checkEvidence(t, s, e.Doc, e.Evidence)
	}
	cases := []struct {
		name string
		f    EventFilter
		want []string // doc and type
	}{
		{"type", EventFilter{Type: "assault"}, []string{"a3 ASSAULT", "a1 ASSAULT"}},
		{"country", EventFilter{Type: "ASSAULT", Country: "Mali"}, []string{"a3 ASSAULT", "a1 ASSAULT"}},
		{"recipient", EventFilter{Recipient: "Malian soldiers"}, []string{"a1 ASSAULT"}},
		{"actor", EventFilter{Actor: "police"}, []string{"a2 COERCE"}},
		{"by the event's date", EventFilter{Type: "ASSAULT", Filter: Filter{Since: "2024-03-01", Until: "2024-03-03"}}, []string{"a3 ASSAULT"}},
	}
	for _, c := range cases {
		got, err := Events(ctx, s, c.f)
		if err != nil {
			t.Fatalf("%s: %v", c.name, err)
		}
		var ids []string
		for _, e := range got {
			ids = append(ids, e.Doc.ID+" "+e.Type)
		}
		if strings.Join(ids, ",") != strings.Join(c.want, ",") {
			t.Errorf("%s: %q, want %q", c.name, ids, c.want)
		}
	}
	if _, err := Events(ctx, s, EventFilter{Type: "CRIME"}); err == nil {
		t.Error("an unknown type: no error")
	}
	tl, err := Timeline(ctx, s, "", Filter{})
	if err != nil {
		t.Fatal(err)
	}
	for i := 1; i < len(tl); i++ {
		if tl[i].Date < tl[i-1].Date {
			t.Errorf("timeline out of order: %s after %s", tl[i].Date, tl[i-1].Date)
		}
	}
}

func TestFigures(t *testing.T) {
	s := testStore(t)
	ctx := context.Background()
	got, err := Figures(ctx, s, FigureFilter{Category: "killed"})
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 2 || got[0].Value != 5 || got[1].Value != 12 || got[1].Bound != "min" {
		t.Fatalf("killed: %+v", got)
	}
	for _, f := range got {
		checkEvidence(t, s, f.Doc, f.Text)
		checkEvidence(t, s, f.Doc, f.Context)
	}
	if !strings.HasPrefix(got[1].Context.Text, "Rebels clashed") || !strings.HasSuffix(got[1].Context.Text, "the army said.") {
		t.Errorf("context %q", got[1].Context.Text)
	}
}

func TestActors(t *testing.T) {
	s := testStore(t)
	ctx := context.Background()
	top, err := Actors(ctx, s, ActorsFilter{Type: "PERSON"})
	if err != nil {
		t.Fatal(err)
	}
	if len(top) == 0 || top[0].Key != "A1" || top[0].Documents != 3 {
		t.Fatalf("actors: %+v", top)
	}
	r, err := Actor(ctx, s, "Keita", Filter{})
	if err != nil {
		t.Fatal(err)
	}
	if r.Documents != 3 || len(r.Names) != 2 || len(r.Statements) != 5 || r.First != "2024-01-15" || r.Last != "2024-03-05" {
		t.Errorf("actor: %+v", r)
	}
	if len(r.Roles) == 0 || !strings.Contains(strings.ToLower(r.Roles[0].Value), "minister") {
		t.Errorf("roles: %+v", r.Roles)
	}
	if _, err := Actor(ctx, s, "Nobody", Filter{}); err == nil {
		t.Error("an unknown actor: no error")
	}
}

func TestIdentities(t *testing.T) {
	rows := []entityRow{
		{doc: 1, name: "Grace Abara", typ: "PERSON", mentions: 5},
		{doc: 2, name: "Grace Abara", typ: "PERSON", mentions: 4},
		{doc: 3, name: "Joseph Abara", typ: "PERSON", mentions: 2},
		{doc: 4, name: "Amara Keita", actor: "A1", mentions: 3},
		{doc: 5, name: "Amara Keyta", actor: "A1", mentions: 1},
		{doc: 6, name: "Keita", actor: "A1", mentions: 1},
	}
	got := identities(rows)
	var keys []string
	for _, g := range got {
		keys = append(keys, fmt.Sprintf("%s %s %d/%d %v", g.count.Key, g.count.Name, g.count.Mentions, g.count.Documents, g.names))
	}
	want := []string{
		"Grace Abara Grace Abara 9/2 [Grace Abara]",
		"A1 Amara Keita 5/3 [Amara Keita Amara Keyta Keita]",
		"Joseph Abara Joseph Abara 2/1 [Joseph Abara]",
	}
	if strings.Join(keys, "|") != strings.Join(want, "|") {
		t.Errorf("identities:\n%s\nwant\n%s", strings.Join(keys, "\n"), strings.Join(want, "\n"))
	}
}
