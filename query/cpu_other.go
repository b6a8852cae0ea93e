//go:build !unix

package query

import "time"

// cpuNow is not measured here: Measure reports no CPU time.
func cpuNow() time.Duration { return 0 }
