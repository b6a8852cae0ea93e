// Package report renders an analysed document for a person to read: the
// `--format text` output of dossier extract. Each layer contributes a
// section, registered by the file that renders it; the order of the
// sections is one list, Order, so it is read and changed in one place.
package report

import (
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/dossier-news/dossier/doc"
)

// Section renders one part of the report. It writes nothing when its layer
// is empty.
type Section struct {
	Title  string // one of Order
	Render func(w io.Writer, d *doc.Document)
}

// Order lists the sections' titles in the order they are written: who the
// actors are and what they said, then when things happened, what was done,
// the figures, and last how far the text can be trusted.
var Order = []string{"actors", "who said what", "timeline", "events (PLOVER)", "figures", "text quality"}

var sections = map[string]Section{}

// Register adds a section to every report. Call it from an init function;
// a title missing from Order is a bug, and panics.
func Register(s Section) {
	if !slices.Contains(Order, s.Title) {
		panic("report: section " + s.Title + " is not in report.Order: add it there, where it belongs")
	}
	sections[s.Title] = s
}

// Write renders d as a readable report.
func Write(w io.Writer, d *doc.Document) {
	fmt.Fprintf(w, "== %s", d.ID)
	if d.Title != "" {
		fmt.Fprintf(w, ": %s", d.Title)
	}
	fmt.Fprintln(w)
	if d.Published != "" {
		fmt.Fprintf(w, "published %s (from %s)\n", d.Published, d.PublishedFrom)
	}
	for _, warn := range d.Warnings {
		fmt.Fprintf(w, "warning: %s\n", warn)
	}
	fmt.Fprintf(w, "%d paragraphs, %d sentences, %d tokens, %d bytes\n", len(d.Paragraphs), len(d.Sentences), len(d.Tokens), len(d.Text))
	for _, title := range Order {
		s, ok := sections[title]
		if !ok {
			continue
		}
		var b strings.Builder
		s.Render(&b, d)
		if b.Len() == 0 {
			continue
		}
		fmt.Fprintf(w, "\n-- %s\n%s", s.Title, b.String())
	}
	fmt.Fprintln(w)
}

// Clip shortens s to at most n runes for a one-line display.
func Clip(s string, n int) string {
	s = strings.Join(strings.Fields(s), " ")
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n-1]) + "…"
}
