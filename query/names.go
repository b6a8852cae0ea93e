package query

import (
	"context"
	"database/sql"
	"fmt"
	"sort"

	"github.com/dossier-news/dossier/store"
)

// maxNames caps the names a question by name expands to: a word that
// begins hundreds of names ("al") asks for more precision, not a scan.
const maxNames = 500

// Names returns the stored canonical names that a name asked for stands
// for: every name holding all of its words ("Nebenzia" finds "Vasily
// Nebenzia"), and, where linking grouped entities into corpus-wide actors,
// every name of those actors ("Nevenzia" spelt so in one article). The
// names come sorted; none when nothing matches.
func Names(ctx context.Context, db *sql.DB, name string) ([]string, error) {
	q, terms := ftsQuery(name)
	if len(terms) == 0 {
		return nil, fmt.Errorf("no name given: say whose (a name, or words of it)")
	}
	set := map[string]bool{}
	var n string
	find := "SELECT name FROM name_fts WHERE name_fts MATCH ? LIMIT ?"
	if store.OnPostgres(db) {
		find, q = "SELECT name FROM names WHERE to_tsvector('simple', name) @@ to_tsquery('simple', ?) LIMIT ?", tsQuery(terms)
	}
	err := scanRows(ctx, db, find, []any{q, maxNames + 1}, []any{&n}, func() (bool, error) {
		set[n] = true
		return true, nil
	})
	if err != nil {
		return nil, err
	}
	if len(set) > maxNames {
		return nil, fmt.Errorf("%q matches more than %d names: give more of the name", name, maxNames)
	}
	if len(set) == 0 {
		return nil, nil
	}
	// through the actors: the other names of the actors these names are
	var w where
	w.in("name", sortedSet(set))
	w.add("actor IS NOT NULL")
	var actors []string
	var a string
	err = scanRows(ctx, db, "SELECT DISTINCT actor FROM entities"+w.sql(), w.args, []any{&a}, func() (bool, error) {
		actors = append(actors, a)
		return true, nil
	})
	if err != nil {
		return nil, err
	}
	if len(actors) > 0 {
		var w where
		w.in("actor", actors)
		err = scanRows(ctx, db, "SELECT DISTINCT name FROM entities"+w.sql(), w.args, []any{&n}, func() (bool, error) {
			set[n] = true
			return len(set) <= maxNames, nil
		})
		if err != nil {
			return nil, err
		}
	}
	return sortedSet(set), nil
}

func sortedSet(m map[string]bool) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}
