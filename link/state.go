package link

import (
	"bytes"
	"compress/flate"
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"
)

// The linker's state in the store: one row per linked document with its
// features and the raw link numbers (before overrides), and the user's
// overrides. A Linker restored from these rows is the Linker that linked
// them, so that a later ingest links new documents to the old ones without
// reading any document again; `relink` rewrites them all.

// Schema creates the link tables when absent. It is safe to run on every
// open: the statements are idempotent.
const Schema = `
CREATE TABLE IF NOT EXISTS link_docs (
    seq      INTEGER PRIMARY KEY,   -- linking order, from 0
    id       TEXT NOT NULL,         -- the document's external id
    features BLOB NOT NULL,         -- Features, JSON, DEFLATE-compressed
    root     INTEGER NOT NULL,      -- seq of the earliest document of its copy family (itself when none)
    story    INTEGER NOT NULL,      -- story number (S1 is 0)
    actors   TEXT NOT NULL          -- actor number of each entity, before overrides, comma-separated
);
CREATE TABLE IF NOT EXISTS link_overrides (
    n       INTEGER PRIMARY KEY,
    kind    TEXT NOT NULL,          -- merge, split, alias
    doc     TEXT NOT NULL,          -- document id of the entity the rule names
    entity  TEXT NOT NULL,          -- its entity id ("E3")
    doc2    TEXT,                   -- merge: the other entity's document and id
    entity2 TEXT,
    name    TEXT,                   -- alias: the name
    created TEXT NOT NULL           -- UTC time, RFC 3339
);`

// Execer runs statements: a *sql.DB or a *sql.Tx.
type Execer interface {
	ExecContext(ctx context.Context, query string, args ...any) (sql.Result, error)
	QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error)
}

// Ensure creates the link tables when absent.
func Ensure(ctx context.Context, db Execer) error {
	for _, st := range strings.Split(Schema, ";") {
		if strings.TrimSpace(st) == "" {
			continue
		}
		if _, err := db.ExecContext(ctx, st); err != nil {
			return fmt.Errorf("creating the link tables: %w", err)
		}
	}
	return nil
}

func encodeFeatures(f *Features) ([]byte, error) {
	var buf bytes.Buffer
	w, _ := flate.NewWriter(&buf, flate.BestSpeed)
	if err := json.NewEncoder(w).Encode(f); err != nil {
		return nil, err
	}
	if err := w.Close(); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

func decodeFeatures(b []byte) (*Features, error) {
	raw, err := io.ReadAll(flate.NewReader(bytes.NewReader(b)))
	if err != nil {
		return nil, err
	}
	var f Features
	if err := json.Unmarshal(raw, &f); err != nil {
		return nil, err
	}
	return &f, nil
}

// Save writes the link row of the document linked last (its features f).
// The store's writer calls it in the transaction that stores the document.
func (l *Linker) Save(ctx context.Context, db Execer, f *Features) error {
	seq := len(l.ids) - 1
	if seq < 0 || l.ids[seq] != f.ID {
		return fmt.Errorf("link: saving %q, which is not the document linked last", f.ID)
	}
	return l.saveSeq(ctx, db, seq, f)
}

// saveSeq writes the link row of document seq.
func (l *Linker) saveSeq(ctx context.Context, db Execer, seq int, f *Features) error {
	b, err := encodeFeatures(f)
	if err != nil {
		return fmt.Errorf("link: encoding the features of %q: %w", f.ID, err)
	}
	acts := make([]string, len(l.actorOf[seq]))
	for i, a := range l.actorOf[seq] {
		acts[i] = strconv.Itoa(a)
	}
	_, err = db.ExecContext(ctx, `INSERT OR REPLACE INTO link_docs (seq, id, features, root, story, actors) VALUES (?, ?, ?, ?, ?, ?)`,
		seq, f.ID, b, l.root[seq], l.storyOf[seq], strings.Join(acts, ","))
	if err != nil {
		return fmt.Errorf("link: storing the links of %q: %w", f.ID, err)
	}
	return nil
}

// Load restores the Linker that linked the stored documents, with the
// stored overrides, from the link tables (creating them when absent).
func Load(ctx context.Context, db Execer, cfg Config) (*Linker, error) {
	if err := Ensure(ctx, db); err != nil {
		return nil, err
	}
	l := New(cfg)
	// a document linked but not stored (its Put failed and was undone)
	// leaves a gap in seq; rows are renumbered in order, and a root that
	// is missing makes the document its own
	renum := map[int]int{}
	rows, err := db.QueryContext(ctx, `SELECT seq, id, features, root, story, actors FROM link_docs ORDER BY seq`)
	if err != nil {
		return nil, fmt.Errorf("link: reading the link state: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var seq, root, story int
		var id, acts string
		var b []byte
		if err := rows.Scan(&seq, &id, &b, &root, &story, &acts); err != nil {
			return nil, fmt.Errorf("link: reading the link state: %w", err)
		}
		renum[seq] = len(l.ids)
		if r, ok := renum[root]; ok {
			root = r
		} else {
			root = len(l.ids)
		}
		f, err := decodeFeatures(b)
		if err != nil {
			return nil, fmt.Errorf("link: the stored features of %q are damaged (%v): run \"dossier relink\"", id, err)
		}
		var an []int
		for _, s := range strings.Split(acts, ",") {
			if s == "" {
				continue
			}
			n, err := strconv.Atoi(s)
			if err != nil {
				return nil, fmt.Errorf("link: the stored actors of %q are damaged: run \"dossier relink\"", id)
			}
			an = append(an, n)
		}
		if err := l.restore(f, root, story, an); err != nil {
			return nil, err
		}
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("link: reading the link state: %w", err)
	}
	ov, err := LoadOverrides(ctx, db)
	if err != nil {
		return nil, err
	}
	l.SetOverrides(ov)
	return l, nil
}

// restore records a document linked earlier with its stored link numbers,
// as Link recorded it, without choosing them again.
func (l *Linker) restore(f *Features, root, story int, acts []int) error {
	seq := len(l.ids)
	if root > seq || story < 0 || len(acts) != len(f.Ents) {
		return fmt.Errorf("link: the stored links of %q do not fit the documents before it: run \"dossier relink\"", f.ID)
	}
	l.ids = append(l.ids, f.ID)
	if _, dup := l.seqOf[f.ID]; !dup {
		l.seqOf[f.ID] = seq
	}
	l.root = append(l.root, root)
	l.copies.add(seq, &f.Sig)
	v := l.stories.vector(f.Terms)
	for story > len(l.stories.cent) {
		l.stories.join(-1, nil) // a story whose document was not stored
	}
	if story == len(l.stories.cent) {
		story = -1
	}
	l.storyOf = append(l.storyOf, l.stories.join(story, v))
	for _, i := range byNameLength(f.Ents) {
		a, e := acts[i], &f.Ents[i]
		c := typeClass(e.Type)
		for a >= len(l.actors.actors) {
			n := len(l.actors.actors)
			l.actors.actors = append(l.actors.actors, &actor{id: n, class: c, names: map[string]bool{}, firsts: map[string]bool{}, affils: map[string]bool{}, stories: map[int]bool{}})
		}
		l.actors.record(a, e, l.storyOf[seq])
	}
	l.actorOf = append(l.actorOf, acts)
	return nil
}

// LoadOverrides reads the stored overrides, oldest first.
func LoadOverrides(ctx context.Context, db Execer) (*Overrides, error) {
	rows, err := db.QueryContext(ctx, `SELECT kind, doc, entity, COALESCE(doc2, ''), COALESCE(entity2, ''), COALESCE(name, '') FROM link_overrides ORDER BY n`)
	if err != nil {
		return nil, fmt.Errorf("link: reading the overrides: %w", err)
	}
	defer rows.Close()
	ov := NewOverrides()
	for rows.Next() {
		var r Rule
		if err := rows.Scan(&r.Kind, &r.Doc, &r.Entity, &r.Doc2, &r.Ent2, &r.Name); err != nil {
			return nil, fmt.Errorf("link: reading the overrides: %w", err)
		}
		ov.Rules = append(ov.Rules, r)
	}
	return ov, rows.Err()
}

// AddOverride stores a rule (after checking it).
func AddOverride(ctx context.Context, db Execer, r Rule) error {
	if err := r.Validate(); err != nil {
		return err
	}
	if err := Ensure(ctx, db); err != nil {
		return err
	}
	_, err := db.ExecContext(ctx, `INSERT INTO link_overrides (kind, doc, entity, doc2, entity2, name, created) VALUES (?, ?, ?, ?, ?, ?, ?)`,
		r.Kind, r.Doc, r.Entity, nullable(r.Doc2), nullable(r.Ent2), nullable(r.Name), time.Now().UTC().Format(time.RFC3339))
	if err != nil {
		return fmt.Errorf("link: storing the override: %w", err)
	}
	return nil
}

func nullable(s string) any {
	if s == "" {
		return nil
	}
	return s
}
