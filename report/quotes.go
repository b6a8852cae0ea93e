package report

import (
	"fmt"
	"io"

	"github.com/dossier-news/dossier/doc"
)

// The quotes section: who said what. Statements are grouped by speaker (the
// resolved entity, or the source as written when the actors stage could not
// resolve it), speakers in order of their first statement, each statement in
// text order with its kind, cue and offsets.
func init() {
	Register(Section{Title: "who said what", Render: renderQuotes})
}

func renderQuotes(w io.Writer, d *doc.Document) {
	if len(d.Quotes) == 0 {
		return
	}
	type group struct {
		name string
		qs   []int
	}
	var groups []*group
	byKey := map[string]*group{}
	for i, q := range d.Quotes {
		key, name := "", ""
		switch {
		case q.Speaker >= 0 && q.Speaker < len(d.Entities):
			e := d.Entities[q.Speaker]
			key, name = "E:"+e.ID, e.Name
			if e.Role != "" {
				name += " (" + e.Role + ")"
			}
		case !q.Source.IsZero():
			src := d.Slice(q.Source)
			key, name = "S:"+src, "“"+Clip(src, 60)+"” (unresolved)"
		default:
			key, name = "-", "no source in the text"
		}
		g := byKey[key]
		if g == nil {
			g = &group{name: name}
			byKey[key] = g
			groups = append(groups, g)
		}
		g.qs = append(g.qs, i)
	}
	for _, g := range groups {
		fmt.Fprintf(w, "%s: %d statement(s)\n", g.name, len(g.qs))
		for _, i := range g.qs {
			q := d.Quotes[i]
			cue := "no cue"
			if !q.Cue.IsZero() {
				cue = "cue “" + Clip(d.Slice(q.Cue), 30) + "”"
			}
			fmt.Fprintf(w, "  [%s, %s] %d-%d %q%s\n", q.Kind, cue, q.Content.Start, q.Content.End, Clip(d.Slice(q.Content), 100), suspectMark(d, q.Content))
		}
	}
}
