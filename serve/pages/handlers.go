package pages

import (
	"errors"
	"net/http"
	"slices"
	"strconv"
	"strings"

	"github.com/dossier-news/dossier/doc"
	"github.com/dossier-news/dossier/link"
	"github.com/dossier-news/dossier/query"
)

// documents is the home page: what the store holds, newest stored first.
func (p *Pages) documents(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	before, _ := strconv.ParseInt(q.Get("before"), 10, 64)
	f := query.DocumentsFilter{Since: q.Get("since"), Until: q.Get("until"), Source: q.Get("source"), Before: before, Limit: 50}
	for _, d := range []string{f.Since, f.Until} {
		if d != "" {
			if err := query.CheckDate(d); err != nil {
				p.fail(w, r, http.StatusBadRequest, "The date "+strconv.Quote(d)+" is "+err.Error())
				return
			}
		}
	}
	docs, next, err := query.ListDocuments(r.Context(), p.st, f)
	if err != nil {
		p.failErr(w, r, err)
		return
	}
	stories, err := query.Stories(r.Context(), p.st, 20)
	if err != nil {
		p.failErr(w, r, err)
		return
	}
	st, err := p.st.Stats(r.Context())
	if err != nil {
		p.failErr(w, r, err)
		return
	}
	p.render(w, r, http.StatusOK, "documents", view{Title: "Documents", Section: "documents", Data: map[string]any{
		"Docs": docs, "Next": next, "Stories": stories, "Stats": st}})
}

// articleView is what the article page shows.
type articleView struct {
	Doc      *doc.Document
	Paras    []Paragraph
	Entities []entityRow
	Quotes   []quoteRow
	Events   []eventRow
	Figures  []figureRow
	Dates    []doc.Timex
	Flags    []flagRow
	Debris   int
}

type entityRow struct {
	*doc.Entity
	Href     string
	Class    string // the speaker colour, "" when the entity says nothing
	Quotes   int
	Mentions int
}

type quoteRow struct {
	N                    int
	Kind                 string
	Speaker, Href, Class string
	Content, Cue, Source string
	Debris               bool
}

type eventRow struct {
	*doc.Event
	N                  int
	Actors, Recipients string
	Trigger, Evidence  string
	Notes              []string
}

type figureRow struct {
	doc.Quantity
	Text, Read string
}

type flagRow struct {
	doc.Flag
	Text string
}

// document is the article page: the text with its layers, and beside it
// the actors, statements, events, figures, dates and flags.
func (p *Pages) document(w http.ResponseWriter, r *http.Request) {
	d, err := p.st.Get(r.Context(), r.PathValue("id"))
	if err != nil {
		p.failErr(w, r, err)
		return
	}
	p.render(w, r, http.StatusOK, "document", view{Title: title(d), Section: "documents", Data: article(d)})
}

func title(d *doc.Document) string {
	if d.Title != "" {
		return d.Title
	}
	return d.ID
}

// article gathers what the article page shows of d.
func article(d *doc.Document) *articleView {
	v := &articleView{Doc: d, Paras: Render(d), Dates: d.Timexes}
	colours := speakerColours(d)
	said := map[int]int{}
	for _, q := range d.Quotes {
		said[q.Speaker]++
	}
	for i := range d.Entities {
		e := &d.Entities[i]
		v.Entities = append(v.Entities, entityRow{Entity: e, Href: ActorHref(e), Class: colours[i], Quotes: said[i], Mentions: len(e.Mentions)})
	}
	slices.SortStableFunc(v.Entities, func(a, b entityRow) int { return (b.Quotes*1000 + b.Mentions) - (a.Quotes*1000 + a.Mentions) })
	for i, q := range d.Quotes {
		row := quoteRow{N: i, Kind: string(q.Kind), Class: "sp-none", Content: d.Slice(q.Content), Cue: d.Slice(q.Cue), Source: d.Slice(q.Source),
			Debris: d.Flagged(q.Content)}
		if q.Speaker >= 0 && q.Speaker < len(d.Entities) {
			e := &d.Entities[q.Speaker]
			row.Speaker, row.Href, row.Class = e.Name, ActorHref(e), colours[q.Speaker]
		}
		v.Quotes = append(v.Quotes, row)
	}
	for i := range d.Events {
		e := &d.Events[i]
		row := eventRow{Event: e, N: i, Actors: argNames(e.Actor), Recipients: argNames(e.Recipient), Trigger: d.Slice(e.Trigger)}
		if e.Sentence >= 0 && e.Sentence < len(d.Sentences) {
			row.Evidence = d.Slice(d.Sentences[e.Sentence].Span)
		}
		if e.Negated {
			row.Notes = append(row.Notes, "negated")
		}
		if e.Modality != "" {
			row.Notes = append(row.Notes, e.Modality)
		}
		if e.Debris {
			row.Notes = append(row.Notes, "in debris")
		}
		v.Events = append(v.Events, row)
	}
	for _, q := range d.Quantities {
		if !q.Ordinal {
			v.Figures = append(v.Figures, figureRow{Quantity: q, Text: d.Slice(q.Span), Read: FigureTitle(q)})
		}
	}
	for _, f := range d.Flags {
		v.Flags = append(v.Flags, flagRow{Flag: f, Text: d.Slice(f.Span)})
		if f.Kind.Debris() {
			v.Debris++
		}
	}
	return v
}

func argNames(as []doc.Argument) string {
	var names []string
	for _, a := range as {
		names = append(names, a.Name)
	}
	return strings.Join(names, ", ")
}

// actors lists the most mentioned actors.
func (p *Pages) actors(w http.ResponseWriter, r *http.Request) {
	f, err := filter(r, 200)
	if err != nil {
		p.failErr(w, r, err)
		return
	}
	as, err := query.Actors(r.Context(), p.st, query.ActorsFilter{Filter: f, Type: strings.ToUpper(r.URL.Query().Get("type"))})
	if err != nil {
		p.failErr(w, r, err)
		return
	}
	p.render(w, r, http.StatusOK, "actors", view{Title: "Actors", Section: "actors", Data: as})
}

// actorView is what the actor page shows.
type actorView struct {
	*query.ActorReport
	Name                 string
	AsActor, AsRecipient []query.Event
	With                 []query.ActorCount
	Timeline             *Chart
}

// actor is one actor's page: names and roles, statements, events as
// actor and as recipient, and who they appear with.
func (p *Pages) actor(w http.ResponseWriter, r *http.Request) {
	f, err := filter(r, 100)
	if err != nil {
		p.failErr(w, r, err)
		return
	}
	rep, err := query.ActorByKey(r.Context(), p.st, r.PathValue("id"), f)
	if err != nil {
		p.failErr(w, r, err)
		return
	}
	v := actorView{ActorReport: rep, Name: rep.Asked}
	var names []string
	for _, n := range rep.Names {
		names = append(names, n.Value)
	}
	if len(rep.Names) > 0 {
		v.Name = rep.Names[0].Value
	}
	for _, e := range rep.Events {
		if slices.ContainsFunc(e.Actor, func(a string) bool { return slices.Contains(names, a) }) {
			v.AsActor = append(v.AsActor, e)
		} else {
			v.AsRecipient = append(v.AsRecipient, e)
		}
	}
	if v.With, err = query.CoActors(r.Context(), p.st, names, 15); err != nil {
		p.failErr(w, r, err)
		return
	}
	v.Timeline = EventChart(rep.Events, "Events of "+v.Name)
	p.render(w, r, http.StatusOK, "actor", view{Title: v.Name, Section: "actors", Data: v})
}

// story is a story's page: its articles with copies folded, a timeline,
// its events and its figures with where sources disagree.
func (p *Pages) story(w http.ResponseWriter, r *http.Request) {
	rep, err := query.Story(r.Context(), p.st, r.PathValue("id"))
	if errors.Is(err, query.ErrNoStory) {
		p.fail(w, r, http.StatusNotFound, err.Error()+". Stories appear once linking has grouped the stored articles; the home page lists them.")
		return
	}
	if err != nil {
		p.failErr(w, r, err)
		return
	}
	facts, err := link.Story(r.Context(), p.st, rep.ID)
	if err != nil {
		p.failErr(w, r, err)
		return
	}
	p.render(w, r, http.StatusOK, "story", view{Title: rep.Title, Section: "documents", Data: map[string]any{
		"Story": rep, "Facts": facts, "Chart": EventChart(rep.Events, "Events of the story")}})
}

// search is full-text search with filters: dates and source for all,
// a speaker for the quotes, an event type for events.
func (p *Pages) search(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	text, speaker, typ := strings.TrimSpace(q.Get("q")), strings.TrimSpace(q.Get("speaker")), strings.TrimSpace(q.Get("type"))
	data := map[string]any{"Q": text, "Speaker": speaker, "Type": typ, "Types": PLOVER}
	f, err := filter(r, 30)
	if err != nil {
		p.failErr(w, r, err)
		return
	}
	asked := text != "" || speaker != "" || typ != ""
	data["Asked"] = asked
	if text != "" && speaker == "" {
		res, err := query.Search(r.Context(), p.st, text, query.SearchFilter{Filter: f, In: q.Get("in")})
		if err != nil {
			p.failErr(w, r, err)
			return
		}
		data["Result"] = res
	}
	if speaker != "" {
		qs, err := query.Quotes(r.Context(), p.st, query.QuoteFilter{Filter: f, Speaker: speaker, About: text})
		if err != nil {
			p.failErr(w, r, err)
			return
		}
		data["Quotes"] = qs
	}
	if typ != "" {
		es, err := query.Events(r.Context(), p.st, query.EventFilter{Filter: f, Type: typ})
		if err != nil {
			p.failErr(w, r, err)
			return
		}
		data["Events"] = es
	}
	p.render(w, r, http.StatusOK, "search", view{Title: "Search", Section: "search", Data: data})
}

// PLOVER is the list of event types offered in the filters.
var PLOVER = []string{"AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
	"ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"}

// eventFilter reads the events page's filters.
func eventFilter(r *http.Request, limit int) (query.EventFilter, error) {
	f, err := filter(r, limit)
	q := r.URL.Query()
	return query.EventFilter{Filter: f, Type: strings.ToUpper(strings.TrimSpace(q.Get("type"))), Actor: strings.TrimSpace(q.Get("actor")),
		Recipient: strings.TrimSpace(q.Get("recipient")), Country: strings.TrimSpace(q.Get("country")), All: q.Get("all") == "on"}, err
}

// filteredEvents answers the events the request's filters select, at
// most limit; false when it answered an error page.
func (p *Pages) filteredEvents(w http.ResponseWriter, r *http.Request, limit int) ([]query.Event, bool) {
	f, err := eventFilter(r, limit)
	var es []query.Event
	if err == nil {
		es, err = query.Events(r.Context(), p.st, f)
	}
	if err != nil {
		p.failErr(w, r, err)
		return nil, false
	}
	return es, true
}

// events is the events table with filters.
func (p *Pages) events(w http.ResponseWriter, r *http.Request) {
	if es, ok := p.filteredEvents(w, r, 200); ok {
		p.render(w, r, http.StatusOK, "events", view{Title: "Events", Section: "events", Data: map[string]any{
			"Events": es, "Types": PLOVER, "CSV": "/events.csv?" + r.URL.RawQuery}})
	}
}

// eventsCSV downloads the events the same filters select, as query's CSV.
func (p *Pages) eventsCSV(w http.ResponseWriter, r *http.Request) {
	if es, ok := p.filteredEvents(w, r, 100000); ok {
		w.Header().Set("Content-Type", "text/csv; charset=utf-8")
		w.Header().Set("Content-Disposition", `attachment; filename="dossier-events.csv"`)
		query.Write(w, "csv", es)
	}
}

// timeline is the events over time: a chart drawn on the server and the
// events in date order.
func (p *Pages) timeline(w http.ResponseWriter, r *http.Request) {
	f, err := filter(r, 2000)
	if err != nil {
		p.failErr(w, r, err)
		return
	}
	actor := strings.TrimSpace(r.URL.Query().Get("actor"))
	es, err := query.Timeline(r.Context(), p.st, actor, f)
	if err != nil {
		p.failErr(w, r, err)
		return
	}
	name := "all actors"
	if actor != "" {
		name = actor
	}
	p.render(w, r, http.StatusOK, "timeline", view{Title: "Timeline", Section: "timeline", Data: map[string]any{
		"Events": es, "Actor": actor, "Chart": EventChart(es, "Events of "+name+" over time")}})
}
