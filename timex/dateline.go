package timex

import (
	"github.com/dossier-news/dossier/doc"
)

// Dateline returns the date of the wire dateline that opens the document
// ("WASHINGTON, Jan. 27 (Reuters) -", "BAMAKO, Mali, January 27, 2023 -"),
// as the text layer found it (d.Datelines), as an ISO date, or with the
// year written XXXX when the dateline gives none (XXXX-01-27), or "" when
// the document opens with no dated dateline.
func Dateline(d *doc.Document) string {
	if len(d.Datelines) == 0 || len(d.Tokens) == 0 {
		return ""
	}
	dl := d.Datelines[0]
	if dl.Start != d.Tokens[0].Start || dl.Month == 0 {
		return ""
	}
	year := "XXXX"
	if dl.Year > 0 {
		year = pad(dl.Year, 4)
	}
	return year + "-" + pad(dl.Month, 2) + "-" + pad(dl.Day, 2)
}
