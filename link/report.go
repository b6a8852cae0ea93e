package link

import (
	"context"
	"errors"
	"fmt"
	"io"
	"sort"
	"strings"

	"github.com/dossier-news/dossier/doc"
	"github.com/dossier-news/dossier/store"
)

// StoryReport is what the store knows of one story: its articles with
// their copies folded, its actors, and its facts with provenance.
type StoryReport struct {
	Story      string         `json:"story"`
	Articles   []StoryArticle `json:"articles"`
	Copies     int            `json:"copies"`
	Actors     []StoryActor   `json:"actors"`
	Statements []QuoteFact    `json:"statements"`
	Events     []EventFact    `json:"events"`
	Figures    []FigureFact   `json:"figures"`
}

// StoryArticle is one original article of a story and its copies.
type StoryArticle struct {
	ID        string   `json:"id"`
	Title     string   `json:"title,omitempty"`
	Published string   `json:"published,omitempty"`
	Copies    []string `json:"copies,omitempty"`
}

// StoryActor is one actor of a story: its names and in how many of the
// story's articles it appears.
type StoryActor struct {
	Actor     string   `json:"actor"`
	Name      string   `json:"name"`
	Type      string   `json:"type"`
	Names     []string `json:"names,omitempty"`
	Documents int      `json:"documents"`
}

// ErrNoStory is returned when no stored document has the story asked for.
var ErrNoStory = errors.New("no stored document has this story id")

// Story reports one story of the store.
func Story(ctx context.Context, st *store.Store, id string) (*StoryReport, error) {
	rows, err := st.DB().QueryContext(ctx, `SELECT id FROM documents WHERE story = ? ORDER BY doc`, id)
	if err != nil {
		return nil, fmt.Errorf("reading story %s: %w", id, err)
	}
	var ids []string
	for rows.Next() {
		var s string
		if err := rows.Scan(&s); err != nil {
			rows.Close()
			return nil, err
		}
		ids = append(ids, s)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, err
	}
	if len(ids) == 0 {
		return nil, fmt.Errorf("%s: %w", id, ErrNoStory)
	}
	var docs []*doc.Document
	for _, x := range ids {
		d, err := st.Get(ctx, x)
		if err != nil {
			return nil, fmt.Errorf("reading %q of story %s: %w", x, id, err)
		}
		docs = append(docs, d)
	}
	return StoryOf(id, docs), nil
}

// StoryOf makes the report of a story from its documents.
func StoryOf(id string, docs []*doc.Document) *StoryReport {
	orig, copies := FoldCopies(docs)
	r := &StoryReport{Story: id, Copies: len(docs) - len(orig)}
	for _, d := range orig {
		r.Articles = append(r.Articles, StoryArticle{ID: d.ID, Title: d.Title, Published: d.Published, Copies: copies[d.ID]})
	}
	type acc struct {
		a     StoryActor
		docs  map[string]bool
		names map[string]int
	}
	byActor := map[string]*acc{}
	for _, d := range orig {
		for i, e := range d.Entities {
			id := actorOfEntity(d, i)
			x := byActor[id]
			if x == nil {
				x = &acc{a: StoryActor{Actor: id, Type: string(e.Type)}, docs: map[string]bool{}, names: map[string]int{}}
				byActor[id] = x
			}
			x.docs[d.ID] = true
			x.names[e.Name] += len(e.Mentions)
		}
	}
	for _, x := range byActor {
		x.a.Documents = len(x.docs)
		for n := range x.names {
			x.a.Names = append(x.a.Names, n)
		}
		sort.Slice(x.a.Names, func(i, j int) bool {
			ni, nj := x.names[x.a.Names[i]], x.names[x.a.Names[j]]
			return ni > nj || ni == nj && x.a.Names[i] < x.a.Names[j]
		})
		x.a.Name = x.a.Names[0]
		x.a.Names = x.a.Names[1:]
		r.Actors = append(r.Actors, x.a)
	}
	sort.Slice(r.Actors, func(i, j int) bool {
		a, b := r.Actors[i], r.Actors[j]
		return a.Documents > b.Documents || a.Documents == b.Documents && a.Actor < b.Actor
	})
	r.Statements = GroupQuotes(orig, copies)
	r.Events = GroupEvents(orig, copies)
	r.Figures = GroupFigures(orig, copies)
	return r
}

// WriteText writes the report for a person.
func (r *StoryReport) WriteText(w io.Writer) error {
	var b strings.Builder
	fmt.Fprintf(&b, "Story %s: %d article(s), %d copies folded\n\nArticles\n", r.Story, len(r.Articles), r.Copies)
	for _, a := range r.Articles {
		fmt.Fprintf(&b, "  %s", a.ID)
		if a.Published != "" {
			fmt.Fprintf(&b, " (%s)", a.Published)
		}
		if a.Title != "" {
			fmt.Fprintf(&b, " %s", a.Title)
		}
		if len(a.Copies) > 0 {
			fmt.Fprintf(&b, " [copies: %s]", strings.Join(a.Copies, ", "))
		}
		b.WriteString("\n")
	}
	b.WriteString("\nActors (in how many articles)\n")
	for _, a := range r.Actors {
		fmt.Fprintf(&b, "  %-8s %s (%s) %d", a.Actor, a.Name, a.Type, a.Documents)
		if len(a.Names) > 0 {
			fmt.Fprintf(&b, "; also %s", strings.Join(a.Names, ", "))
		}
		b.WriteString("\n")
	}
	b.WriteString("\nStatements\n")
	for _, q := range r.Statements {
		who := q.Name
		if who == "" {
			who = "(speaker unknown)"
		}
		fmt.Fprintf(&b, "  %s: %q\n    in %s\n", who, q.Content, sourceList(q.Sources))
	}
	b.WriteString("\nEvents\n")
	for _, e := range r.Events {
		fmt.Fprintf(&b, "  %s %s -> %s\n    in %s\n", e.Type, orDash(e.Actor), orDash(e.Recipient), sourceList(e.Sources))
	}
	b.WriteString("\nFigures\n")
	for _, f := range r.Figures {
		fmt.Fprintf(&b, "  %s", f.Category)
		if f.Disagree {
			b.WriteString(" (the sources disagree)")
		}
		b.WriteString("\n")
		for _, v := range f.Values {
			fmt.Fprintf(&b, "    %s %s in %s\n", FormatValue(v.Value), v.Bound, sourceList(v.Sources))
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}

func orDash(s string) string {
	if s == "" {
		return "-"
	}
	return s
}

// sourceList names the documents of a fact, with their folded copies.
func sourceList(ss []Source) string {
	var parts []string
	for _, s := range ss {
		p := s.Doc
		if len(s.Copies) > 0 {
			p += " (+" + fmt.Sprint(len(s.Copies)) + " copies)"
		}
		parts = append(parts, p)
	}
	return fmt.Sprintf("%d document(s): %s", len(ss), strings.Join(parts, ", "))
}
