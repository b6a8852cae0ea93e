// Package examples holds the articles bundled with Dossier: news-style
// stories written by the project's authors (no copied text), used by the
// README's first command, the benchmarks and the whole-document golden
// tests, and a corpus of three dozen articles in seven stories with its
// answer key (corpus/, see corpus/README.md) for ingesting, querying and
// linking across articles. Their places, people and events are invented.
package examples

import (
	"embed"
	"strings"
)

//go:embed *.txt
var files embed.FS

// Names lists the bundled articles.
func Names() []string {
	ents, _ := files.ReadDir(".")
	var out []string
	for _, e := range ents {
		out = append(out, e.Name())
	}
	return out
}

// Text returns a bundled article.
func Text(name string) string {
	b, err := files.ReadFile(name)
	if err != nil {
		panic("examples: no article " + name)
	}
	return string(b)
}

// BenchText is the benchmark document: all bundled articles joined, about
// a thousand words, the size the project's speed targets are stated for.
func BenchText() string {
	var parts []string
	for _, n := range Names() {
		parts = append(parts, strings.TrimSpace(Text(n)))
	}
	return strings.Join(parts, "\n\n")
}
