package query

import "strings"

// On PostgreSQL (store.OnPostgres) full-text questions are asked of
// tsvectors (schema/postgres) with a tsquery instead of FTS5's MATCH.
// Built so far: names (Names, so --speaker, --actor and "actor NAME"
// work). Search and "quotes --about" answer store.ErrNotOnPostgres.

// tsQuery is the tsquery of ftsQuery's terms: every word required, a
// prefix term's last word as a prefix. As with FTS5 (no positions), a
// phrase asks for all its words.
func tsQuery(terms []term) string {
	var parts []string
	for _, t := range terms {
		for i, w := range t.words {
			p := "'" + strings.ReplaceAll(w, "'", "''") + "'"
			if t.prefix && i == len(t.words)-1 {
				p += ":*"
			}
			parts = append(parts, p)
		}
	}
	return strings.Join(parts, " & ")
}
