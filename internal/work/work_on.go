//go:build worktest

package work

import "sync/atomic"

// On reports whether steps are counted (the worktest build tag).
const On = true

var steps atomic.Int64

// Add counts n steps.
func Add(n int) { steps.Add(int64(n)) }

// Count returns the steps counted since the last Reset.
func Count() int64 { return steps.Load() }

// Reset sets the count to zero.
func Reset() { steps.Store(0) }
