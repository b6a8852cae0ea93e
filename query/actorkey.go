package query

// This file (the serve helper's) finds an actor by the key that Actors
// gives it, for the API's and the pages' addresses (/actors/{key}).

import (
	"context"
	"database/sql"
	"errors"
	"fmt"

	"github.com/dossier-news/dossier/store"
)

// ActorByKey answers Actor for a key from Actors: a corpus-wide actor id
// (set by linking), asked for by its most frequent name, so that its
// other names follow through the actor; else a canonical name, or any
// name Actor takes.
func ActorByKey(ctx context.Context, s *store.Store, key string, f Filter) (*ActorReport, error) {
	var name string
	err := s.DB().QueryRowContext(ctx, `SELECT name FROM entities WHERE actor = ? GROUP BY name ORDER BY sum(mentions) DESC, name LIMIT 1`, key).Scan(&name)
	switch {
	case errors.Is(err, sql.ErrNoRows):
		name = key
	case err != nil:
		return nil, fmt.Errorf("query: %w", err)
	}
	r, err := Actor(ctx, s, name, f)
	if r != nil {
		r.Asked = key
	}
	return r, err
}
