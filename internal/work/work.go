//go:build !worktest

// Package work counts the steps the stages take, so that a test can hold
// the pipeline to a bound on its work that does not depend on the
// machine's speed or load (analyze's FuzzPipeline). The stages call Add in
// the loops that could grow with the document; in a normal build Add is
// empty and costs nothing. Build with -tags worktest to count.
package work

// On reports whether steps are counted (the worktest build tag).
const On = false

// Add counts n steps.
func Add(n int) {}

// Count returns the steps counted since the last Reset.
func Count() int64 { return 0 }

// Reset sets the count to zero.
func Reset() {}
