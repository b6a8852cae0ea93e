package main

import (
	"context"
	"io"

	"github.com/dossier-news/dossier/doc"
	"github.com/dossier-news/dossier/export"
	"github.com/dossier-news/dossier/store"
)

// The formats of package export (csv, acled, plover), registered in
// "dossier export"'s table.
func init() {
	for _, f := range export.Formats {
		name := f.Name
		exportFormats[name] = exportFormat{Help: f.Doc, Dir: f.Dir,
			Write: func(ctx context.Context, st *store.Store, out string, stdout io.Writer) error {
				return exportStored(ctx, st, name, out, stdout)
			}}
	}
}

// exportStored writes every stored document, decoded, through the export
// writer of a format.
func exportStored(ctx context.Context, st *store.Store, format, out string, stdout io.Writer) error {
	w, err := export.Open(format, out, stdout)
	if err != nil {
		return err
	}
	err = st.Each(ctx, func(_ int64, d *doc.Document) error { return w.Write(d) })
	if cerr := w.Close(); err == nil {
		err = cerr
	}
	return err
}
