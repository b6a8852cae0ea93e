package api

import (
	"errors"
	"net/http"
	"strings"

	"github.com/dossier-news/dossier/link"
	"github.com/dossier-news/dossier/query"
)

// The questions of package query, over HTTP. Their answers are ordered
// lists that query computes whole, so their cursors are offsets: a page
// asks query for everything up to its end. MaxDepth bounds how deep a
// client may page (narrow the question with filters to go further).
const MaxDepth = 5000

// questions declares the routes of package query's questions.
func (a *API) questions() []Route {
	filters := []Param{pSince, pUntil, pSource, pLimit, pCursor}
	with := func(ps ...Param) []Param { return append(ps, filters...) }
	return []Route{
		{Method: "GET", Path: "/api/search", Summary: "Full-text search over articles and quotes, ranked, with highlighted snippets",
			Params: with(Param{Name: "q", In: "query", Doc: "words; a \"quoted phrase\" matches as a phrase, word* as a prefix", Required: true},
				Param{Name: "in", In: "query", Doc: "articles or quotes (default: both, articles first)"}),
			Answer: "list", handler: a.search},
		{Method: "GET", Path: "/api/quotes", Summary: "What was said, by whom, where, when: newest first",
			Params: with(Param{Name: "speaker", In: "query", Doc: "the resolved speaker's name (matches quotes whose source was \"he\")"},
				Param{Name: "about", In: "query", Doc: "words in the quote"}),
			Answer: "list", handler: a.quotes},
		{Method: "GET", Path: "/api/events", Summary: "PLOVER events with actors, recipients and the evidence sentence",
			Params: with(Param{Name: "type", In: "query", Doc: "a PLOVER category: ASSAULT, PROTEST, ..."},
				Param{Name: "actor", In: "query", Doc: "a name among the actors"}, Param{Name: "recipient", In: "query", Doc: "a name among the recipients"},
				Param{Name: "country", In: "query", Doc: "a country a place lies in"},
				Param{Name: "all", In: "query", Doc: "true: negated, future, hypothetical and debris events too"}),
			Answer: "list", handler: a.events},
		{Method: "GET", Path: "/api/figures", Summary: "Casualty and other figures with their bounds and sentence",
			Params: with(Param{Name: "category", In: "query", Doc: "killed, wounded, troops, displaced, ..."}), Answer: "list", handler: a.figures},
		{Method: "GET", Path: "/api/actors", Summary: "The most mentioned actors, with counts",
			Params: with(Param{Name: "type", In: "query", Doc: "PERSON, ORG, GPE, LOC or NORP"}), Answer: "list", handler: a.actors},
		{Method: "GET", Path: "/api/actors/{id}", Summary: "One actor: names, roles, affiliations, statements and events over time",
			Params: append([]Param{{Name: "id", In: "path", Doc: "an actor's key (from /api/actors) or a name", Required: true}}, pSince, pUntil, pSource,
				Param{Name: "limit", In: "query", Doc: "statements and events given, 1-100 (default 20)"}), Answer: "object", handler: a.actor},
		{Method: "GET", Path: "/api/stories", Summary: "The stories linking found, latest first (none before linking)",
			Params: []Param{pLimit, pCursor}, Answer: "list", handler: a.stories},
		{Method: "GET", Path: "/api/stories/{id}", Summary: "One story: its articles with copies folded, its events in date order, and its facts merged across articles with their sources and disagreements",
			Params: []Param{{Name: "id", In: "path", Doc: "the story's id (from /api/stories)", Required: true}}, Answer: "object", handler: a.story},
		{Method: "GET", Path: "/api/timeline", Summary: "Events in date order, oldest first, of one actor or all",
			Params: with(Param{Name: "actor", In: "query", Doc: "a name among the actors or recipients"}), Answer: "list", handler: a.timeline},
	}
}

// window reads a question's filters and its page: the limit, and the
// offset its cursor holds.
func window(r *http.Request) (query.Filter, int, int, error) {
	f := query.Filter{Since: param(r, "since"), Until: param(r, "until"), Source: param(r, "source")}
	for _, d := range []struct{ name, v string }{{"since", f.Since}, {"until", f.Until}} {
		if d.v != "" {
			if err := query.CheckDate(d.v); err != nil {
				return f, 0, 0, bad("%s=%q: %v", d.name, d.v, err)
			}
		}
	}
	limit, err := page(r)
	if err != nil {
		return f, 0, 0, err
	}
	off, err := cursor(r, 'o')
	if err != nil {
		return f, 0, 0, err
	}
	if int(off)+limit > MaxDepth {
		return f, 0, 0, bad("this page lies beyond the first %d answers: narrow the question (since, until, source, ...) instead of paging further", MaxDepth)
	}
	// One more than the page, to know whether another follows.
	f.Limit = int(off) + limit + 1
	return f, limit, int(off), nil
}

// paged answers the page [off, off+limit) of an answer computed up to
// off+limit+1.
func paged[T any](w http.ResponseWriter, all []T, limit, off int) {
	items := []T{}
	if off < len(all) {
		items = all[off:min(len(all), off+limit)]
	}
	next := ""
	if len(all) > off+limit {
		next = encodeCursor('o', int64(off+limit))
	}
	writeJSON(w, List{Items: items, Next: next})
}

// asked turns query's complaints about what was asked into 400s: its
// messages name command-line flags, which here are parameters.
func asked(err error) error {
	if err == nil {
		return nil
	}
	if errors.Is(err, query.ErrNoActor) {
		return notFound{err.Error() + ": see /api/actors for the names stored"}
	}
	msg := err.Error()
	for _, p := range []string{"--", "nothing to search", "search in", "no name given"} {
		if strings.HasPrefix(msg, p) {
			return bad("%s", strings.ReplaceAll(strings.TrimPrefix(msg, "--"), " --", " "))
		}
	}
	if strings.Contains(msg, "matches more than") {
		return bad("%s", msg)
	}
	return err
}

// notFound is a 404 with its message.
type notFound struct{ msg string }

func (n notFound) Error() string { return n.msg }

func (a *API) search(w http.ResponseWriter, r *http.Request) {
	f, limit, off, err := window(r)
	if err != nil {
		fail(w, err)
		return
	}
	in := param(r, "in")
	res, err := query.Search(r.Context(), a.st, param(r, "q"), query.SearchFilter{Filter: f, In: in})
	if err != nil {
		fail(w, asked(err))
		return
	}
	// Articles first, then quotes: each kind ranked whole up to the
	// page's end, laid end to end so that one cursor walks both.
	all := append(append([]query.Hit{}, res.Articles...), res.Quotes...)
	paged(w, all, limit, off)
}

func (a *API) quotes(w http.ResponseWriter, r *http.Request) {
	f, limit, off, err := window(r)
	if err != nil {
		fail(w, err)
		return
	}
	qs, err := query.Quotes(r.Context(), a.st, query.QuoteFilter{Filter: f, Speaker: param(r, "speaker"), About: param(r, "about")})
	if err != nil {
		fail(w, asked(err))
		return
	}
	paged(w, qs, limit, off)
}

// EventFilter reads the events filters of a request (the events page
// shares it).
func EventFilter(r *http.Request, f query.Filter) query.EventFilter {
	return query.EventFilter{Filter: f, Type: strings.ToUpper(param(r, "type")), Actor: param(r, "actor"),
		Recipient: param(r, "recipient"), Country: param(r, "country"), All: param(r, "all") == "true"}
}

func (a *API) events(w http.ResponseWriter, r *http.Request) {
	f, limit, off, err := window(r)
	if err != nil {
		fail(w, err)
		return
	}
	es, err := query.Events(r.Context(), a.st, EventFilter(r, f))
	if err != nil {
		fail(w, asked(err))
		return
	}
	paged(w, es, limit, off)
}

func (a *API) figures(w http.ResponseWriter, r *http.Request) {
	f, limit, off, err := window(r)
	if err != nil {
		fail(w, err)
		return
	}
	fs, err := query.Figures(r.Context(), a.st, query.FigureFilter{Filter: f, Category: param(r, "category")})
	if err != nil {
		fail(w, asked(err))
		return
	}
	paged(w, fs, limit, off)
}

func (a *API) actors(w http.ResponseWriter, r *http.Request) {
	f, limit, off, err := window(r)
	if err != nil {
		fail(w, err)
		return
	}
	as, err := query.Actors(r.Context(), a.st, query.ActorsFilter{Filter: f, Type: strings.ToUpper(param(r, "type"))})
	if err != nil {
		fail(w, asked(err))
		return
	}
	paged(w, as, limit, off)
}

func (a *API) actor(w http.ResponseWriter, r *http.Request) {
	if r.URL.Query().Has("cursor") {
		fail(w, bad("one actor is one answer: there is no cursor; use limit for more statements and events"))
		return
	}
	f, limit, _, err := window(r)
	if err != nil {
		fail(w, err)
		return
	}
	f.Limit = limit
	rep, err := query.ActorByKey(r.Context(), a.st, r.PathValue("id"), f)
	if err != nil {
		fail(w, asked(err))
		return
	}
	writeJSON(w, rep)
}

func (a *API) timeline(w http.ResponseWriter, r *http.Request) {
	f, limit, off, err := window(r)
	if err != nil {
		fail(w, err)
		return
	}
	es, err := query.Timeline(r.Context(), a.st, param(r, "actor"), f)
	if err != nil {
		fail(w, asked(err))
		return
	}
	paged(w, es, limit, off)
}

// maxStories caps the stories listed.
const maxStories = MaxDepth

func (a *API) stories(w http.ResponseWriter, r *http.Request) {
	_, limit, off, err := window(r)
	if err != nil {
		fail(w, err)
		return
	}
	ss, err := query.Stories(r.Context(), a.st, min(off+limit+1, maxStories))
	if err != nil {
		fail(w, err)
		return
	}
	paged(w, ss, limit, off)
}

// StoryAnswer is one story: query's account of its articles and events,
// and link's facts with provenance.
type StoryAnswer struct {
	*query.StoryReport
	Facts *link.StoryReport `json:"facts"`
}

func (a *API) story(w http.ResponseWriter, r *http.Request) {
	id := r.PathValue("id")
	rep, err := query.Story(r.Context(), a.st, id)
	if errors.Is(err, query.ErrNoStory) {
		fail(w, notFound{err.Error() + ": see /api/stories (stories exist once linking has grouped the articles)"})
		return
	}
	if err != nil {
		fail(w, err)
		return
	}
	facts, err := link.Story(r.Context(), a.st, id)
	if err != nil {
		fail(w, err)
		return
	}
	writeJSON(w, StoryAnswer{StoryReport: rep, Facts: facts})
}
