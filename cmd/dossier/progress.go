package main

import (
	"fmt"
	"io"
	"os"
	"time"

	"github.com/dossier-news/dossier/ingest"
)

// progress prints an ingest's progress on stderr: one line redrawn in
// place on a terminal, a plain line every ten seconds otherwise (a log).
type progress struct {
	w        io.Writer
	terminal bool
	total    int64 // bytes of input, for the ETA; 0 when unknown
	last     time.Time
	drawn    bool
}

func newProgress(w io.Writer, total int64) *progress {
	return &progress{w: w, terminal: isTerminal(w), total: total, last: time.Now()}
}

func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	fi, err := f.Stat()
	return err == nil && fi.Mode()&os.ModeCharDevice != 0
}

func (p *progress) line(c ingest.Counts) string {
	rate := float64(c.Done()) / max(c.Elapsed.Seconds(), 1e-9)
	s := fmt.Sprintf("%d documents (%d stored, %d already stored, %d failed), %.0f docs/s", c.Done(), c.Stored, c.Skipped, c.Failed, rate)
	if p.total > 0 && c.TextBytes > 0 && c.TextBytes < p.total {
		eta := time.Duration(float64(c.Elapsed) * float64(p.total-c.TextBytes) / float64(c.TextBytes))
		s += fmt.Sprintf(", about %s left", eta.Round(time.Second))
	}
	return s
}

func (p *progress) show(c ingest.Counts) {
	if p.terminal {
		fmt.Fprintf(p.w, "\r\033[K%s", p.line(c))
		p.drawn = true
		return
	}
	if time.Since(p.last) >= 10*time.Second {
		p.last = time.Now()
		fmt.Fprintf(p.w, "dossier ingest: %s\n", p.line(c))
	}
}

// end clears the live line before the summary.
func (p *progress) end() {
	if p.drawn {
		fmt.Fprint(p.w, "\r\033[K")
	}
}
