package perf

import (
	"fmt"
	"io"
	"strings"
	"syscall"
	"time"

	"github.com/dossier-news/dossier/doc"
	"github.com/dossier-news/dossier/examples"
	"github.com/dossier-news/dossier/pipeline"
	"github.com/dossier-news/dossier/source"
)

// A Hostile input is one of the pathological documents of issue 12, made
// to any size: what a crawler may be sent, which a stage that compares all
// pairs or scans to a sentence's edge per word makes quadratic.
type Hostile struct {
	Name string
	What string
	HTML bool // read as an HTML page, not as text
	// unit returns the i-th piece; the input repeats pieces up to its size
	unit func(i int) string
}

// HostileInputs are the inputs of issue 12's table, in its order.
var HostileInputs = []Hostile{
	{Name: "news", What: "the bundled corpus's invented wire articles, joined into one document", unit: newsUnit},
	{Name: "nopunct", What: "one paragraph of words without punctuation", unit: func(i int) string {
		return nopunctWords[(i*7+i/3)%len(nopunctWords)] + " "
	}},
	{Name: "quote", What: `"The minister said \"" repeated (quotation marks never closed)`, unit: func(int) string { return `The minister said "` }},
	{Name: "saidno", What: `"He said no." repeated (a quote and a pronoun every 12 bytes)`, unit: func(int) string { return "He said no. " }},
	{Name: "html", What: `"<p>a</p>" repeated, as an HTML page`, HTML: true, unit: func(int) string { return "<p>a</p>" }},
}

var nopunctWords = strings.Fields("the minister of state and a group of officials met on a day when nothing was said about it by anyone in the capital")

var newsArticles []string

func newsUnit(i int) string {
	if newsArticles == nil {
		for _, a := range examples.Corpus() {
			newsArticles = append(newsArticles, a.Text+"\n\n")
		}
	}
	return newsArticles[i%len(newsArticles)]
}

// Make returns the input of about n bytes (never more).
func (h Hostile) Make(n int) []byte {
	b := make([]byte, 0, n)
	for i := 0; ; i++ {
		u := h.unit(i)
		if len(b)+len(u) > n {
			return b
		}
		b = append(b, u...)
	}
}

// HostileResult is one run of a hostile input.
type HostileResult struct {
	Input   string
	Bytes   int
	Elapsed time.Duration // wall clock
	CPU     time.Duration // user and system time of the process during the run
	PeakRSS int64         // of the process: run one input a process to read it per input
	Err     error         // the input was refused (a page over source.MaxElements)
}

// RunHostile reads, analyses and encodes (to io.Discard) one hostile input
// of n bytes, as dossier extract would, on one worker.
func RunHostile(p *pipeline.Pipeline, h Hostile, n int) HostileResult {
	b := h.Make(n)
	r := HostileResult{Input: h.Name, Bytes: len(b)}
	cpu0 := cpuTime()
	t0 := time.Now()
	var d *doc.Document
	var err error
	if h.HTML {
		d, err = source.ParseHTML(b, h.Name, h.Name, source.Options{})
	} else {
		var text string
		if text, _, err = source.CleanText(b, source.DefaultMaxBytes); err == nil {
			d = doc.New(h.Name, text)
		}
	}
	b = nil
	if err == nil {
		if err = p.Process(d); err == nil {
			err = d.WriteJSON(io.Discard, "  ")
		}
	}
	r.Elapsed, r.CPU, r.Err = time.Since(t0), cpuTime()-cpu0, err
	r.PeakRSS = peakRSS()
	return r
}

// cpuTime is the process's user and system time so far.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if syscall.Getrusage(syscall.RUSAGE_SELF, &ru) != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// PrintHostile writes results as the table of issue 12.
func PrintHostile(w io.Writer, rs []HostileResult) {
	fmt.Fprintf(w, "%-8s %9s %9s %9s %10s %10s %9s  %s\n", "input", "MB", "wall s", "CPU s", "MB/s CPU", "peak RSS", "x input", "")
	for _, r := range rs {
		mb := float64(r.Bytes) / (1 << 20)
		note := ""
		if r.Err != nil {
			note = "refused: " + r.Err.Error()
		}
		fmt.Fprintf(w, "%-8s %9.2f %9.2f %9.2f %10.2f %8.0fMB %9.1f  %s\n", r.Input, mb, r.Elapsed.Seconds(), r.CPU.Seconds(),
			mb/max(r.CPU.Seconds(), 1e-9), float64(r.PeakRSS)/(1<<20), float64(r.PeakRSS)/float64(max(r.Bytes, 1)), note)
	}
}

// HostileByName returns the input named name.
func HostileByName(name string) (Hostile, bool) {
	for _, h := range HostileInputs {
		if h.Name == name {
			return h, true
		}
	}
	return Hostile{}, false
}
