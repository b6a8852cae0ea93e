package source

import (
	"errors"
	"io"

	"github.com/dossier-news/dossier/pipeline"
)

func readWARC(r io.Reader, name string, o Options, out chan<- pipeline.Item) {
	out <- pipeline.Item{Source: name, ID: name, Err: errors.New("WARC files are not read yet")}
}
