//go:build unix

package query

import (
	"syscall"
	"time"
)

// cpuNow is the CPU time the process has used, user and system: what a
// question costs, whatever else the machine runs.
func cpuNow() time.Duration {
	var ru syscall.Rusage
	if syscall.Getrusage(syscall.RUSAGE_SELF, &ru) != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
