package timex

import (
	"strconv"

	"github.com/dossier-news/dossier/doc"
)

// Dateline reads the date of a wire dateline at the start of the document
// ("WASHINGTON, Jan. 27 (Reuters) -", "BAMAKO, Mali, January 27, 2023 -") and
// returns it as an ISO date, or with the year written XXXX when the dateline
// gives none (XXXX-01-27), or "" when the document has no dated dateline.
func Dateline(d *doc.Document) string {
	v, _ := dateline(d)
	return v
}

// dateline returns the dateline's date and the span of its date.
func dateline(d *doc.Document) (string, doc.Span) {
	if len(d.Tokens) == 0 {
		return "", doc.Span{}
	}
	l := load()
	limit := len(d.Tokens)
	if limit > 14 {
		limit = 14
	}
	// the place: capitalised words and commas, then the month
	for i := 0; i < limit; i++ {
		tk := d.Tokens[i]
		s := lower(d.TokenText(i))
		m, isMonth := l.months[s]
		if isMonth && i > 0 && tk.Has(doc.FlagCap) && i+1 < len(d.Tokens) {
			prev := d.TokenText(i - 1)
			if prev != "," && prev != "-" && prev != "—" && prev != "–" {
				return "", doc.Span{}
			}
			day, err := strconv.Atoi(d.TokenText(i + 1))
			if d.Tokens[i+1].Kind != doc.Number || err != nil || day < 1 || day > 31 {
				return "", doc.Span{}
			}
			k := i + 2
			year := "XXXX"
			if k+1 < len(d.Tokens) && d.TokenText(k) == "," && d.Tokens[k+1].Kind == doc.Number && len(d.TokenText(k+1)) == 4 {
				year = d.TokenText(k + 1)
				k += 2
			}
			// what follows a dateline: the agency in brackets, a dash, or a colon
			if k < len(d.Tokens) {
				switch d.TokenText(k) {
				case "(", "-", "—", "–", ":", "--":
				default:
					return "", doc.Span{}
				}
			}
			return year + "-" + pad(m, 2) + "-" + pad(day, 2), doc.Span{Start: tk.Start, End: d.Tokens[k-1].End}
		}
		if tk.Kind == doc.Word && !tk.Has(doc.FlagCap) {
			return "", doc.Span{}
		}
		if tk.Kind != doc.Word && d.TokenText(i) != "," && d.TokenText(i) != "." {
			return "", doc.Span{}
		}
	}
	return "", doc.Span{}
}
