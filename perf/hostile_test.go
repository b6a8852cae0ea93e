package perf

import (
	"fmt"
	"testing"

	"github.com/dossier-news/dossier/analyze"
)

// BenchmarkHostile runs the pathological inputs of issue 12 at 1, 5 and 16
// MB (go test ./perf -bench Hostile -benchtime 1x); dossier bench
// --hostile prints the same with CPU time and each input's peak memory.
func BenchmarkHostile(b *testing.B) {
	p := analyze.Default()
	for _, mb := range []int{1, 5, 16} {
		for _, h := range HostileInputs {
			b.Run(fmt.Sprintf("%s/%dMB", h.Name, mb), func(b *testing.B) {
				n := mb << 20
				b.SetBytes(int64(n))
				for i := 0; i < b.N; i++ {
					if r := RunHostile(p, h, n); r.Err != nil && !h.HTML {
						b.Fatal(r.Err)
					}
				}
			})
		}
	}
}

// TestHostileInputs checks the inputs are what they say, at their size.
func TestHostileInputs(t *testing.T) {
	for _, h := range HostileInputs {
		b := h.Make(100 << 10)
		if len(b) > 100<<10 || len(b) < 90<<10 {
			t.Errorf("%s: %d bytes for 100 KB", h.Name, len(b))
		}
		r := RunHostile(analyze.Default(), h, 64<<10)
		if r.Err != nil && !h.HTML {
			t.Errorf("%s: %v", h.Name, r.Err)
		}
	}
}
