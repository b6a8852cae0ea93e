package report

import (
	"fmt"
	"io"
	"strconv"
	"text/tabwriter"

	"github.com/dossier-news/dossier/doc"
)

// The figures table: every quantity with its value, bound, category and
// what it counts, in text order, so an analyst can check each against the
// words it came from.
func init() {
	Register(Section{Title: "figures", Render: renderFigures})
}

var figBoundMark = map[string]string{"min": "≥", "max": "≤", "approx": "~", "exact": "="}

func renderFigures(w io.Writer, d *doc.Document) {
	if len(d.Quantities) == 0 {
		return
	}
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "value\tbound\tcategory\tcounts\ttext")
	for _, q := range d.Quantities {
		v := figValue(q.Value)
		switch {
		case q.Ordinal:
			v += " (ordinal)"
		case q.Unit == "%":
			v += "%"
		case q.Unit != "":
			v += " " + q.Unit
		}
		b := q.Bound
		if m, ok := figBoundMark[b]; ok {
			b = m + " " + b
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%q%s\n", v, b, figDash(q.Category), figDash(q.Counts), Clip(d.Slice(q.Span), 50), suspectMark(d, q.Span))
	}
	tw.Flush()
}

// figValue writes 2250 as 2,250 and 1500000 as 1,500,000; fractions keep
// their decimals.
func figValue(v float64) string {
	if v != float64(int64(v)) || v >= 1e15 || v <= -1e15 {
		return strconv.FormatFloat(v, 'f', -1, 64)
	}
	s := strconv.FormatInt(int64(v), 10)
	neg := s[0] == '-'
	if neg {
		s = s[1:]
	}
	out := make([]byte, 0, len(s)+len(s)/3+1)
	for i := range len(s) {
		if i > 0 && (len(s)-i)%3 == 0 {
			out = append(out, ',')
		}
		out = append(out, s[i])
	}
	if neg {
		return "-" + string(out)
	}
	return string(out)
}

func figDash(s string) string {
	if s == "" {
		return "-"
	}
	return s
}
