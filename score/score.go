// Package score measures the extractor against the gold corpora beside the
// project (../shared/gold), by the rules of ../shared/tools/score.py for the
// tasks seed, polnear, tempeval, plover and gum: the same matching, the
// same counts, so that a figure here is the figure score.py prints (its
// own test checks that they agree). score.py stays the independent measure;
// this package puts it in the build: floors for every gold corpus in
// floors_test.go, and `dossier score TASK GOLD` without Python.
//
// Documents are made from the gold lines as `dossier extract --jsonl` makes
// them (source.ParseLine, from the same four fields score.py sends) and
// analysed in-process by the pipeline the caller gives.
package score

import (
	"encoding/json"
	"fmt"
	"math"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/dossier-news/dossier/doc"
	"github.com/dossier-news/dossier/gold"
	"github.com/dossier-news/dossier/pipeline"
	"github.com/dossier-news/dossier/source"
)

// PRF counts one measure: matches, found items and gold items.
type PRF struct {
	TP, Pred, Gold int
}

// P is the precision in percent.
func (m PRF) P() float64 { return pct(m.TP, m.Pred) }

// R is the recall in percent.
func (m PRF) R() float64 { return pct(m.TP, m.Gold) }

// F1 is the harmonic mean of P and R, in percent.
func (m PRF) F1() float64 {
	p, r := m.P(), m.R()
	if p+r == 0 {
		return 0
	}
	return 2 * p * r / (p + r)
}

func pct(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return 100 * float64(a) / float64(b)
}

// String prints the measure as score.py does.
func (m PRF) String() string {
	return fmt.Sprintf("p=%s r=%s f1=%s tp=%d pred=%d gold=%d", r1(m.P()), r1(m.R()), r1(m.F1()), m.TP, m.Pred, m.Gold)
}

// r1 rounds to one decimal as score.py's round(x, 1) prints.
func r1(x float64) string {
	return fmt.Sprintf("%.1f", math.Round(x*10)/10)
}

// Figure is one named measure of a task ("exact_cue", "relaxed").
type Figure struct {
	Name string
	PRF
}

// Result is a task's figures in score.py's order.
type Result struct {
	Task    string
	Figures []Figure
	Docs    int
}

// Get returns the figure called name, or false.
func (r Result) Get(name string) (PRF, bool) {
	for _, f := range r.Figures {
		if f.Name == name {
			return f.PRF, true
		}
	}
	return PRF{}, false
}

func (r *Result) add(name string, m PRF) { r.Figures = append(r.Figures, Figure{name, m}) }

// String prints one line a figure, as score.py does.
func (r Result) String() string {
	var b strings.Builder
	for _, f := range r.Figures {
		fmt.Fprintf(&b, "%-18s %s\n", f.Name, f.PRF)
	}
	return b.String()
}

// Tasks lists the tasks Run knows, in the order score.py's usage names them.
var Tasks = []string{"seed", "polnear", "tempeval", "plover", "gum"}

// Run scores task on the gold file at path, analysing its documents with
// p. For seed, path is the .gold.json file (the text beside it).
func Run(task, path string, p *pipeline.Pipeline) (Result, error) {
	switch task {
	case "seed":
		return Seed(path, p)
	case "polnear":
		return PolNeAR(path, p)
	case "tempeval":
		return TempEval(path, p)
	case "plover":
		return Plover(path, p)
	case "gum":
		return GUM(path, p)
	}
	return Result{}, fmt.Errorf("unknown task %q: want one of %s", task, strings.Join(Tasks, ", "))
}

// analyse makes each input a document as `dossier extract --jsonl` does and
// runs the pipeline over all of them, in order.
func analyse(p *pipeline.Pipeline, in []gold.Input) ([]*doc.Document, error) {
	items := make(chan pipeline.Item)
	go func() {
		defer close(items)
		for n, g := range in {
			line, _ := json.Marshal(g)
			d, id, err := source.ParseLine(line, "gold", n+1, source.Options{})
			items <- pipeline.Item{Doc: d, Err: err, ID: id}
		}
	}()
	out := make([]*doc.Document, 0, len(in))
	var first error
	p.Run(items, 0, func(it pipeline.Item) {
		if it.Err != nil && first == nil {
			first = fmt.Errorf("document %s: %w", it.ID, it.Err)
		}
		out = append(out, it.Doc)
	})
	return out, first
}

// pair is a candidate match of gold item I and found item J.
type pair struct {
	s    float64
	i, j int
}

// greedy matches one to one, best score first; ties go to the higher gold
// index, then the higher found index, as score.py's reverse sort orders
// its (score, i, j) tuples.
func greedy(pairs []pair) [][2]int {
	sort.Slice(pairs, func(a, b int) bool {
		x, y := pairs[a], pairs[b]
		if x.s != y.s {
			return x.s > y.s
		}
		if x.i != y.i {
			return x.i > y.i
		}
		return x.j > y.j
	})
	usedI, usedJ := map[int]bool{}, map[int]bool{}
	var m [][2]int
	for _, p := range pairs {
		if usedI[p.i] || usedJ[p.j] {
			continue
		}
		usedI[p.i], usedJ[p.j] = true, true
		m = append(m, [2]int{p.i, p.j})
	}
	return m
}

// words are the word tokens of a text (the runs of letters, digits and
// underscores: Python's \w+) as byte spans, in order.
type words []doc.Span

func wordsOf(text string) words {
	var out words
	start := -1
	for i, r := range text {
		w := r == '_' || unicode.IsLetter(r) || unicode.IsNumber(r)
		switch {
		case w && start < 0:
			start = i
		case !w && start >= 0:
			out = append(out, doc.Span{Start: start, End: i})
			start = -1
		}
	}
	if start >= 0 {
		out = append(out, doc.Span{Start: start, End: len(text)})
	}
	return out
}

// in returns the words that overlap [start, end), as a set.
func (ws words) in(start, end int) map[doc.Span]bool {
	i := sort.Search(len(ws), func(k int) bool { return ws[k].Start >= start })
	if i > 0 && ws[i-1].End > start {
		i--
	}
	out := map[doc.Span]bool{}
	for ; i < len(ws) && ws[i].Start < end; i++ {
		out[ws[i]] = true
	}
	return out
}

// tokF1 is the F1 of two word sets' overlap.
func tokF1(a, b map[doc.Span]bool) float64 {
	if len(a) == 0 || len(b) == 0 {
		return 0
	}
	n := 0
	for w := range a {
		if b[w] {
			n++
		}
	}
	if n == 0 {
		return 0
	}
	p, r := float64(n)/float64(len(a)), float64(n)/float64(len(b))
	return 2 * p * r / (p + r)
}

// overlaps reports whether any span of a overlaps any of b.
func overlaps(a, b []doc.Span) bool {
	for _, x := range a {
		for _, y := range b {
			if x.Start < y.End && y.Start < x.End {
				return true
			}
		}
	}
	return false
}

// norm folds a name for comparison as score.py's norm does: curly
// apostrophes straight, lower case, every character that is neither a
// word character nor a space dropped, outer blanks trimmed.
func norm(s string) string {
	s = strings.ToLower(strings.ReplaceAll(s, "’", "'"))
	var b strings.Builder
	for _, r := range s {
		if r == ' ' || r == '_' || unicode.IsLetter(r) || unicode.IsNumber(r) {
			b.WriteRune(r)
		}
	}
	return strings.TrimSpace(b.String())
}

// span makes a one-span list, or none for the zero span (absent).
func span(s doc.Span) []doc.Span {
	if s.IsZero() {
		return nil
	}
	return []doc.Span{s}
}

// firstRune is the first character of s, or 0 when s is empty.
func firstRune(s string) rune {
	r, _ := utf8.DecodeRuneInString(s)
	if len(s) == 0 {
		return 0
	}
	return r
}
