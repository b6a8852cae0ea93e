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

// insertDocument runs the documents INSERT and returns the new internal
// id: by LastInsertId, or by RETURNING where the driver has no
// LastInsertId (pgx).
func (t *Tx) insertDocument(query string, args ...any) (int64, error) {
	if !t.st.b.returning {
		r, err := t.exec(query, args...)
		if err != nil {
			return 0, err
		}
		return r.LastInsertId()
	}
	query += " RETURNING doc"
	st, ok := t.stmts[query]
	if !ok {
		var err error
		if st, err = t.tx.PrepareContext(t.ctx, query); err != nil {
			return 0, t.st.explain("preparing a statement for", err)
		}
		t.stmts[query] = st
	}
	var id int64
	if err := st.QueryRowContext(t.ctx, args...).Scan(&id); err != nil {
		return 0, t.st.explain("writing to", err)
	}
	return id, nil
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
	id, err := t.insertDocument(`INSERT INTO documents (id, hash, url, title, source, outlet, published, ingested, quality,
		text_bytes, words, text, layers, story, duplicate_of) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		d.ID, enc.Hash, nullStr(d.URL), nullStr(d.Title), nullStr(d.Source), nullStr(outlet(d)), nullStr(d.Published),
		now(), quality, len(d.Text), enc.Words, enc.Text, enc.Layers, nullStr(d.Story), nullStr(d.DuplicateOf))
	if err != nil {
		return 0, fmt.Errorf("storing %q: %w", d.ID, err)
	}
	if err := t.putFacts(id, d); err != nil {
		return 0, fmt.Errorf("storing the facts of %q: %w", d.ID, err)
	}
	if _, err := t.exec(t.st.b.insertDocText, id, d.Title, d.Text, quoteContents(d)); err != nil {
		return 0, fmt.Errorf("indexing the text of %q: %w", d.ID, err)
	}
	return id, nil
}

// quoteContents is the text of every quote's content, one a line: the
// full-text index's quotes column.
func quoteContents(d *doc.Document) string {
	var b strings.Builder
	for _, q := range d.Quotes {
		b.WriteString(d.Slice(q.Content))
		b.WriteByte('\n')
	}
	return b.String()
}

// maxFacts bounds the facts of one kind in a document: a fact's key is
// doc * maxFacts + n (schema/common/0001_record.sql).
const maxFacts = 1 << 16

// putFacts writes the relational rows of d's layers, each table's rows in
// a few multi-row INSERTs: per row, a statement costs more than the row.
func (t *Tx) putFacts(id int64, d *doc.Document) error {
	for _, n := range []int{len(d.Entities), len(d.Quotes), len(d.Events), len(d.Timexes), len(d.Quantities), len(d.Flags)} {
		if n >= maxFacts {
			return fmt.Errorf("the document has %d facts of one kind, more than the store keeps (%d): split it", n, maxFacts-1)
		}
	}
	base := id * maxFacts
	ents := t.rows("entities", "entity, doc, n, eid, name, type, role, affiliation, mentions, first_start, first_end, actor")
	for n, e := range d.Entities {
		var fs, fe any
		if len(e.Mentions) > 0 && e.Mentions[0] >= 0 && e.Mentions[0] < len(d.Mentions) {
			m := d.Mentions[e.Mentions[0]]
			fs, fe = m.Start, m.End
		}
		ents.add(base+int64(n), id, n, e.ID, e.Name, string(e.Type), nullStr(e.Role), nullStr(e.Affiliation),
			len(e.Mentions), fs, fe, nullStr(e.Actor))
	}
	quotes := t.rows("quotes", "quote, doc, n, kind, speaker, content_start, content_end, cue_start, cue_end, source_start, source_end, confidence")
	for n, q := range d.Quotes {
		var speaker any
		if q.Speaker >= 0 && q.Speaker < len(d.Entities) {
			speaker = base + int64(q.Speaker)
		}
		cs, ce := optSpan(q.Cue)
		ss, se := optSpan(q.Source)
		quotes.add(base+int64(n), id, n, string(q.Kind), speaker, q.Content.Start, q.Content.End, cs, ce, ss, se, q.Confidence)
	}
	events := t.rows("events", "event, doc, n, type, mode, modality, negated, debris, trigger_start, trigger_end, evidence_start, evidence_end, date, date_from, dead, injured, size, claimant")
	args := t.rows("event_args", `arg, doc, event, role, name, entity, start, "end"`)
	for n, e := range d.Events {
		var es, ee any
		if e.Sentence >= 0 && e.Sentence < len(d.Sentences) {
			es, ee = d.Sentences[e.Sentence].Start, d.Sentences[e.Sentence].End
		}
		var claimant any
		if e.Modality == "claimed" && e.Claimant >= 0 && e.Claimant < len(d.Entities) {
			claimant = base + int64(e.Claimant)
		}
		events.add(base+int64(n), id, n, e.Type, nullStr(e.Mode), nullStr(e.Modality), e.Negated, e.Debris, e.Trigger.Start, e.Trigger.End,
			es, ee, nullStr(e.Date), nullStr(e.DateFrom), e.Dead, e.Injured, e.Size, claimant)
		k := 0
		for _, g := range []struct {
			role string
			args []doc.Argument
		}{{"actor", e.Actor}, {"recipient", e.Recipient}, {"place", e.Place}} {
			for _, a := range g.args {
				if k == 256 {
					return fmt.Errorf("event %d has more than 255 actors, recipients and places", n)
				}
				var ent any
				if a.Entity >= 0 && a.Entity < len(d.Entities) {
					ent = base + int64(a.Entity)
				}
				args.add((base+int64(n))*256+int64(k), id, n, g.role, a.Name, ent, a.Span.Start, a.Span.End)
				k++
			}
		}
	}
	timexes := t.rows("timexes", `timex, doc, n, start, "end", type, value, granularity, anchor, mod`)
	for n, x := range d.Timexes {
		timexes.add(base+int64(n), id, n, x.Start, x.End, x.Type, x.Value, nullStr(x.Granularity), nullStr(x.Anchor), nullStr(x.Mod))
	}
	quants := t.rows("quantities", `quantity, doc, n, start, "end", value, bound, category, counts, unit, ordinal`)
	for n, q := range d.Quantities {
		quants.add(base+int64(n), id, n, q.Start, q.End, q.Value, q.Bound, nullStr(q.Category), nullStr(q.Counts), nullStr(q.Unit), q.Ordinal)
	}
	flags := t.rows("flags", `flag, doc, n, start, "end", kind, why`)
	for n, f := range d.Flags {
		flags.add(base+int64(n), id, n, f.Start, f.End, string(f.Kind), nullStr(f.Why))
	}
	for _, r := range []*rowSet{ents, quotes, events, args, timexes, quants, flags} {
		if err := t.insert(r); err != nil {
			return err
		}
	}
	return nil
}

// rowSet gathers the rows of one table for insert.
type rowSet struct {
	table, cols string
	ncol        int
	vals        []any
}

func (t *Tx) rows(table, cols string) *rowSet {
	return &rowSet{table: table, cols: cols, ncol: strings.Count(cols, ",") + 1}
}

func (r *rowSet) add(vals ...any) {
	if len(vals) != r.ncol {
		panic(fmt.Sprintf("store: %d values for the %d columns of %s", len(vals), r.ncol, r.table))
	}
	r.vals = append(r.vals, vals...)
}

// rowsPerInsert bounds a multi-row INSERT (SQLite takes 32,766 values).
const rowsPerInsert = 64

// insert writes the rows in statements of up to rowsPerInsert rows; the
// statement for k rows is prepared once per transaction.
func (t *Tx) insert(r *rowSet) error {
	for len(r.vals) > 0 {
		k := min(len(r.vals)/r.ncol, rowsPerInsert)
		one := "(" + strings.Repeat("?, ", r.ncol-1) + "?)"
		q := "INSERT INTO " + r.table + " (" + r.cols + ") VALUES " + strings.Repeat(one+", ", k-1) + one
		if _, err := t.exec(q, r.vals[:k*r.ncol]...); err != nil {
			return fmt.Errorf("%s: %w", r.table, err)
		}
		r.vals = r.vals[k*r.ncol:]
	}
	return nil
}

// optSpan gives a span's offsets, or two NULLs when the span is absent
// (zero).
func optSpan(s doc.Span) (any, any) {
	if s.IsZero() {
		return nil, nil
	}
	return s.Start, s.End
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
