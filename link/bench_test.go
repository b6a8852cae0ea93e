//go:build unix

package link

import (
	"bufio"
	"encoding/json"
	"math/rand"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/dossier-news/dossier/analyze"
	"github.com/dossier-news/dossier/doc"
)

// TestLinkScale measures what linking one document costs at store sizes of
// 10k and 50k documents (and more with LINK_SCALE=200000), against what
// analysing one costs. Run with:
//
//	LINK_SCALE=50000 go test ./link -run LinkScale -v -timeout 1h
//
// The documents recombine 6 to 14 random paragraphs of PolNeAR's training
// articles (read, never copied) into new texts, so that signatures and
// words are as varied as in distinct articles; each borrows the entities of
// one of a pool of analysed articles. It logs, at each size, the mean
// time and the mean candidates compared per document over the next 1,000
// documents: work that must stay flat as the store grows. Times are the
// process's CPU time (user and system), not wall time, which other jobs on
// a shared machine inflate; the garbage collector's work is in both.
func TestLinkScale(t *testing.T) {
	n := 0
	if v := os.Getenv("LINK_SCALE"); v != "" {
		for _, c := range v {
			n = n*10 + int(c-'0')
		}
	}
	if n == 0 {
		t.Skip("set LINK_SCALE=50000 to measure linking at scale")
	}
	paras := polnearParagraphs(t)
	rng := rand.New(rand.NewSource(7))
	compose := func() string {
		k := 6 + rng.Intn(9)
		parts := make([]string, k)
		for j := range parts {
			parts[j] = paras[rng.Intn(len(paras))]
		}
		return strings.Join(parts, "\n\n")
	}
	// the pool: analysed once, for its entities; the analysis time per
	// document is the yardstick
	p := analyze.Default()
	pool := make([]*Features, 300)
	start := cpuTime()
	for i := range pool {
		d := doc.New("pool", compose())
		if err := p.Process(d); err != nil {
			t.Fatal(err)
		}
		pool[i] = FeaturesOf(d)
	}
	analyse := (cpuTime() - start) / time.Duration(len(pool))
	l := New(DefaultConfig())
	gen := func(i int) (*Features, time.Duration) {
		d := doc.New("gen", compose())
		t0 := cpuTime()
		f := &Features{ID: "gen", Sig: Sign(d.Text), Terms: map[string]int{}}
		for _, w := range normWords(d.Text) {
			if len(w) >= 3 && !isNumber(w) {
				f.Terms["w:"+w]++
			}
		}
		src := pool[i%len(pool)]
		for k, v := range src.Terms {
			if k[0] != 'w' && k[0] != 'h' {
				f.Terms[k] = v
			}
		}
		f.Ents = src.Ents
		return f, cpuTime() - t0
	}
	t.Logf("analysis: %s of CPU per document (pool of %d, one goroutine)", analyse.Round(time.Microsecond), len(pool))
	for _, size := range []int{10000, 50000, 200000} {
		if size > n {
			break
		}
		for l.Len() < size {
			f, _ := gen(l.Len())
			l.Link(f)
		}
		before := l.Work
		var took time.Duration
		const m = 1000
		for i := 0; i < m; i++ {
			f, feat := gen(l.Len())
			t0 := cpuTime()
			l.Link(f)
			took += feat + cpuTime() - t0
		}
		per := took / m
		t.Logf("store of %d: linking %s of CPU per document (%.0f%% of analysis); compared per document: %.1f signatures, %.1f story vectors",
			size, per.Round(time.Microsecond), 100*float64(per)/float64(analyse),
			float64(l.Work.CopyCandidates-before.CopyCandidates)/m, float64(l.Work.StoryCandidates-before.StoryCandidates)/m)
	}
}

func polnearParagraphs(t *testing.T) []string {
	fh, err := os.Open(filepath.Join(goldDir(), "polnear", "train.jsonl"))
	if err != nil {
		t.Skipf("no PolNeAR corpus: %v", err)
	}
	defer fh.Close()
	var out []string
	sc := bufio.NewScanner(fh)
	sc.Buffer(make([]byte, 1<<20), 1<<26)
	for sc.Scan() {
		var d struct{ Text string }
		if json.Unmarshal(sc.Bytes(), &d) != nil {
			continue
		}
		for _, p := range strings.Split(d.Text, "\n\n") {
			if len(p) > 80 {
				out = append(out, strings.TrimSpace(p))
			}
		}
	}
	return out
}

// cpuTime is the CPU time the process has used so far.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if syscall.Getrusage(syscall.RUSAGE_SELF, &ru) != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
