package query

// This file (the serve helper's) answers the questions about stories that
// linking makes (documents.story, duplicate_of) and about who appears
// with whom, for the API and the pages.

import (
	"context"
	"fmt"
	"sort"

	"github.com/dossier-news/dossier/store"
)

// StorySummary is one story: how many articles tell it, and when.
type StorySummary struct {
	ID        string `json:"id"`
	Title     string `json:"title"` // the title of its first article
	Documents int    `json:"documents"`
	Copies    int    `json:"copies"` // articles that republish another
	First     string `json:"first,omitempty"`
	Last      string `json:"last,omitempty"`
}

// Stories lists the stories linking found, the latest first (by their
// last article's date), at most limit. None before linking has run.
func Stories(ctx context.Context, s *store.Store, limit int) ([]StorySummary, error) {
	q := `SELECT story, count(*), count(duplicate_of), coalesce(min(published), ''), coalesce(max(published), ''),
		(SELECT coalesce(d2.title, d2.id) FROM documents d2 WHERE d2.story = d.story ORDER BY d2.published, d2.doc LIMIT 1)
		FROM documents d WHERE story IS NOT NULL AND story != '' GROUP BY story ORDER BY 5 DESC, story LIMIT ?`
	var out []StorySummary
	var r StorySummary
	err := scanRows(ctx, s.DB(), q, []any{limit}, []any{&r.ID, &r.Documents, &r.Copies, &r.First, &r.Last, &r.Title}, func() (bool, error) {
		out = append(out, r)
		return true, nil
	})
	return out, err
}

// StoryReport is one story: its articles oldest first, each copy folded
// under the article it republishes, and its events in date order. The
// facts merged across its articles, with provenance and disagreements,
// are package link's (link.Story).
type StoryReport struct {
	StorySummary
	Articles []StoryArticle `json:"articles"`
	Events   []Event        `json:"events"`
}

// StoryArticle is an article of a story with its copies.
type StoryArticle struct {
	DocumentSummary
	Copies []DocumentSummary `json:"copies,omitempty"`
}

// storyMax caps the articles of a story read at once.
const storyMax = 500

// Story answers "what is this story": ErrNoStory when no document has it.
func Story(ctx context.Context, s *store.Store, id string) (*StoryReport, error) {
	docs, _, err := ListDocuments(ctx, s, DocumentsFilter{Story: id, Limit: storyMax})
	if err != nil {
		return nil, err
	}
	if len(docs) == 0 {
		return nil, fmt.Errorf("%w: %q", ErrNoStory, id)
	}
	sort.SliceStable(docs, func(i, j int) bool {
		if docs[i].Published != docs[j].Published {
			return docs[i].Published < docs[j].Published
		}
		return docs[i].Seq < docs[j].Seq
	})
	r := &StoryReport{StorySummary: StorySummary{ID: id, Documents: len(docs), First: docs[0].Published, Last: docs[len(docs)-1].Published}}
	r.Title = docs[0].Title
	at := map[string]int{}
	var copies []DocumentSummary
	for _, d := range docs {
		if d.DuplicateOf != "" {
			copies = append(copies, d)
			continue
		}
		at[d.ID] = len(r.Articles)
		r.Articles = append(r.Articles, StoryArticle{DocumentSummary: d})
	}
	r.Copies = len(copies)
	for _, c := range copies {
		if i, ok := at[c.DuplicateOf]; ok {
			r.Articles[i].Copies = append(r.Articles[i].Copies, c)
		} else {
			// Its original is in another story, or not stored: show it
			// as an article of its own.
			r.Articles = append(r.Articles, StoryArticle{DocumentSummary: c})
		}
	}
	if r.Events, err = storyEvents(ctx, s, id); err != nil {
		return nil, err
	}
	return r, nil
}

// ErrNoStory is returned when no stored document tells the story asked for.
var ErrNoStory = fmt.Errorf("no stored document belongs to this story")

// storyEvents are the reportable events of a story's articles, copies
// left out, in date order.
func storyEvents(ctx context.Context, s *store.Store, id string) ([]Event, error) {
	return timeline(ctx, s, EventFilter{Filter: Filter{Limit: storyMax * 20}, story: id})
}

// CoActors answers "who appears with them": the actors mentioned in the
// documents where any of names is, by documents shared, at most limit.
func CoActors(ctx context.Context, s *store.Store, names []string, limit int) ([]ActorCount, error) {
	if len(names) == 0 {
		return nil, nil
	}
	var w where
	w.in("e1.name", names)
	var not where
	not.in("e2.name", names)
	q := `SELECT coalesce(e2.actor, e2.name) AS k, max(e2.name), max(e2.type), count(DISTINCT e2.doc), sum(e2.mentions)
		FROM entities e1 JOIN entities e2 ON e2.doc = e1.doc` + w.sql() + ` AND NOT (` + not.conds[0] + `)
		GROUP BY k ORDER BY 4 DESC, 5 DESC, k LIMIT ?`
	var out []ActorCount
	var r ActorCount
	err := scanRows(ctx, s.DB(), q, append(append(w.args, not.args...), limit), []any{&r.Key, &r.Name, &r.Type, &r.Documents, &r.Mentions}, func() (bool, error) {
		out = append(out, r)
		return true, nil
	})
	return out, err
}
