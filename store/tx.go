package store

import (
	"context"
	"database/sql"
	"fmt"
	"net/url"
	"strings"

	"github.com/dossier-news/dossier/doc"
)

// Tx is a write transaction: a batch of documents stored together. Only
// one Tx is open on a store at a time (the writer); its statements are
// prepared once per transaction.
type Tx struct {
	ctx   context.Context
	st    *Store
	tx    *sql.Tx
	stmts map[string]*sql.Stmt
}

// Begin opens a write transaction.
func (s *Store) Begin(ctx context.Context) (*Tx, error) {
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return nil, s.explain("writing to", err)
	}
	return &Tx{ctx: ctx, st: s, tx: tx, stmts: map[string]*sql.Stmt{}}, nil
}

// SQL is the transaction itself, for a Linker's own questions and tables:
// it sees every document stored earlier, in this batch too.
func (t *Tx) SQL() *sql.Tx { return t.tx }

// Commit makes the batch durable.
func (t *Tx) Commit() error {
	if err := t.tx.Commit(); err != nil {
		return t.st.explain("committing to", err)
	}
	return nil
}

// Rollback abandons the batch.
func (t *Tx) Rollback() error { return t.tx.Rollback() }

// exec runs a statement, prepared on first use in this transaction.
func (t *Tx) exec(query string, args ...any) (sql.Result, error) {
	st, ok := t.stmts[query]
	if !ok {
		var err error
		if st, err = t.tx.PrepareContext(t.ctx, query); err != nil {
			return nil, t.st.explain("preparing a statement for", err)
		}
		t.stmts[query] = st
	}
	r, err := st.ExecContext(t.ctx, args...)
	if err != nil {
		return nil, t.st.explain("writing to", err)
	}
	return r, nil
}

// Known is what the store holds under an external id.
type Known struct {
	Doc  int64  // internal id
	Hash string // identity hash of the stored text
}

// Lookup finds the stored document with this external id, in this
// transaction (so a batch sees its own documents).
func (t *Tx) Lookup(id string) (Known, bool, error) {
	return lookup(t.ctx, t.tx, id)
}

// Lookup finds the stored document with this external id.
func (s *Store) Lookup(ctx context.Context, id string) (Known, bool, error) {
	return lookup(ctx, s.db, id)
}

type querier interface {
	QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row
}

func lookup(ctx context.Context, q querier, id string) (Known, bool, error) {
	var k Known
	err := q.QueryRowContext(ctx, "SELECT doc, hash FROM documents WHERE id = ?", id).Scan(&k.Doc, &k.Hash)
	if err == sql.ErrNoRows {
		return Known{}, false, nil
	}
	if err != nil {
		return Known{}, false, fmt.Errorf("looking up %q: %w", id, err)
	}
	return k, true, nil
}

// AddError records an input that could not be stored: its source (a path,
// "stdin:12"), the document's id when known, and what went wrong.
func (t *Tx) AddError(source, id, msg string) error {
	_, err := t.exec("INSERT INTO errors (source, doc_id, message, time) VALUES (?, ?, ?, ?)", source, nullStr(id), msg, now())
	return err
}

// Put stores an analysed document and every fact of its layers, with the
// corpus links (story, duplicate_of, entity actors) d carries, and
// returns its internal id. enc is Encode(d), made beforehand (on a worker)
// or nil to encode here. The external id must not be stored yet (see
// Lookup): ids are unique.
func (t *Tx) Put(d *doc.Document, enc *Encoded) (int64, error) {
	if enc == nil {
		var err error
		if enc, err = Encode(d); err != nil {
			return 0, err
		}
	}
	var quality any
	if d.Quality != nil {
		quality = d.Quality.Score
	}
	r, err := t.exec(`INSERT INTO documents (id, hash, url, title, source, outlet, published, ingested, quality,
		text_bytes, words, text, layers, story, duplicate_of) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		d.ID, enc.Hash, nullStr(d.URL), nullStr(d.Title), nullStr(d.Source), nullStr(outlet(d)), nullStr(d.Published),
		now(), quality, len(d.Text), enc.Words, enc.Text, enc.Layers, nullStr(d.Story), nullStr(d.DuplicateOf))
	if err != nil {
		return 0, fmt.Errorf("storing %q: %w", d.ID, err)
	}
	id, err := r.LastInsertId()
	if err != nil {
		return 0, err
	}
	if err := t.putFacts(id, d); err != nil {
		return 0, fmt.Errorf("storing the facts of %q: %w", d.ID, err)
	}
	if _, err := t.exec(t.st.b.insertDocText, id, d.Title, d.Text); err != nil {
		return 0, fmt.Errorf("indexing the text of %q: %w", d.ID, err)
	}
	return id, nil
}

// putFacts writes the relational rows of d's layers.
func (t *Tx) putFacts(id int64, d *doc.Document) error {
	for n, e := range d.Entities {
		var fs, fe any
		if len(e.Mentions) > 0 && e.Mentions[0] >= 0 && e.Mentions[0] < len(d.Mentions) {
			m := d.Mentions[e.Mentions[0]]
			fs, fe = m.Start, m.End
		}
		if _, err := t.exec(`INSERT INTO entities (doc, n, eid, name, type, role, affiliation, mentions, first_start, first_end, actor)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`, id, n, e.ID, e.Name, e.Type, nullStr(e.Role), nullStr(e.Affiliation),
			len(e.Mentions), fs, fe, nullStr(e.Actor)); err != nil {
			return err
		}
	}
	for n, q := range d.Quotes {
		var speaker, speakerName any
		if q.Speaker >= 0 && q.Speaker < len(d.Entities) {
			speaker, speakerName = q.Speaker, d.Entities[q.Speaker].Name
		}
		cs, ce, cue := optSpan(d, q.Cue)
		ss, se, src := optSpan(d, q.Source)
		r, err := t.exec(`INSERT INTO quotes (doc, n, kind, speaker, speaker_name, content_start, content_end,
			cue_start, cue_end, cue, source_start, source_end, source, confidence) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
			id, n, q.Kind, speaker, speakerName, q.Content.Start, q.Content.End, cs, ce, cue, ss, se, src, q.Confidence)
		if err != nil {
			return err
		}
		qid, err := r.LastInsertId()
		if err != nil {
			return err
		}
		if _, err := t.exec(t.st.b.insertQuoteText, qid, d.Slice(q.Content)); err != nil {
			return err
		}
	}
	for n, e := range d.Events {
		var es, ee any
		if e.Sentence >= 0 && e.Sentence < len(d.Sentences) {
			es, ee = d.Sentences[e.Sentence].Start, d.Sentences[e.Sentence].End
		}
		var claimant any
		if e.Modality == "claimed" && e.Claimant >= 0 && e.Claimant < len(d.Entities) {
			claimant = e.Claimant
		}
		if _, err := t.exec(`INSERT INTO events (doc, n, type, mode, modality, negated, debris, trigger_start, trigger_end,
			evidence_start, evidence_end, date, date_from, dead, injured, size, claimant) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
			id, n, e.Type, nullStr(e.Mode), nullStr(e.Modality), e.Negated, e.Debris, e.Trigger.Start, e.Trigger.End,
			es, ee, nullStr(e.Date), nullStr(e.DateFrom), e.Dead, e.Injured, e.Size, claimant); err != nil {
			return err
		}
		for _, g := range []struct {
			role string
			args []doc.Argument
		}{{"actor", e.Actor}, {"recipient", e.Recipient}, {"place", e.Place}} {
			for _, a := range g.args {
				var ent any
				if a.Entity >= 0 && a.Entity < len(d.Entities) {
					ent = a.Entity
				}
				if _, err := t.exec(`INSERT INTO event_args (doc, event, role, name, entity, start, "end") VALUES (?, ?, ?, ?, ?, ?, ?)`,
					id, n, g.role, a.Name, ent, a.Span.Start, a.Span.End); err != nil {
					return err
				}
			}
		}
	}
	for n, x := range d.Timexes {
		if _, err := t.exec(`INSERT INTO timexes (doc, n, start, "end", type, value, granularity, anchor, mod) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
			id, n, x.Start, x.End, x.Type, x.Value, nullStr(x.Granularity), nullStr(x.Anchor), nullStr(x.Mod)); err != nil {
			return err
		}
	}
	for n, q := range d.Quantities {
		if _, err := t.exec(`INSERT INTO quantities (doc, n, start, "end", value, bound, category, counts, unit, ordinal) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
			id, n, q.Start, q.End, q.Value, q.Bound, nullStr(q.Category), nullStr(q.Counts), nullStr(q.Unit), q.Ordinal); err != nil {
			return err
		}
	}
	for n, f := range d.Flags {
		if _, err := t.exec(`INSERT INTO flags (doc, n, start, "end", kind, why) VALUES (?, ?, ?, ?, ?, ?)`,
			id, n, f.Start, f.End, f.Kind, nullStr(f.Why)); err != nil {
			return err
		}
	}
	return nil
}

// optSpan gives a span's offsets and text, or three NULLs when the span is
// absent (zero).
func optSpan(d *doc.Document, s doc.Span) (any, any, any) {
	if s.IsZero() {
		return nil, nil, nil
	}
	return s.Start, s.End, d.Slice(s)
}

// nullStr stores "" as NULL.
func nullStr(s string) any {
	if s == "" {
		return nil
	}
	return s
}

// outlet is who published d: what the input said (a feed's title), else
// the host of its URL.
func outlet(d *doc.Document) string {
	if d.Outlet != "" {
		return d.Outlet
	}
	return Outlet(d.URL)
}

// Outlet is the publisher of a document as its URL names it: the host,
// without "www.". It is "" without a URL.
func Outlet(u string) string {
	if u == "" {
		return ""
	}
	p, err := url.Parse(u)
	if err != nil || p.Host == "" {
		return ""
	}
	return strings.TrimPrefix(strings.ToLower(p.Hostname()), "www.")
}

// Savepoint marks a point in the batch that RollbackSavepoint returns to:
// the writer puts each document inside one, so a document that fails
// leaves no rows. Savepoints do not nest here: one at a time.
func (t *Tx) Savepoint() error {
	_, err := t.tx.ExecContext(t.ctx, "SAVEPOINT doc")
	return t.wrap(err)
}

// RollbackSavepoint undoes everything since Savepoint and releases it.
func (t *Tx) RollbackSavepoint() error {
	if _, err := t.tx.ExecContext(t.ctx, "ROLLBACK TO SAVEPOINT doc"); err != nil {
		return t.wrap(err)
	}
	return t.ReleaseSavepoint()
}

// ReleaseSavepoint keeps what was written since Savepoint.
func (t *Tx) ReleaseSavepoint() error {
	_, err := t.tx.ExecContext(t.ctx, "RELEASE SAVEPOINT doc")
	return t.wrap(err)
}

func (t *Tx) wrap(err error) error {
	if err != nil {
		return t.st.explain("writing to", err)
	}
	return nil
}
