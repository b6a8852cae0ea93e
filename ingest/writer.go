package ingest

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/dossier-news/dossier/pipeline"
	"github.com/dossier-news/dossier/store"
)

// writer is the one goroutine that writes: it receives analysed items in
// input order (pipeline.Run's emit) and stores them in batches.
type writer struct {
	*run
	cancel  context.CancelFunc // stops the reading when the store cannot be written
	tx      *store.Tx
	inBatch int
	opened  time.Time
	pending struct{ stored, failed int } // counted when the batch commits
	fatal   error
}

// write handles one item: a skip, a failure to record, or a document to
// link and store.
func (w *writer) write(it pipeline.Item) {
	if it.Doc != nil {
		defer w.encoded.Delete(it.Doc)
	}
	if w.fatal != nil {
		return // the store cannot be written: drain
	}
	if errors.Is(it.Err, errStored) {
		w.skipped.Add(1)
		return
	}
	if err := w.begin(); err != nil {
		w.fail(err)
		return
	}
	if it.Err != nil || it.Doc == nil {
		w.record(it.Source, it.ID, it.Err)
	} else {
		w.put(it)
	}
	if w.fatal == nil && (w.inBatch >= w.o.BatchSize || time.Since(w.opened) >= w.o.BatchTime) {
		if err := w.commit(); err != nil {
			w.fail(err)
		}
	}
}

// put links and stores one document inside a savepoint, so that a failure
// undoes only this document's rows.
func (w *writer) put(it pipeline.Item) {
	d := it.Doc
	k, ok, err := w.tx.Lookup(d.ID)
	if err != nil {
		w.fail(err)
		return
	}
	enc, _ := w.encoded.Load(d)
	e, _ := enc.(*store.Encoded)
	if e == nil {
		if e, err = store.Encode(d); err != nil {
			w.record(it.Source, d.ID, err)
			return
		}
	}
	if ok {
		// Stored since it was read: earlier in this input, or by a run
		// that held the lock before this one.
		if k.Hash == e.Hash {
			w.skipped.Add(1)
		} else {
			w.record(it.Source, d.ID, changedErr(d.ID))
		}
		return
	}
	if err := w.o.Linker.Link(w.tx, d); err != nil {
		w.record(it.Source, d.ID, fmt.Errorf("linking: %w", err))
		return
	}
	n, err := w.tx.Put(d, e)
	if err != nil {
		// The database refused a write (a full disk, an I/O error): the
		// batch holds part of this document, so it cannot be committed.
		w.fail(err)
		return
	}
	w.inBatch++
	w.pending.stored++
	if err := w.o.Linker.Stored(w.tx, d, n); err != nil {
		w.record(it.Source, d.ID, fmt.Errorf("stored, but linking failed (the linker's own rows for it may be missing): %w", err))
	}
}

// record writes a failure to the errors table.
func (w *writer) record(src, id string, err error) {
	if src == "" {
		src = id
	}
	if rerr := w.tx.AddError(src, id, err.Error()); rerr != nil {
		w.fail(rerr)
		return
	}
	w.inBatch++
	w.pending.failed++
}

func (w *writer) begin() error {
	if w.tx != nil {
		return nil
	}
	tx, err := w.st.Begin(context.Background())
	if err != nil {
		return err
	}
	w.tx, w.inBatch, w.opened = tx, 0, time.Now()
	return nil
}

func (w *writer) commit() error {
	if w.tx == nil {
		return nil
	}
	err := w.tx.Commit()
	w.tx = nil
	if err != nil {
		return err
	}
	w.stored.Add(int64(w.pending.stored))
	w.failed.Add(int64(w.pending.failed))
	w.pending.stored, w.pending.failed = 0, 0
	return nil
}

// fail stops writing: the batch in hand is lost (the next run stores it),
// every earlier batch is committed.
func (w *writer) fail(err error) {
	if w.fatal != nil {
		return
	}
	lost := w.pending.stored + w.pending.failed
	if w.tx != nil {
		w.tx.Rollback()
		w.tx = nil
	}
	w.fatal = fmt.Errorf("%w; the %d document(s) of the unfinished batch were not stored (run the same command again to continue: what was stored is skipped)", err, lost)
	w.pending.stored, w.pending.failed = 0, 0
	if w.cancel != nil {
		w.cancel()
	}
}

// finish commits the last batch.
func (w *writer) finish() error {
	if w.fatal != nil {
		return w.fatal
	}
	if err := w.commit(); err != nil {
		w.fail(err)
		return w.fatal
	}
	return nil
}
