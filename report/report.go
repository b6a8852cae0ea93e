// Package report renders an analysed document for a person to read: the
// `--format text` output of dossier extract. Each layer contributes a
// section, registered by the file that renders it, so a new stage adds its
// section without touching the others.
package report

import (
	"fmt"
	"io"
	"sort"
	"strings"

	"github.com/dossier-news/dossier/doc"
)

// Section renders one part of the report. It writes nothing when its layer
// is empty.
type Section struct {
	Order  int // sections are written in ascending order
	Title  string
	Render func(w io.Writer, d *doc.Document)
}

var sections []Section

// Register adds a section to every report. Call it from an init function.
func Register(s Section) {
	sections = append(sections, s)
	sort.SliceStable(sections, func(i, j int) bool { return sections[i].Order < sections[j].Order })
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
	for _, s := range sections {
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
