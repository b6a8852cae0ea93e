package source

import (
	"errors"

	"github.com/dossier-news/dossier/doc"
)

// ParseHTML extracts the main article text, title and publication date of an
// HTML page.
func ParseHTML(b []byte, id, src string, o Options) (*doc.Document, error) {
	return nil, errors.New("HTML input is not supported yet")
}
