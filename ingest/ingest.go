// Package ingest is the one path from a source to the store: read (package
// source) → skip what is already stored → analyse on all cores (the
// default pipeline, in input order) → link and store on one writer, in
// batches of one transaction each.
//
// Idempotent: a document is known by its external id and the hash of its
// normalised text and URL (store.Hash); one already stored is skipped
// before it is analysed, so ingesting the same input twice stores nothing
// new, and an interrupted ingest run again continues where it stopped. A
// document that cannot be read, analysed or stored is recorded in the
// store's errors table and the run goes on. The writer commits every
// BatchSize documents or BatchTime, whichever comes first: kill -9 loses at
// most the batch being written, which the next run stores.
package ingest

import (
	"context"
	"errors"
	"fmt"
	"io"
	"sync"
	"sync/atomic"
	"time"

	"github.com/dossier-news/dossier/analyze"
	"github.com/dossier-news/dossier/doc"
	"github.com/dossier-news/dossier/pipeline"
	"github.com/dossier-news/dossier/source"
	"github.com/dossier-news/dossier/store"
)

// Linker links each document to the documents stored before it (package
// link: copies, stories, actors across articles). The writer calls it in
// input order, inside the batch's transaction:
//   - Link before d is stored: it may read everything stored earlier,
//     this batch included, through tx.SQL(), and sets d.Story,
//     d.DuplicateOf and d.Entities[i].Actor, which Put then stores. It
//     must not write: an error records d as failed and d is not stored.
//   - Stored right after, with d's internal id (documents.doc), to write
//     the linker's own rows (signatures, bands) about d. An error is
//     recorded against d, which stays stored: Stored must leave its rows
//     consistent when it fails (write them last, or check first).
//
// Both run on the writer goroutine only, so a Linker needs no locking of
// its own. (No savepoint wraps a document: in SQLite each one costs a
// statement journal of every page touched, a tenth of the writer's time.)
type Linker interface {
	Link(tx *store.Tx, d *doc.Document) error
	Stored(tx *store.Tx, d *doc.Document, n int64) error
}

// NopLinker links nothing: the default until package link plugs in.
type NopLinker struct{}

// Link does nothing.
func (NopLinker) Link(*store.Tx, *doc.Document) error { return nil }

// Stored does nothing.
func (NopLinker) Stored(*store.Tx, *doc.Document, int64) error { return nil }

// Options control an ingest.
type Options struct {
	Workers   int            // documents analysed at once; <= 0 means all cores
	Source    source.Options // how inputs are read (size limit, --published)
	StdinKind source.Kind    // what standard input holds: source.JSONL for "-" as JSON Lines
	Linker    Linker         // nil means NopLinker
	// BatchSize and BatchTime bound a transaction: a commit every
	// BatchSize documents or BatchTime, whichever comes first.
	BatchSize int
	BatchTime time.Duration
	// Progress, when not nil, is called about once a second (and at the
	// end) from another goroutine with the counts so far.
	Progress func(Counts)
	// Pipeline replaces the default analysis (tests).
	Pipeline *pipeline.Pipeline
}

// Counts are an ingest's figures.
type Counts struct {
	Stored    int   // newly stored documents
	Skipped   int   // already stored: same id and the same text
	Failed    int   // recorded in the errors table
	TextBytes int64 // bytes of text seen (stored, skipped or failed after reading)
	Elapsed   time.Duration
}

// Done is every document dealt with.
func (c Counts) Done() int { return c.Stored + c.Skipped + c.Failed }

// errStored marks an input skipped because it is already stored.
var errStored = errors.New("already stored")

// Run ingests the inputs (paths, directories, "-" for stdin; what
// source.Read takes) into st. Per-document problems are recorded, not
// returned; the error is for what stops the run (the store cannot be
// written, an input cannot be read at all), and the counts say what was
// committed before it.
func Run(ctx context.Context, st *store.Store, inputs []string, stdin io.Reader, o Options) (Counts, error) {
	if o.Linker == nil {
		o.Linker = NopLinker{}
	}
	if o.BatchSize <= 0 {
		o.BatchSize = 500
	}
	if o.BatchTime <= 0 {
		o.BatchTime = 2 * time.Second
	}
	r := &run{st: st, o: o, start: time.Now()}
	p := o.Pipeline
	if p == nil {
		p = analyze.Default()
	}
	// Encoding (JSON, compression, hash) runs as a last stage on the
	// workers, keyed by document, so that the writer only inserts.
	// It encodes whatever layers the stages before it made, so it requires
	// only the input's.
	stages := append(append([]pipeline.Stage{}, p.Stages...), pipeline.StageFunc{StageName: "encode", Needs: pipeline.Input, Fn: r.encode})
	p = pipeline.MustNew(stages...)

	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	raw := make(chan pipeline.Item, 64)
	readErr := make(chan error, 1)
	go func() {
		readErr <- source.Read(inputs, stdin, o.StdinKind, o.Source, raw)
		close(raw)
	}()
	fresh := make(chan pipeline.Item, 64)
	go r.skipKnown(ctx, raw, fresh)

	stopProgress := r.progress()
	w := &writer{run: r, cancel: cancel}
	p.Run(fresh, o.Workers, w.write)
	err := w.finish()
	stopProgress()
	if err != nil {
		for range raw { // let the reader finish so that its goroutine ends
		}
		return r.counts(), err
	}
	if rerr := <-readErr; rerr != nil {
		return r.counts(), rerr
	}
	return r.counts(), nil
}

// run is one ingest's shared state.
type run struct {
	st      *store.Store
	o       Options
	start   time.Time
	encoded sync.Map // *doc.Document → *store.Encoded

	stored, skipped, failed atomic.Int64
	textBytes               atomic.Int64
}

func (r *run) counts() Counts {
	return Counts{Stored: int(r.stored.Load()), Skipped: int(r.skipped.Load()), Failed: int(r.failed.Load()),
		TextBytes: r.textBytes.Load(), Elapsed: time.Since(r.start)}
}

func (r *run) encode(d *doc.Document) error {
	enc, err := store.Encode(d)
	if err != nil {
		return err
	}
	r.encoded.Store(d, enc)
	return nil
}

// skipKnown passes items on, turning those already stored (same id, same
// hash) into skips before they cost an analysis. A document whose id is
// stored with another text is an error: ids name one text.
func (r *run) skipKnown(ctx context.Context, in <-chan pipeline.Item, out chan<- pipeline.Item) {
	defer close(out)
	for it := range in {
		if it.Err == nil && it.Doc != nil {
			r.textBytes.Add(int64(len(it.Doc.Text)))
			k, ok, err := r.st.Lookup(ctx, it.Doc.ID)
			switch {
			case err != nil:
				// Leave it to the writer, which looks again in its transaction.
			case ok && k.Hash == store.Hash(it.Doc.Text, it.Doc.URL):
				it = pipeline.Item{Err: errStored, Source: it.Source, ID: it.Doc.ID}
			case ok:
				it = pipeline.Item{Err: changedErr(it.Doc.ID), Source: it.Source, ID: it.Doc.ID}
			}
		}
		select {
		case out <- it:
		case <-ctx.Done():
			return
		}
	}
}

func changedErr(id string) error {
	return fmt.Errorf("id %q is already stored with a different text: ids name one text; ingest the new text under another id (or into another store)", id)
}

// progress calls o.Progress once a second until stopped, and once more at
// the end.
func (r *run) progress() (stop func()) {
	if r.o.Progress == nil {
		return func() {}
	}
	done := make(chan struct{})
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		t := time.NewTicker(time.Second)
		defer t.Stop()
		for {
			select {
			case <-t.C:
				r.o.Progress(r.counts())
			case <-done:
				return
			}
		}
	}()
	return func() {
		close(done)
		wg.Wait()
		r.o.Progress(r.counts())
	}
}
