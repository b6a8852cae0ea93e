// Package newsgen makes any number of distinct PolNeAR-like news articles
// for measuring ingest and queries at scale: each article keeps the
// headline and most paragraphs of one real gold article and swaps about a
// third of its paragraphs for paragraphs of other articles, so lengths,
// vocabulary, names and quotes stay those of real news. The gold corpora
// are read at run time from ../shared; nothing of them is copied into the
// project, and the output is for measurement only (never for training or
// tuning). The same seed gives the same articles.
package newsgen

import (
	"bufio"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"os"
	"strings"
	"time"
)

// Line is one generated article, in the input format of extract --jsonl
// and ingest.
type Line struct {
	ID        string `json:"id"`
	Title     string `json:"title"`
	URL       string `json:"url"`
	Published string `json:"published"`
	Text      string `json:"text"`
}

type article struct {
	publisher string
	paras     []string // the first is the headline
}

// Generator makes articles from a pool of real ones.
type Generator struct {
	arts  []article
	paras []string // every body paragraph of every article
	seed  uint64
}

// DefaultSources are the PolNeAR files beside the project.
var DefaultSources = []string{"../shared/gold/polnear/train.jsonl", "../shared/gold/polnear/dev.jsonl"}

// New reads the pool from JSON Lines files of {"text", "publisher"}.
func New(seed uint64, paths ...string) (*Generator, error) {
	g := &Generator{seed: seed}
	for _, p := range paths {
		f, err := os.Open(p)
		if err != nil {
			return nil, fmt.Errorf("newsgen: %w (the generator reads the gold corpora beside the project: ../shared)", err)
		}
		sc := bufio.NewScanner(f)
		sc.Buffer(make([]byte, 1<<20), 64<<20)
		for sc.Scan() {
			var in struct{ Text, Publisher string }
			if err := json.Unmarshal(sc.Bytes(), &in); err != nil {
				f.Close()
				return nil, fmt.Errorf("newsgen: %s: %w", p, err)
			}
			var paras []string
			for _, para := range strings.Split(in.Text, "\n\n") {
				if strings.TrimSpace(para) != "" {
					paras = append(paras, para)
				}
			}
			if len(paras) < 2 {
				continue
			}
			g.arts = append(g.arts, article{in.Publisher, paras})
			g.paras = append(g.paras, paras[1:]...)
		}
		f.Close()
		if err := sc.Err(); err != nil {
			return nil, fmt.Errorf("newsgen: %s: %w", p, err)
		}
	}
	if len(g.arts) == 0 {
		return nil, fmt.Errorf("newsgen: no articles in %v", paths)
	}
	return g, nil
}

// Article returns article i: the same for the same seed and i, distinct
// for distinct i (its number is in its dateline and URL).
func (g *Generator) Article(i int) Line {
	r := rand.New(rand.NewPCG(g.seed, uint64(i)))
	base := g.arts[r.IntN(len(g.arts))]
	paras := make([]string, 0, len(base.paras))
	paras = append(paras, base.paras[0])
	for _, p := range base.paras[1:] {
		if r.IntN(3) == 0 {
			p = g.paras[r.IntN(len(g.paras))]
		}
		paras = append(paras, p)
	}
	day := time.Date(2016, 1, 1, 0, 0, 0, 0, time.UTC).AddDate(0, 0, r.IntN(730))
	pub := base.publisher
	if pub == "" {
		pub = "news"
	}
	id := fmt.Sprintf("gen-%07d", i)
	title := strings.TrimSpace(strings.SplitN(paras[0], "\n", 2)[0])
	// A dateline with the article's number makes every text distinct even
	// when two draws pick the same paragraphs.
	paras[1] = fmt.Sprintf("(Dispatch %d) %s", i, paras[1])
	return Line{ID: id, Title: title, URL: fmt.Sprintf("https://%s.example/%s", pub, id),
		Published: day.Format("2006-01-02"), Text: strings.Join(paras, "\n\n")}
}
