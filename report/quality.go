package report

import (
	"fmt"
	"io"

	"github.com/dossier-news/dossier/doc"
)

// The quality section: the document's score with its reasons, then each
// flagged stretch with its kind, offsets, text and reason.
func init() {
	Register(Section{Title: "text quality", Render: renderQuality})
}

func renderQuality(w io.Writer, d *doc.Document) {
	if d.Quality == nil && len(d.Flags) == 0 {
		return
	}
	if q := d.Quality; q != nil {
		fmt.Fprintf(w, "score %.2f (1 is clean, edited news)\n", q.Score)
		for _, r := range q.Reasons {
			fmt.Fprintf(w, "  - %s\n", r)
		}
	}
	for _, f := range d.Flags {
		fmt.Fprintf(w, "[%s] %d-%d %q\n    %s\n", f.Kind, f.Start, f.End, Clip(d.Slice(f.Span), 80), f.Why)
	}
}

// suspectMark is the mark a fact gets in the report when the sentence it
// rests on carries a flag: " [suspect text, quality 0.12]", else "".
func suspectMark(d *doc.Document, s doc.Span) string {
	q, suspect := d.Evidence(s)
	if !suspect {
		return ""
	}
	if q > 0 {
		return fmt.Sprintf(" [suspect text, quality %.2f]", q)
	}
	return " [suspect text]"
}
