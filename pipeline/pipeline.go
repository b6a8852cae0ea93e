// Package pipeline runs Dossier's stages over documents: an ordered list of
// stages, each adding one layer, and a worker pool that analyses many
// documents at once while giving results back in input order.
package pipeline

import (
	"fmt"
	"runtime"
	"runtime/debug"
	"sync"
	"time"

	"github.com/dossier-news/dossier/doc"
)

// Stage adds one layer to a document. A stage reads only the document's
// layers (never raw input by another route) and must be safe for concurrent
// use on different documents: per-document state lives in local variables.
type Stage interface {
	Name() string
	Process(d *doc.Document) error
}

// StageFunc adapts a function to a Stage.
type StageFunc struct {
	StageName string
	Fn        func(d *doc.Document) error
}

// Name returns the stage's name.
func (s StageFunc) Name() string { return s.StageName }

// Process runs the function.
func (s StageFunc) Process(d *doc.Document) error { return s.Fn(d) }

// Pipeline is an ordered list of stages.
type Pipeline struct {
	Stages []Stage
	// Timings, when not nil, collects the time spent in each stage (by index).
	Timings []time.Duration
	mu      sync.Mutex
}

// New returns a pipeline of the given stages.
func New(stages ...Stage) *Pipeline { return &Pipeline{Stages: stages} }

// Names lists the stages in order.
func (p *Pipeline) Names() []string {
	out := make([]string, len(p.Stages))
	for i, s := range p.Stages {
		out[i] = s.Name()
	}
	return out
}

// Process runs every stage over d in order. A panic inside a stage is turned
// into an error naming the stage, so one bad document never stops a batch.
func (p *Pipeline) Process(d *doc.Document) (err error) {
	var local []time.Duration
	if p.Timings != nil {
		local = make([]time.Duration, len(p.Stages))
	}
	for i, s := range p.Stages {
		t0 := time.Now()
		if err := runStage(s, d); err != nil {
			return err
		}
		if local != nil {
			local[i] += time.Since(t0)
		}
	}
	if local != nil {
		p.mu.Lock()
		for i, t := range local {
			p.Timings[i] += t
		}
		p.mu.Unlock()
	}
	return nil
}

func runStage(s Stage, d *doc.Document) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("stage %s failed on this document (a bug in Dossier; please report it with the input): %v\n%s", s.Name(), r, debug.Stack())
		}
	}()
	if err := s.Process(d); err != nil {
		return fmt.Errorf("stage %s: %w", s.Name(), err)
	}
	return nil
}

// Item is one unit of work for Run: a document to analyse, or an input that
// could not be read (Err set, Doc possibly nil).
type Item struct {
	Doc *doc.Document
	Err error
	// Source names the input for error messages: a path, "stdin:12".
	Source string
	ID     string
}

// Run analyses the items from in with the given number of workers (<= 0
// means GOMAXPROCS) and calls emit for each, in input order. Items that
// arrive with Err set are passed through untouched. emit runs on one
// goroutine at a time.
func (p *Pipeline) Run(in <-chan Item, workers int, emit func(Item)) {
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	type job struct {
		it   Item
		done chan Item
	}
	jobs := make(chan job, workers*2)
	order := make(chan chan Item, workers*4) // bounds how far workers run ahead
	var wg sync.WaitGroup
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := range jobs {
				if j.it.Err == nil && j.it.Doc != nil {
					j.it.Err = p.Process(j.it.Doc)
				}
				j.done <- j.it
			}
		}()
	}
	go func() {
		for it := range in {
			done := make(chan Item, 1)
			order <- done
			jobs <- job{it, done}
		}
		close(jobs)
		close(order)
	}()
	for done := range order {
		emit(<-done)
	}
	wg.Wait()
}
