// Package pipeline runs Dossier's stages over documents: an ordered list of
// stages, each adding layers, and a worker pool that analyses many
// documents at once while giving results back in input order.
//
// Every stage declares the layers (doc.Layer) it requires and provides, and
// New refuses an order in which a stage would run before a layer it needs
// exists: the error names the missing layer and the stage that makes it. So
// stages need no guards for documents that lack a layer, and Graph shows
// what feeds what (`dossier pipeline` prints it).
package pipeline

import (
	"fmt"
	"runtime"
	"runtime/debug"
	"sync"
	"time"

	"github.com/dossier-news/dossier/doc"
)

// Stage adds layers to a document. A stage reads only the layers it
// requires (never raw input by another route), fills only those it
// provides, and must be safe for concurrent use on different documents:
// per-document state lives in local variables.
type Stage interface {
	Name() string
	// Requires is the set of layers the stage reads; each must be the
	// input's (doc.LayerText) or an earlier stage's.
	Requires() doc.Layers
	// Provides is the set of layers the stage fills.
	Provides() doc.Layers
	Process(d *doc.Document) error
}

// StageFunc adapts a function to a Stage.
type StageFunc struct {
	StageName string
	Needs     doc.Layers // what Requires returns
	Makes     doc.Layers // what Provides returns
	Fn        func(d *doc.Document) error
}

// Name returns the stage's name.
func (s StageFunc) Name() string { return s.StageName }

// Requires returns s.Needs.
func (s StageFunc) Requires() doc.Layers { return s.Needs }

// Provides returns s.Makes.
func (s StageFunc) Provides() doc.Layers { return s.Makes }

// Process runs the function.
func (s StageFunc) Process(d *doc.Document) error { return s.Fn(d) }

// Input is what every document has before any stage runs: its text.
const Input = doc.Layers(1 << doc.LayerText)

// Pipeline is an ordered list of stages.
type Pipeline struct {
	Stages []Stage
	// Timings, when not nil, collects the time spent in each stage (by index).
	Timings []time.Duration
	mu      sync.Mutex
}

// New returns a pipeline of the given stages, or an error when a stage
// requires a layer that neither the input nor an earlier stage provides.
func New(stages ...Stage) (*Pipeline, error) {
	if err := Check(stages); err != nil {
		return nil, err
	}
	return &Pipeline{Stages: stages}, nil
}

// MustNew is New for a fixed list of stages, whose order is a programming
// matter: it panics on an error.
func MustNew(stages ...Stage) *Pipeline {
	p, err := New(stages...)
	if err != nil {
		panic(err)
	}
	return p
}

// Check verifies that the stages, run in this order over a document that
// has only its input, find every layer they require. The error names the
// first missing layer, the stage that needs it and, when a later stage
// makes it, that stage.
func Check(stages []Stage) error {
	have := Input
	for i, s := range stages {
		if missing := s.Requires() &^ have; missing != 0 {
			l := missing.List()[0]
			for _, later := range stages[i+1:] {
				if later.Provides().Has(l) {
					return fmt.Errorf("stage %s requires the %s layer, which stage %s provides only later: put %s before %s", s.Name(), l, later.Name(), later.Name(), s.Name())
				}
			}
			return fmt.Errorf("stage %s requires the %s layer, which no stage before it provides: add a stage that provides %s", s.Name(), l, l)
		}
		have |= s.Provides()
	}
	return nil
}

// Edge is one line of the layer graph: a layer that stage To reads from
// stage From ("" for the input).
type Edge struct {
	From, To string
	Layer    doc.Layer
}

// Graph returns, for every stage in order, where each layer it requires
// comes from: the latest stage before it that provides the layer, or ""
// for the input. The pipeline must have passed Check.
func (p *Pipeline) Graph() []Edge {
	var out []Edge
	for i, s := range p.Stages {
		for _, l := range s.Requires().List() {
			from := ""
			for j := i - 1; j >= 0; j-- {
				if p.Stages[j].Provides().Has(l) {
					from = p.Stages[j].Name()
					break
				}
			}
			out = append(out, Edge{From: from, To: s.Name(), Layer: l})
		}
	}
	return out
}

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
