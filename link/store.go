package link

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"

	"github.com/dossier-news/dossier/doc"
	"github.com/dossier-news/dossier/store"
)

// Ingest is the linker that ingest's writer calls (it implements
// ingest.Linker): Link before a document is stored, Stored right after, both
// inside the batch's transaction. The Linker is restored from the link
// tables at the first document, so a second ingest into a store links its
// documents to the first one's.
type Ingest struct {
	Config Config
	l      *Linker
	last   *Features
}

// NewIngest returns the ingest hook with the default configuration.
func NewIngest() *Ingest { return &Ingest{Config: DefaultConfig()} }

// Link links d to the stored documents and writes its corpus fields.
func (g *Ingest) Link(tx *store.Tx, d *doc.Document) error {
	ctx := context.Background()
	if g.l == nil {
		l, err := Load(ctx, tx.SQL(), g.Config)
		if err != nil {
			return err
		}
		g.l = l
	}
	g.last = FeaturesOf(d)
	before := g.l.mergedCount()
	Apply(d, g.l.Link(g.last))
	if g.l.mergedCount() != before {
		// an override named this document: earlier documents' actors
		// changed too
		return g.l.rewriteActors(ctx, tx.SQL())
	}
	return nil
}

// Stored keeps the link row of the document just stored.
func (g *Ingest) Stored(tx *store.Tx, d *doc.Document, n int64) error {
	if g.last == nil || g.last.ID != d.ID {
		return fmt.Errorf("link: %q was stored without being linked", d.ID)
	}
	return g.l.Save(context.Background(), tx.SQL(), g.last)
}

func (l *Linker) mergedCount() int { return len(l.merged) }

// rewriteActors writes every linked document's final actor ids into the
// entities table (after an override changed them).
func (l *Linker) rewriteActors(ctx context.Context, db Execer) error {
	for seq := range l.ids {
		ln := l.Links(seq)
		for i, a := range ln.Actors {
			if _, err := db.ExecContext(ctx, `UPDATE entities SET actor = ? WHERE n = ? AND doc = (SELECT doc FROM documents WHERE id = ?)`,
				a, i, l.ids[seq]); err != nil {
				return fmt.Errorf("link: updating the actors of %q: %w", l.ids[seq], err)
			}
		}
	}
	return nil
}

// RelinkCounts says what a relink did.
type RelinkCounts struct {
	Documents, Copies, Stories, Actors int
	Overrides                          int
}

// Relink recomputes every link of the store from its stored layers, in the
// order the documents were stored, with the stored overrides, and rewrites
// the corpus columns and the link tables in one transaction. Nothing is
// extracted again. progress, when not nil, is called with the documents
// done so far.
func Relink(ctx context.Context, st *store.Store, cfg Config, progress func(done int)) (RelinkCounts, error) {
	var c RelinkCounts
	if err := Ensure(ctx, st.DB()); err != nil {
		return c, err
	}
	ov, err := LoadOverrides(ctx, st.DB())
	if err != nil {
		return c, err
	}
	c.Overrides = len(ov.Rules)
	l := New(cfg)
	l.SetOverrides(ov)
	feats := map[int]*Features{}
	var ns []int64
	err = st.Each(ctx, func(n int64, d *doc.Document) error {
		f := FeaturesOf(d)
		l.Link(f)
		feats[len(ns)] = f
		ns = append(ns, n)
		if progress != nil && len(ns)%1000 == 0 {
			progress(len(ns))
		}
		return nil
	})
	if err != nil {
		return c, fmt.Errorf("link: reading the stored documents: %w", err)
	}
	tx, err := st.Begin(ctx)
	if err != nil {
		return c, err
	}
	defer tx.Rollback()
	db := tx.SQL()
	if _, err := db.ExecContext(ctx, `DELETE FROM link_docs`); err != nil {
		return c, fmt.Errorf("link: clearing the link state: %w", err)
	}
	stories := map[string]bool{}
	actors := map[string]bool{}
	for seq, n := range ns {
		ln := l.Links(seq)
		if _, err := db.ExecContext(ctx, `UPDATE documents SET story = ?, duplicate_of = ? WHERE doc = ?`, ln.Story, nullable(ln.DuplicateOf), n); err != nil {
			return c, fmt.Errorf("link: updating the links of %q: %w", l.ids[seq], err)
		}
		for i, a := range ln.Actors {
			if _, err := db.ExecContext(ctx, `UPDATE entities SET actor = ? WHERE doc = ? AND n = ?`, a, n, i); err != nil {
				return c, fmt.Errorf("link: updating the actors of %q: %w", l.ids[seq], err)
			}
			actors[a] = true
		}
		if err := l.saveSeq(ctx, db, seq, feats[seq]); err != nil {
			return c, err
		}
		stories[ln.Story] = true
		if ln.DuplicateOf != "" {
			c.Copies++
		}
	}
	if err := tx.Commit(); err != nil {
		return c, err
	}
	c.Documents, c.Stories, c.Actors = len(ns), len(stories), len(actors)
	return c, nil
}

// EntityRef names one stored entity: a document id and an entity id.
type EntityRef struct{ Doc, Entity string }

// ErrNoActor is returned when no stored entity has the actor asked for.
var ErrNoActor = errors.New("no stored entity has this actor id")

// ActorEntities lists the stored entities linked to an actor id, in store
// order; when docID is not empty, only those of that document.
func ActorEntities(ctx context.Context, db *sql.DB, actorID, docID string) ([]EntityRef, error) {
	q := `SELECT d.id, e.eid FROM entities e JOIN documents d ON d.doc = e.doc WHERE e.actor = ?`
	args := []any{actorID}
	if docID != "" {
		q += ` AND d.id = ?`
		args = append(args, docID)
	}
	rows, err := db.QueryContext(ctx, q+` ORDER BY e.doc, e.n`, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []EntityRef
	for rows.Next() {
		var r EntityRef
		if err := rows.Scan(&r.Doc, &r.Entity); err != nil {
			return nil, err
		}
		out = append(out, r)
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	if len(out) == 0 {
		return nil, ErrNoActor
	}
	return out, nil
}

// ParseEntityRef reads "DOCID:E3" (a document id, a colon, an entity id).
func ParseEntityRef(s string) (EntityRef, bool) {
	i := strings.LastIndex(s, ":")
	if i <= 0 || i == len(s)-1 || entIndex(s[i+1:]) < 0 {
		return EntityRef{}, false
	}
	return EntityRef{s[:i], s[i+1:]}, true
}
