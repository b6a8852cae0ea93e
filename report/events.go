package report

import (
	"fmt"
	"io"
	"strings"

	"github.com/dossier-news/dossier/doc"
)

func init() {
	Register(Section{Title: "events (PLOVER)", Render: renderEvents})
}

// renderEvents lists each event with who did it to whom and the sentence
// that supports it, so a reader can check every row against its evidence.
func renderEvents(w io.Writer, d *doc.Document) {
	for i, e := range d.Events {
		head := e.Type
		if e.Mode != "" {
			head += "/" + e.Mode
		}
		var flags []string
		if e.Negated {
			flags = append(flags, "NEGATED")
		}
		if e.Modality != "" {
			m := e.Modality
			if e.Modality == "claimed" && e.Claimant >= 0 && e.Claimant < len(d.Entities) {
				m += " by " + d.Entities[e.Claimant].Name
			}
			flags = append(flags, m)
		}
		if e.Debris {
			flags = append(flags, "in flagged text")
		} else if m := suspectMark(d, e.Trigger); m != "" {
			flags = append(flags, strings.Trim(m, " []"))
		}
		fmt.Fprintf(w, "%2d. %-22s %s -> %s", i+1, head, argNames(e.Actor), argNames(e.Recipient))
		if len(e.Place) > 0 {
			fmt.Fprintf(w, " in %s", argNames(e.Place))
		}
		if e.Date != "" {
			fmt.Fprintf(w, " [%s from %s]", e.Date, e.DateFrom)
		}
		if e.Dead != nil {
			fmt.Fprintf(w, " dead=%g", *e.Dead)
		}
		if e.Injured != nil {
			fmt.Fprintf(w, " injured=%g", *e.Injured)
		}
		if e.Size != nil {
			fmt.Fprintf(w, " size=%g", *e.Size)
		}
		if len(flags) > 0 {
			fmt.Fprintf(w, " (%s)", strings.Join(flags, ", "))
		}
		fmt.Fprintf(w, "\n    trigger %q\n", d.Slice(e.Trigger))
		if e.Sentence >= 0 && e.Sentence < len(d.Sentences) {
			fmt.Fprintf(w, "    evidence: %s\n", Clip(d.Slice(d.Sentences[e.Sentence].Span), 240))
		}
	}
}

func argNames(as []doc.Argument) string {
	if len(as) == 0 {
		return "?"
	}
	names := make([]string, len(as))
	for i, a := range as {
		names[i] = a.Name
	}
	return strings.Join(names, " + ")
}
