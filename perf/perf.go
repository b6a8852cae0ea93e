// Package perf measures the pipeline's speed and memory: documents and
// megabytes per second for the whole pipeline and per stage, and peak
// memory. It backs "dossier bench"; the go test benchmarks live beside the
// code they measure.
package perf

import (
	"fmt"
	"io"
	"os"
	"runtime"
	"strconv"
	"strings"
	"time"

	"github.com/dossier-news/dossier/doc"
	"github.com/dossier-news/dossier/pipeline"
)

// Result is one measurement.
type Result struct {
	Docs     int
	Bytes    int64
	Words    int64
	Workers  int
	Elapsed  time.Duration
	Stages   []string
	PerStage []time.Duration // CPU time summed over workers
	PeakRSS  int64           // bytes; 0 when the system does not say
	Alloc    uint64          // bytes allocated during the run
}

// Run analyses fresh copies of docs rounds times with the given workers and
// measures it. Each round builds new documents, so no stage's work is reused.
func Run(p *pipeline.Pipeline, docs []*doc.Document, rounds, workers int) (Result, error) {
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	p.Timings = make([]time.Duration, len(p.Stages))
	r := Result{Workers: workers, Stages: p.Names()}
	var ms0, ms1 runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&ms0)
	// Every document runs once a round, so the words are counted once here
	// rather than on the emitting goroutine.
	for _, d := range docs {
		r.Words += int64(rounds) * int64(len(strings.Fields(d.Text)))
	}
	var firstErr error
	t0 := time.Now()
	// All rounds stream through one run, so that several workers overlap
	// even when the input is a single document.
	in := make(chan pipeline.Item, workers*2)
	go func() {
		for round := 0; round < rounds; round++ {
			for _, d := range docs {
				c := doc.New(d.ID, d.Text)
				c.Published, c.PublishedFrom, c.Title = d.Published, d.PublishedFrom, d.Title
				in <- pipeline.Item{Doc: c}
			}
		}
		close(in)
	}()
	p.Run(in, workers, func(it pipeline.Item) {
		if it.Err != nil && firstErr == nil {
			firstErr = it.Err
		}
		r.Docs++
		r.Bytes += int64(len(it.Doc.Text))
	})
	r.Elapsed = time.Since(t0)
	runtime.ReadMemStats(&ms1)
	r.Alloc = ms1.TotalAlloc - ms0.TotalAlloc
	r.PerStage = append([]time.Duration(nil), p.Timings...)
	p.Timings = nil
	r.PeakRSS = peakRSS()
	return r, firstErr
}

// peakRSS reads the process's peak resident set size from /proc (Linux).
func peakRSS() int64 {
	b, err := os.ReadFile("/proc/self/status")
	if err != nil {
		return 0
	}
	for _, line := range strings.Split(string(b), "\n") {
		if strings.HasPrefix(line, "VmHWM:") {
			f := strings.Fields(line)
			if len(f) >= 2 {
				kb, _ := strconv.ParseInt(f[1], 10, 64)
				return kb << 10
			}
		}
	}
	return 0
}

// Print writes the result as a small table.
func (r Result) Print(w io.Writer) {
	secs := r.Elapsed.Seconds()
	fmt.Fprintf(w, "documents: %d (%.0f words each on average), workers: %d, elapsed: %.2fs\n",
		r.Docs, float64(r.Words)/float64(max(r.Docs, 1)), r.Workers, secs)
	fmt.Fprintf(w, "pipeline:  %.0f documents/s, %.2f MB/s, %.0f words/s\n", float64(r.Docs)/secs, float64(r.Bytes)/secs/1e6, float64(r.Words)/secs)
	var total time.Duration
	for _, t := range r.PerStage {
		total += t
	}
	fmt.Fprintf(w, "per stage (CPU time summed over workers; documents/s on one core):\n")
	for i, name := range r.Stages {
		t := r.PerStage[i]
		perDoc := t / time.Duration(max(r.Docs, 1))
		rate := 0.0
		if t > 0 {
			rate = float64(r.Docs) / t.Seconds()
		}
		fmt.Fprintf(w, "  %-10s %9s/doc  %10.0f docs/s  %5.1f%%\n", name, perDoc.Round(100*time.Nanosecond), rate, 100*float64(t)/float64(max(total, 1)))
	}
	fmt.Fprintf(w, "memory:    peak RSS %.1f MB, allocated %.1f KB per document\n", float64(r.PeakRSS)/1e6, float64(r.Alloc)/float64(max(r.Docs, 1))/1024)
}
