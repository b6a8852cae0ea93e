package query

import (
	"context"
	"fmt"
	"math/rand"
	"sort"
	"strings"
	"time"

	"github.com/dossier-news/dossier/store"
)

// Latency is how long one kind of question took, over many questions.
type Latency struct {
	Question string        `json:"question"`
	N        int           `json:"n"`
	P50      time.Duration `json:"p50_ns"`
	P95      time.Duration `json:"p95_ns"`
	Max      time.Duration `json:"max_ns"`
	// CPU time of the process per question: what a question costs when
	// the machine is shared (wall times then wait for other work).
	CPU50   time.Duration `json:"cpu_p50_ns"`
	CPU95   time.Duration `json:"cpu_p95_ns"`
	Answers int           `json:"answers"` // summed over the questions: they found something
}

func (l Latency) String() string {
	return fmt.Sprintf("%-18s n=%d  p50 %6.1f ms  p95 %6.1f ms  max %6.1f ms  cpu p50 %5.1f ms  p95 %5.1f ms  (%d answers)", l.Question, l.N,
		ms(l.P50), ms(l.P95), ms(l.Max), ms(l.CPU50), ms(l.CPU95), l.Answers)
}

func ms(d time.Duration) float64 { return float64(d) / 1e6 }

// Measure times n questions of each kind the issue sets a target for,
// drawn from the store itself with a fixed seed, so that a run can be
// repeated: "search WORD" (a word of five letters or more from a random
// stored document), "search \"TWO WORDS\"" (a phrase from one), and
// "quotes --speaker SURNAME" (the last word of a random quote's resolved
// speaker). Every question asks for the default limit of answers.
func Measure(ctx context.Context, s *store.Store, n int, seed int64) ([]Latency, error) {
	rng := rand.New(rand.NewSource(seed))
	var maxDoc, maxQuote int64
	if err := s.DB().QueryRowContext(ctx, "SELECT coalesce(max(doc), 0) FROM documents").Scan(&maxDoc); err != nil {
		return nil, err
	}
	if err := s.DB().QueryRowContext(ctx, "SELECT coalesce(max(quote), 0) FROM quotes").Scan(&maxQuote); err != nil {
		return nil, err
	}
	if maxDoc == 0 {
		return nil, fmt.Errorf("the store is empty: nothing to measure")
	}
	var words, phrases, speakers []string
	for tries := 0; len(words) < n && tries < 50*n; tries++ {
		text, err := s.Text(ctx, 1+rng.Int63n(maxDoc))
		if err != nil {
			continue // a gap in the ids
		}
		ws := tokens(text)
		if len(ws) < 2 {
			continue
		}
		i := rng.Intn(len(ws) - 1)
		if len(ws[i]) >= 5 {
			words = append(words, ws[i])
			phrases = append(phrases, `"`+ws[i]+" "+ws[i+1]+`"`)
		}
	}
	for tries := 0; len(speakers) < n && maxQuote > 0 && tries < 50*n; tries++ {
		var name string
		err := s.DB().QueryRowContext(ctx, "SELECT coalesce(e.name, '') FROM quotes q LEFT JOIN entities e ON e.entity = q.speaker WHERE q.quote >= ? ORDER BY q.quote LIMIT 1",
			1+rng.Int63n(maxQuote)).Scan(&name)
		if err == nil && name != "" {
			f := strings.Fields(name)
			speakers = append(speakers, f[len(f)-1])
		}
	}
	var out []Latency
	for _, q := range []struct {
		name string
		args []string
		ask  func(string) (int, error)
	}{
		{"search WORD", words, func(a string) (int, error) {
			r, err := Search(ctx, s, a, SearchFilter{})
			if err != nil {
				return 0, err
			}
			return len(r.Articles) + len(r.Quotes), nil
		}},
		{"search PHRASE", phrases, func(a string) (int, error) {
			r, err := Search(ctx, s, a, SearchFilter{})
			if err != nil {
				return 0, err
			}
			return len(r.Articles) + len(r.Quotes), nil
		}},
		{"quotes --speaker", speakers, func(a string) (int, error) {
			r, err := Quotes(ctx, s, QuoteFilter{Speaker: a})
			return len(r), err
		}},
	} {
		l := Latency{Question: q.name}
		var times, cpu []time.Duration
		for _, a := range q.args {
			start, c0 := time.Now(), cpuNow()
			got, err := q.ask(a)
			if err != nil {
				return nil, fmt.Errorf("%s %s: %w", q.name, a, err)
			}
			times, cpu = append(times, time.Since(start)), append(cpu, cpuNow()-c0)
			l.Answers += got
		}
		if len(times) == 0 {
			continue
		}
		l.N = len(times)
		l.P50, l.P95, l.Max = percentiles(times)
		l.CPU50, l.CPU95, _ = percentiles(cpu)
		out = append(out, l)
	}
	return out, nil
}

// percentiles sorts ds and returns its median, 95th percentile and maximum.
func percentiles(ds []time.Duration) (p50, p95, max time.Duration) {
	sort.Slice(ds, func(i, j int) bool { return ds[i] < ds[j] })
	return ds[len(ds)/2], ds[min(len(ds)-1, len(ds)*95/100)], ds[len(ds)-1]
}
