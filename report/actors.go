package report

import (
	"fmt"
	"io"
	"sort"
	"strings"

	"github.com/dossier-news/dossier/doc"
)

func init() {
	Register(Section{Title: "actors", Render: renderActors})
}

// renderActors lists the article's actors, the most mentioned first, with
// their roles, affiliations and the ways the text refers to them.
func renderActors(w io.Writer, d *doc.Document) {
	if len(d.Entities) == 0 {
		return
	}
	order := make([]int, len(d.Entities))
	for i := range order {
		order[i] = i
	}
	sort.SliceStable(order, func(i, j int) bool {
		return len(d.Entities[order[i]].Mentions) > len(d.Entities[order[j]].Mentions)
	})
	for _, i := range order {
		e := d.Entities[i]
		fmt.Fprintf(w, "%-4s %-6s %s", e.ID, e.Type, e.Name)
		var about []string
		if e.Role != "" {
			about = append(about, e.Role)
		}
		if e.Affiliation != "" {
			about = append(about, e.Affiliation)
		}
		if len(about) > 0 {
			fmt.Fprintf(w, " (%s)", strings.Join(about, ", "))
		}
		n := len(e.Mentions)
		plural := "s"
		if n == 1 {
			plural = ""
		}
		fmt.Fprintf(w, ": %d mention%s", n, plural)
		// the distinct ways of referring, as written
		var forms []string
		seen := map[string]bool{}
		for _, mi := range e.Mentions {
			f := strings.Join(strings.Fields(d.Slice(d.Mentions[mi].Span)), " ")
			if !seen[f] {
				seen[f] = true
				forms = append(forms, f)
			}
		}
		if len(forms) > 1 || (len(forms) == 1 && forms[0] != e.Name) {
			fmt.Fprintf(w, ": %s", Clip(strings.Join(forms, " | "), 160))
		}
		fmt.Fprintln(w)
	}
	unresolved := 0
	for _, m := range d.Mentions {
		if m.Entity < 0 {
			unresolved++
		}
	}
	if unresolved > 0 {
		fmt.Fprintf(w, "(%d mentions of actors not identified in the article)\n", unresolved)
	}
}
